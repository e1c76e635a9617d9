import { en } from '../report/l10n';
import { asObject } from '../project/project';
import { finding, type Rule } from './rule';

/** Adobe's hard bounds for configurable aggregation: 1,000 to 10,000 events per call. */
export const maxEventsInBatch: Rule = {
  code: 'PD109',
  title: 'maxNumEventsInBatch is between 1000 and 10000',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    const n = asObject(asObject(value.aggregation)?.configurableAggregation)?.maxNumEventsInBatch;
    if (typeof n !== 'number' || (n >= 1000 && n <= 10000)) return [];
    return [finding(this, '/aggregation/configurableAggregation/maxNumEventsInBatch', en`\`maxNumEventsInBatch\` is ${n}; Adobe accepts 1000 to 10000 events per call.`, { data: { replacement: Math.min(10000, Math.max(1000, n)) } })];
  },
};
