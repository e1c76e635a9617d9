import { en } from '../report/l10n';
import { childPointer } from '../json/pointer';
import { asObject } from '../project/project';
import { PINTEREST, TRANSFORMATION } from './facts';
import { finding, type Rule } from './rule';

/** Pinterest's `records`: "MAIDs and IDFAs must be hashed with SHA1, SHA256, or MD5". */
export const pinterestDeviceIdsHashed: Rule = {
  code: 'PD203',
  title: 'GAID and IDFA are hashed before they reach Pinterest',
  severity: 'warning',
  kinds: ['destination'],
  pinterestOnly: true,
  check({ value }) {
    const accepted = asObject(asObject(asObject(value.identityNamespaces)?.[PINTEREST.target])?.acceptedGlobalNamespaces);
    if (!accepted) return [];
    return ['GAID', 'IDFA'].flatMap((ns) => {
      const def = asObject(accepted[ns]);
      if (!def || def.requiredTransformation !== undefined) return [];
      const pointer = childPointer(childPointer(childPointer('/identityNamespaces', PINTEREST.target) + '/acceptedGlobalNamespaces', ns), 'requiredTransformation');
      return [finding(this, pointer, en`Pinterest requires ${ns}s to be hashed; add \`"requiredTransformation": "${TRANSFORMATION}"\` so AEP never sends raw device ids.`, { data: { set: { pointer, value: TRANSFORMATION } } })];
    });
  },
};
