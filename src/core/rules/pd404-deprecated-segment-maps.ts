import { en } from '../report/l10n';
import type { Finding } from '../diagnostics';
import type { ResolvedPath } from '../template';
import { parsed, pathsOf, pebbleStrings } from './pd4-templates';
import { finding, type Rule } from './rule';

const DEPRECATED: Readonly<Record<string, string>> = {
  segmentAliases: 'namespaceSegmentAliases',
  segmentNames: 'namespaceSegmentNames',
  segmentTimestamps: 'namespaceSegmentTimestamps',
};

/**
 * The audience namespace to index the namespaced map with, read off the key expression:
 * `segment.key` of a loop over `…segmentMembership.ups` ⇒ `'ups'`; `input.aggregationKey.segmentId`
 * ⇒ `input.aggregationKey.segmentNamespace`; otherwise `'ups'` (Segmentation Service audiences).
 */
function namespaceFor(key: ResolvedPath | undefined): string {
  const names = key?.segments.map((s) => s.name) ?? [];
  if (names.join('.') === 'input.aggregationKey.segmentId') return 'input.aggregationKey.segmentNamespace';
  const m = names.lastIndexOf('segmentMembership');
  const ns = m >= 0 ? names[m + 1] : undefined;
  return ns && ns !== '*' ? `'${ns}'` : "'ups'";
}

/**
 * `destination.segmentAliases` and friends are the deprecated, namespace-less maps; Adobe keeps
 * them for old templates, but audiences from other namespaces (e.g. CustomerAudienceUpload) are
 * missing from them. The namespaced maps take the audience namespace first.
 */
export const deprecatedSegmentMaps: Rule = {
  code: 'PD404',
  title: 'destination.segmentAliases / segmentNames / segmentTimestamps are deprecated',
  severity: 'warning',
  kinds: ['destination-server', 'audience-template'],
  check(ctx) {
    const out: Finding[] = [];
    for (const { pointer, text } of pebbleStrings(ctx)) {
      if (parsed(text).errors.length) continue;
      const paths = pathsOf(text);
      for (const p of paths) {
        const [root, map] = p.segments;
        if (p.local !== undefined || root?.name !== 'destination' || !map || !(map.name in DEPRECATED)) continue;
        const key = p.dynamicKey && p.segments.length === 2 ? paths.find((k) => k.offset === p.dynamicKey!.offset) : undefined;
        const replacement = `destination.${DEPRECATED[map.name]}[${namespaceFor(key)}]`;
        const offset = root.offset;
        const length = map.offset + map.length - offset;
        const written = text.slice(offset, offset + length);
        out.push(finding(this, pointer, en`\`${written}\` is deprecated and misses audiences outside the \`ups\` namespace: write \`${replacement}\` in its place (the namespaced map is keyed by audience namespace, then audience id).`, {
          inner: { offset, length },
          data: { replacement },
        }));
      }
    }
    return out;
  },
};
