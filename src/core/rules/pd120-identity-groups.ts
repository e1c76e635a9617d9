import { en } from '../report/l10n';
import type { Finding } from '../diagnostics';
import { customGroups } from '../plan/batch';
import { asArray, asObject } from '../project/project';
import { listText, suggest } from '../text/suggest';
import { aggregationKeys } from './facts';
import { finding, type Rule } from './rule';

/**
 * Custom identity groups (`includeIdentity: true`, `oneIdentityPerGroup: false`) name target
 * identities: the keys of the exported profile's `identityMap`, which are the destination's
 * `identityNamespaces` (Adobe's message-format page, "Use identity namespace aggregation key").
 * A name that is no target identity (a source namespace such as `Email`, or a wrong case) matches
 * nothing; a target identity in no group is never exported. Either way profiles are silently lost.
 */
export const identityGroups: Rule = {
  code: 'PD120',
  title: 'aggregationKey.groups name the target identities, and every target identity is in a group',
  severity: 'warning',
  kinds: ['destination'],
  check({ value }) {
    const targets = Object.keys(asObject(value.identityNamespaces) ?? {});
    if (!targets.length) return [];
    const out: Finding[] = [];
    for (const { pointer, key } of aggregationKeys(value)) {
      const groups = customGroups(key);
      if (!groups) continue;
      asArray(key.groups).forEach((g, i) => {
        asArray(asObject(g)?.namespaces).forEach((n, j) => {
          if (typeof n !== 'string' || targets.includes(n)) return;
          const hint = suggest(n, targets) ?? (targets.length === 1 ? targets[0] : undefined);
          out.push(finding(this, `${pointer}/groups/${i}/namespaces/${j}`, en`\`${n}\` is not a target identity of this destination, so this group matches no exported identity: group namespaces are the target identity names of \`identityNamespaces\` (case-sensitive), not source namespaces; ${hint ? en`did you mean \`${hint}\`?` : en`use ${listText(targets)}.`}`, hint ? { data: { replacement: hint } } : {}));
        });
      });
      const missing = targets.filter((t) => !groups.some((g) => g.includes(t)));
      if (missing.length) {
        const names = missing.map((t) => `\`${t}\``).join(', ');
        out.push(finding(this, `${pointer}/groups`, missing.length === 1 ? en`The target identity ${names} is in no group, so AEP does not export it and profiles with only that identity are dropped; add ${names} to a group.` : en`The target identities ${names} are in no group, so AEP does not export them and profiles with only those identities are dropped; add ${names} to a group.`));
      }
    }
    return out;
  },
};
