import { en } from '../report/l10n';
import { childPointer } from '../json/pointer';
import { asObject } from '../project/project';
import { PINTEREST } from './facts';
import { finding, type Rule } from './rule';

/** Pinterest resolves every identity type itself: one target identity, `pinterest_audience`. */
export const pinterestTargetIdentity: Rule = {
  code: 'PD201',
  title: 'Pinterest destinations declare the one target identity pinterest_audience',
  severity: 'error',
  kinds: ['destination'],
  pinterestOnly: true,
  check({ value }) {
    const ns = asObject(value.identityNamespaces);
    if (!ns) return [];
    const targets = Object.keys(ns);
    if (!targets.includes(PINTEREST.target)) {
      const wrongCase = targets.find((t) => t.toLowerCase() === PINTEREST.target);
      return [finding(this, wrongCase ? childPointer('/identityNamespaces', wrongCase) : '/identityNamespaces', wrongCase
        ? en`Target identity \`${wrongCase}\` must be spelled \`${PINTEREST.target}\` (names are case-sensitive).`
        : en`Declare the target identity \`${PINTEREST.target}\`: Pinterest's destination maps GAID, IDFA and email to it.`, { at: wrongCase ? 'key' : 'value', data: wrongCase ? { renameKey: PINTEREST.target } : { insertPinterestIdentity: true } })];
    }
    return targets
      .filter((t) => t !== PINTEREST.target)
      .map((t) => finding(this, childPointer('/identityNamespaces', t), en`Pinterest distinguishes identity types itself; map everything to \`${PINTEREST.target}\` instead of a separate \`${t}\` target.`, { severity: 'warning', at: 'key' }));
  },
};
