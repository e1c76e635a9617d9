import { en } from '../report/l10n';
import type { Finding } from '../diagnostics';
import { listText, suggest } from '../text/suggest';
import { destinationOf, parsed, pathsOf, pebbleStrings, targetIdentities } from './pd4-templates';
import { finding, type Rule } from './rule';

/**
 * The index of the identityMap key in a path read from a profile (`input.profile.identityMap.K`,
 * `input.profiles.*.identityMap.K`, `input.profiles.0.identityMap.K`), or -1.
 */
function identityKeyIndex(names: string[]): number {
  if (names[0] !== 'input') return -1;
  let i: number;
  if (names[1] === 'profile') i = 2;
  else if (names[1] === 'profiles' && names[2] !== undefined && (names[2] === '*' || /^\d+$/.test(names[2]))) i = 3;
  else return -1;
  return names[i] === 'identityMap' && names[i + 1] !== undefined && names[i + 1] !== '*' ? i + 1 : -1;
}

/**
 * AEP keys a profile's identityMap by the destination's target identities (the mapping's target
 * side, e.g. `pinterest_audience`), not by source namespaces such as `Email`: reading any other key
 * renders nothing, and Pinterest receives empty lists.
 */
export const identityMapKeys: Rule = {
  code: 'PD407',
  title: 'identityMap keys read by the server template are target identities of the destination',
  severity: 'warning',
  kinds: ['destination-server'],
  check(ctx) {
    const destination = destinationOf(ctx);
    if (!destination) return [];
    const targets = targetIdentities(destination);
    if (!targets.length) return []; // PD102 asks for identityNamespaces.
    const out: Finding[] = [];
    for (const { pointer, text } of pebbleStrings(ctx)) {
      if (parsed(text).errors.length) continue;
      const seen = new Set<number>();
      for (const p of pathsOf(text)) {
        const i = identityKeyIndex(p.segments.map((s) => s.name));
        if (i < 0) continue;
        const key = p.segments[i]!;
        // A path through a loop variable repeats its iterable's key: report the place it is written once.
        if (targets.includes(key.name) || seen.has(key.offset)) continue;
        seen.add(key.offset);
        const hint = suggest(key.name, targets);
        out.push(finding(this, pointer, en`Profiles reach the template with identityMap keyed by the destination's target identities (${listText(targets)}), so \`identityMap.${key.name}\` is always empty; ${hint ? en`did you mean \`${hint}\`?` : en`read a target identity, or add it to \`identityNamespaces\` of the destination.`}`, {
          inner: { offset: key.offset, length: key.length },
          ...(hint ? { data: { replacement: hint } } : {}),
        }));
      }
    }
    return out;
  },
};
