import { en } from '../report/l10n';
import type { Finding } from '../diagnostics';
import { listText, suggest } from '../text/suggest';
import { parsed, pathsOf, pebbleStrings, type Slot } from './pd4-templates';
import type { PathSegment } from '../template/paths';
import { TEMPLATE_VARIABLES, templateRoots, type VariableSpec } from '../template/variables';
import { finding, type Rule } from './rule';

/** The context roots AEP gives each kind of template, from the one catalogue of template variables. */
export const TEMPLATE_ROOTS: Readonly<Record<Slot, readonly string[]>> = { server: templateRoots('server'), audience: templateRoots('audience') };

/**
 * The first member of a server-template path that the catalogue says its object does not have
 * (`destination.segmentTimestamp`). Maps (audience ids, namespaces, target names) take any key;
 * `input.aggregationKey.*` is PD405's; a loop over a map yields entries, which are not followed.
 */
function unknownMember(segments: PathSegment[]): { segment: PathSegment; owner: string; known: string[] } | undefined {
  let spec: VariableSpec | undefined = TEMPLATE_VARIABLES.server[segments[0]!.name];
  for (let i = 1; spec && i < segments.length; i++) {
    const seg = segments[i]!;
    if (spec.kind === 'array') {
      if (seg.name !== '*' && !/^\d+$/.test(seg.name)) return undefined;
      spec = spec.items;
      continue;
    }
    if (spec.kind !== 'object' || seg.name === '*') return undefined;
    if (segments[i - 1]!.name === 'aggregationKey' && i === 2) return undefined;
    const field: VariableSpec | undefined = spec.fields?.[seg.name];
    if (field) spec = field;
    else if (spec.entries) spec = spec.entries.of;
    else if (spec.fields) return { segment: seg, owner: segments.slice(0, i).map((s) => s.name).join('.').replace(/\.\*/g, '[…]'), known: Object.keys(spec.fields) };
    else return undefined;
  }
  return undefined;
}

/**
 * A variable whose root is not in the template's context renders as nothing (Adobe's Pebble is
 * not strict), so a typo such as `inputs.profiles` silently sends an empty body.
 */
export const unknownTemplateVariable: Rule = {
  code: 'PD402',
  title: 'Template variables are ones AEP provides',
  severity: 'warning',
  kinds: ['destination-server', 'audience-template'],
  check(ctx) {
    const out: Finding[] = [];
    for (const { pointer, text, slot } of pebbleStrings(ctx)) {
      if (parsed(text).errors.length) continue; // PD401 first: a broken template's names are guesses.
      const roots = TEMPLATE_ROOTS[slot];
      const seen = new Set<number>();
      for (const p of pathsOf(text)) {
        const member = slot === 'server' ? unknownMember(p.segments) : undefined;
        if (member && !seen.has(member.segment.offset)) {
          seen.add(member.segment.offset);
          const { segment, owner, known } = member;
          const hint = suggest(segment.name, known);
          out.push(finding(this, pointer, en`\`${owner}\` has no member \`${segment.name}\`, so it renders as nothing; ${hint ? en`did you mean \`${hint}\`?` : en`it has ${listText(known.map((k) => `${owner}.${k}`), 13)}.`}`, {
            inner: { offset: segment.offset, length: segment.length },
            ...(hint ? { data: { replacement: hint } } : {}),
          }));
        }
        if (p.local !== undefined) continue;
        const root = p.segments[0]!;
        if (roots.includes(root.name)) continue;
        const hint = suggest(root.name, roots);
        const where = slot === 'server' ? en`a destination server template` : en`an audience template`;
        out.push(finding(this, pointer, en`\`${root.name}\` is not a variable of ${where}, so it renders as nothing; ${hint ? en`did you mean \`${hint}\`?` : en`use ${listText(roots, 13)}.`}`, {
          inner: { offset: root.offset, length: root.length },
          ...(hint ? { data: { replacement: hint } } : {}),
        }));
      }
    }
    return out;
  },
};
