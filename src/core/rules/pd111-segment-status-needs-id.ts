import { asObject } from '../project/project';
import { finding, type Rule } from './rule';

/** Grouping by audience status only makes sense within an audience. */
export const segmentStatusNeedsId: Rule = {
  code: 'PD111',
  title: 'includeSegmentStatus requires includeSegmentId',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    const aggregation = asObject(value.aggregation);
    return (['configurableAggregation', 'bestEffortAggregation'] as const).flatMap((holder) => {
      const key = asObject(asObject(aggregation?.[holder])?.aggregationKey);
      if (key?.includeSegmentStatus !== true || key.includeSegmentId === true) return [];
      return [finding(this, `/aggregation/${holder}/aggregationKey/includeSegmentStatus`, '`includeSegmentStatus` needs `includeSegmentId: true`: calls are grouped by audience and then by status.', { data: { set: { pointer: `/aggregation/${holder}/aggregationKey/includeSegmentId`, value: true } } })];
    });
  },
};
