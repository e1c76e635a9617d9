import { en } from '../report/l10n';
import type { Finding } from '../diagnostics';
import { destinationOf, parsed, pathsOf, pebbleStrings, profileShape } from './pd4-templates';
import { finding, type Rule } from './rule';

/**
 * AEP fills `input.profile` only for best-effort aggregation with `maxUsersPerRequest: 1`, and
 * `input.profiles` otherwise; reading the other one renders an empty body, and nothing fails
 * until Pinterest receives empty lists.
 */
export const profileVsProfiles: Rule = {
  code: 'PD403',
  title: 'input.profile / input.profiles match the destination aggregation',
  severity: 'error',
  kinds: ['destination-server'],
  check(ctx) {
    const destination = destinationOf(ctx);
    const expected = destination && profileShape(destination);
    if (!expected) return [];
    const wrong = expected === 'profile' ? 'profiles' : 'profile';
    const why = expected === 'profile'
      ? en`the destination aggregates best effort with \`maxUsersPerRequest: 1\`, so AEP sends one profile as \`input.profile\` and \`input.profiles\` is empty`
      : en`the destination sends several profiles per call (configurable aggregation, or best effort with \`maxUsersPerRequest\` above 1), so AEP fills \`input.profiles\` and \`input.profile\` is empty`;
    const todo = expected === 'profile'
      ? en`read \`input.profile\` directly (drop the loop over the profiles)`
      : en`loop over \`input.profiles\` (\`{% for profile in input.profiles %}\`)`;
    const out: Finding[] = [];
    for (const { pointer, text } of pebbleStrings(ctx)) {
      if (parsed(text).errors.length) continue;
      for (const p of pathsOf(text)) {
        const [root, second] = p.segments;
        if (p.local !== undefined || root?.name !== 'input' || second?.name !== wrong) continue;
        const offset = root.offset;
        out.push(finding(this, pointer, en`\`input.${wrong}\` is empty here: ${why}; ${todo}.`, {
          inner: { offset, length: second.offset + second.length - offset },
          data: { replacement: `input.${expected}` },
        }));
      }
    }
    return out;
  },
};
