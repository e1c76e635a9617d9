import { en } from '../report/l10n';
import { asObject } from '../project/project';
import { finding, type Rule } from './rule';

/**
 * Adobe's pages disagree: the newest aggregation page says 301–3600 s, the OpenAPI and the
 * guardrails page 1800–3600 s. Outside 301–3600 is an error; 301–1799 a warning.
 */
export const maxBatchAge: Rule = {
  code: 'PD110',
  title: 'maxBatchAgeInSecs is between 301 (1800 to be safe) and 3600',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    const n = asObject(asObject(value.aggregation)?.configurableAggregation)?.maxBatchAgeInSecs;
    if (typeof n !== 'number') return [];
    const pointer = '/aggregation/configurableAggregation/maxBatchAgeInSecs';
    if (n < 301 || n > 3600) {
      return [finding(this, pointer, en`\`maxBatchAgeInSecs\` is ${n}; Adobe accepts 301 to 3600 seconds.`, { data: { replacement: n > 3600 ? 3600 : 1800 } })];
    }
    if (n < 1800) {
      return [finding(this, pointer, en`\`maxBatchAgeInSecs\` ${n} is below 1800: Adobe's newest page allows it, but the API reference and guardrails say 1800–3600, so AEP may reject it.`, { severity: 'warning', data: { replacement: 1800 } })];
    }
    return [];
  },
};
