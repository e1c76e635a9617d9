import { asArray } from '../project/project';
import { aggregationKeys } from './facts';
import { finding, type Rule } from './rule';

/** Custom identity groups are ignored unless oneIdentityPerGroup is false. */
export const groupsNeedMultipleIdentities: Rule = {
  code: 'PD112',
  title: 'aggregationKey.groups requires oneIdentityPerGroup false',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    return aggregationKeys(value)
      .filter(({ key }) => key.oneIdentityPerGroup === true && asArray(key.groups).length > 0)
      .map(({ pointer }) => finding(this, `${pointer}/groups`, '`groups` is used only when `oneIdentityPerGroup` is `false`; set it to `false` or remove `groups`.', { data: { set: { pointer: `${pointer}/oneIdentityPerGroup`, value: false } } }));
  },
};
