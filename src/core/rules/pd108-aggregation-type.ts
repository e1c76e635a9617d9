import { en } from '../report/l10n';
import { asObject, asString } from '../project/project';
import { isStreaming } from './facts';
import { finding, type Rule } from './rule';

const SUB_OBJECT: Record<string, string> = {
  BEST_EFFORT: 'bestEffortAggregation',
  CONFIGURABLE_AGGREGATION: 'configurableAggregation',
};

/** A streaming destination picks an aggregation policy and configures it. */
export const aggregationType: Rule = {
  code: 'PD108',
  title: 'Streaming destinations choose an aggregation type and configure it',
  severity: 'error',
  kinds: ['destination'],
  check({ value, project }) {
    if (!isStreaming(value, project)) return [];
    const aggregation = asObject(value.aggregation);
    if (!aggregation) {
      return [finding(this, '', en`A streaming destination needs \`aggregation\` with \`aggregationType\` \`BEST_EFFORT\` or \`CONFIGURABLE_AGGREGATION\`.`)];
    }
    const type = asString(aggregation.aggregationType);
    if (type === undefined) {
      return [finding(this, '/aggregation', en`Set \`aggregation.aggregationType\` to \`BEST_EFFORT\` or \`CONFIGURABLE_AGGREGATION\`.`)];
    }
    const sub = SUB_OBJECT[type];
    if (sub && asObject(aggregation[sub]) === undefined) {
      return [finding(this, '/aggregation/aggregationType', en`\`${type}\` is configured by \`aggregation.${sub}\`, which is missing.`, { data: { insert: sub } })];
    }
    return [];
  },
};
