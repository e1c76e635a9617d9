import { en } from '../report/l10n';
import type { Finding } from '../diagnostics';
import { parsed, pebbleStrings } from './pd4-templates';
import { finding, type Rule } from './rule';

/** Enough to fix the first problems without burying the file when a quote breaks everything after it. */
const MAX_ERRORS_PER_TEMPLATE = 10;

/**
 * Pebble syntax errors of the templates embedded in JSON strings, underlined on the exact
 * characters of the file (the position inside the decoded template goes in `inner`; `place`
 * maps it through `\n`, `\"` and `\u` escapes). AEP rejects such a template with a 400.
 */
export const templateSyntax: Rule = {
  code: 'PD401',
  title: 'Embedded Pebble templates parse',
  severity: 'error',
  kinds: ['destination-server', 'audience-template'],
  check(ctx) {
    const out: Finding[] = [];
    for (const { pointer, text } of pebbleStrings(ctx)) {
      for (const e of parsed(text).errors.slice(0, MAX_ERRORS_PER_TEMPLATE)) {
        out.push(finding(this, pointer, en`Template (line ${e.line}, column ${e.column}): ${e.text ?? e.message}`, { inner: { offset: e.offset, length: e.length } }));
      }
    }
    return out;
  },
};
