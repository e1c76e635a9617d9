import { asArray, asObject } from '../project/project';
import { finding, type Rule } from './rule';

/** Custom identity groups are ignored unless oneIdentityPerGroup is false. */
export const groupsNeedMultipleIdentities: Rule = {
  code: 'PD112',
  title: 'aggregationKey.groups requires oneIdentityPerGroup false',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    const aggregation = asObject(value.aggregation);
    return (['configurableAggregation', 'bestEffortAggregation'] as const).flatMap((holder) => {
      const key = asObject(asObject(aggregation?.[holder])?.aggregationKey);
      if (key?.oneIdentityPerGroup !== true || asArray(key.groups).length === 0) return [];
      return [finding(this, `/aggregation/${holder}/aggregationKey/groups`, '`groups` is used only when `oneIdentityPerGroup` is `false`; set it to `false` or remove `groups`.', { data: { set: { pointer: `/aggregation/${holder}/aggregationKey/oneIdentityPerGroup`, value: false } } })];
    });
  },
};
