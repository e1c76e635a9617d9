/**
 * PD401: Pebble syntax errors in the templates embedded in JSON strings, placed on the exact
 * characters of the JSON text (escapes accounted for by the core's `place`, via `inner`).
 *
 * Why here: the core has no template-syntax rule yet (the brief expects PD4xx findings from it
 * later). Written as a core `Rule` and passed to `validateFile` through its `rules` option, so moving
 * it into src/core/rules/ later is a file move, and the server then just stops adding it.
 */
import type { Finding } from '../core/diagnostics';
import { parsePointer, formatPointer, valueAt } from '../core/json/pointer';
import { RULES, type Rule } from '../core/rules';
import { templateStrings } from '../core/rules/template-strings';
import { parseTemplate, type TemplateError } from '../core/template';
import { BoundedCache } from './parse-cache';

export const TEMPLATE_SYNTAX_CODE = 'PD401';
const MAX_ERRORS_PER_TEMPLATE = 10;

const parsed = new BoundedCache<string, TemplateError[]>(64);

function errorsOf(text: string): TemplateError[] {
  let errors = parsed.get(text);
  if (!errors) {
    errors = parseTemplate(text).errors;
    parsed.set(text, errors);
  }
  return errors;
}

/** Whether the slot holding this string is rendered with Pebble (a server slot may say NONE). */
function isPebble(root: unknown, pointer: string): boolean {
  const parent = valueAt(root, formatPointer(parsePointer(pointer).slice(0, -1)));
  return !(parent && typeof parent === 'object' && (parent as Record<string, unknown>).templatingStrategy === 'NONE');
}

export const templateSyntax: Rule = {
  code: TEMPLATE_SYNTAX_CODE,
  title: 'Embedded Pebble templates parse',
  severity: 'error',
  kinds: ['destination-server', 'audience-template'],
  check({ file, value }) {
    const out: Finding[] = [];
    for (const { pointer, text } of templateStrings(file.kind, value)) {
      if (file.kind === 'destination-server' && !isPebble(value, pointer)) continue;
      for (const e of errorsOf(text).slice(0, MAX_ERRORS_PER_TEMPLATE)) {
        out.push({
          code: TEMPLATE_SYNTAX_CODE,
          severity: 'error',
          message: `Template (line ${e.line}, column ${e.column}): ${e.message}`,
          pointer,
          inner: { offset: e.offset, length: e.length },
        });
      }
    }
    return out;
  },
};

/** The core's rules plus the server's template check, unless the core already has one. */
export const SERVER_RULES: readonly Rule[] = RULES.some((r) => r.code.startsWith('PD4')) ? RULES : [...RULES, templateSyntax];
