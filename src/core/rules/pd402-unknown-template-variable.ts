import type { Finding } from '../diagnostics';
import { listOf, suggest } from '../text/suggest';
import { parsed, pathsOf, pebbleStrings, type Slot } from './pd4-templates';
import { finding, type Rule } from './rule';

/** The context roots AEP gives each kind of template (Destination SDK docs, §3.2 and §4.1). */
export const TEMPLATE_ROOTS: Readonly<Record<Slot, readonly string[]>> = {
  server: ['input', 'destination', 'customerData'],
  audience: [
    'segment', 'customerData', 'destination', 'oauth2ServiceAccessToken', 'authData', 'body', 'response', 'headers', 'root',
    'message', 'error', 'segmentEnrichmentAttributes', 'userContext',
  ],
};

/**
 * A variable whose root is not in the template's context renders as nothing (Adobe's Pebble is
 * not strict), so a typo such as `inputs.profiles` silently sends an empty body.
 */
export const unknownTemplateVariable: Rule = {
  code: 'PD402',
  title: 'Template variables start from a root AEP provides',
  severity: 'warning',
  kinds: ['destination-server', 'audience-template'],
  check(ctx) {
    const out: Finding[] = [];
    for (const { pointer, text, slot } of pebbleStrings(ctx)) {
      if (parsed(text).errors.length) continue; // PD401 first: a broken template's names are guesses.
      const roots = TEMPLATE_ROOTS[slot];
      for (const p of pathsOf(text)) {
        if (p.local !== undefined) continue;
        const root = p.segments[0]!;
        if (roots.includes(root.name)) continue;
        const hint = suggest(root.name, roots);
        const where = slot === 'server' ? 'a destination server template' : 'an audience template';
        out.push(finding(this, pointer, `\`${root.name}\` is not a variable of ${where}, so it renders as nothing; ${hint ? `did you mean \`${hint}\`?` : `use ${listOf(roots, 13)}.`}`, {
          inner: { offset: root.offset, length: root.length },
          ...(hint ? { data: { replacement: hint } } : {}),
        }));
      }
    }
    return out;
  },
};
