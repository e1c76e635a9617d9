import { en } from '../report/l10n';
import { aggregationKeys } from './facts';
import { finding, type Rule } from './rule';

/** Grouping by audience status only makes sense within an audience. */
export const segmentStatusNeedsId: Rule = {
  code: 'PD111',
  title: 'includeSegmentStatus requires includeSegmentId',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    return aggregationKeys(value)
      .filter(({ key }) => key.includeSegmentStatus === true && key.includeSegmentId !== true)
      .map(({ pointer }) => finding(this, `${pointer}/includeSegmentStatus`, en`\`includeSegmentStatus\` needs \`includeSegmentId: true\`: calls are grouped by audience and then by status.`, { data: { set: { pointer: `${pointer}/includeSegmentId`, value: true } } }));
  },
};
