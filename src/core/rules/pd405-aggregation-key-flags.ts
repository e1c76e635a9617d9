import { en } from '../report/l10n';
import type { Finding } from '../diagnostics';
import { suggest } from '../text/suggest';
import { activeAggregationKey, destinationOf, parsed, pathsOf, pebbleStrings } from './pd4-templates';
import { finding, type Rule } from './rule';

/** Which `aggregationKey` flag makes AEP fill each `input.aggregationKey.*` field. */
const FLAG_OF: Readonly<Record<string, string>> = {
  segmentId: 'includeSegmentId',
  segmentNamespace: 'includeSegmentId',
  segmentAlias: 'includeSegmentId',
  segmentStatus: 'includeSegmentStatus',
  identityNamespaces: 'includeIdentity',
};

/**
 * `input.aggregationKey.X` is only filled when the destination groups its calls by X; otherwise it
 * renders as nothing, e.g. a customer list URL without the list id.
 */
export const aggregationKeyFlags: Rule = {
  code: 'PD405',
  title: 'input.aggregationKey.* needs the matching aggregationKey flag',
  severity: 'error',
  kinds: ['destination-server'],
  check(ctx) {
    const destination = destinationOf(ctx);
    const active = destination && activeAggregationKey(destination);
    if (!active) return [];
    const out: Finding[] = [];
    for (const { pointer, text } of pebbleStrings(ctx)) {
      if (parsed(text).errors.length) continue;
      for (const p of pathsOf(text)) {
        const [root, holder, field] = p.segments;
        if (p.local !== undefined || root?.name !== 'input' || holder?.name !== 'aggregationKey' || !field) continue;
        const inner = { offset: field.offset, length: field.length };
        const flag = FLAG_OF[field.name];
        if (!flag) {
          const hint = suggest(field.name, Object.keys(FLAG_OF));
          out.push(finding(this, pointer, en`\`input.aggregationKey.${field.name}\` does not exist, so it renders as nothing; ${hint ? en`did you mean \`${hint}\`?` : en`use ${Object.keys(FLAG_OF).map((k) => '`' + k + '`').join(', ')}.`}`, {
            inner,
            ...(hint ? { data: { replacement: hint } } : {}),
          }));
          continue;
        }
        if (active.key[flag] === true) continue;
        const extra = flag === 'includeSegmentStatus' && active.key.includeSegmentId !== true ? en` (with \`includeSegmentId: true\` too)` : '';
        out.push(finding(this, pointer, en`\`input.aggregationKey.${field.name}\` is only filled when the destination groups calls with \`${flag}: true\`; set it in \`${active.pointer}\` of the destination${extra}, or stop reading this field.`, {
          inner,
          data: { destination: { set: { pointer: `${active.pointer}/${flag}`, value: true } } },
        }));
      }
    }
    return out;
  },
};
