import { en } from '../report/l10n';
import { asArray } from '../project/project';
import { aggregationKeys } from './facts';
import { finding, type Rule } from './rule';

/**
 * Custom identity groups are used only when `oneIdentityPerGroup` is false (Adobe's
 * aggregation-policy page). Adobe's own examples there set `groups` with `oneIdentityPerGroup:
 * true`, so the combination is valid: AEP groups by each identity namespace on its own and the
 * groups have no effect. A note, not an error.
 */
export const groupsNeedMultipleIdentities: Rule = {
  code: 'PD112',
  title: 'aggregationKey.groups has no effect while oneIdentityPerGroup is true',
  severity: 'info',
  kinds: ['destination'],
  check({ value }) {
    return aggregationKeys(value)
      .filter(({ key }) => key.oneIdentityPerGroup === true && asArray(key.groups).length > 0)
      .map(({ pointer }) => finding(this, `${pointer}/groups`, en`\`groups\` has no effect while \`oneIdentityPerGroup\` is \`true\`: AEP groups the profiles by each identity namespace on its own. Set \`oneIdentityPerGroup\` to \`false\` to group by these lists instead.`, { data: { set: { pointer: `${pointer}/oneIdentityPerGroup`, value: false } } }));
  },
};
