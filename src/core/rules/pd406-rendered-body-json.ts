import { en } from '../report/l10n';
import type { Finding } from '../diagnostics';
import { asObject, asString } from '../project/project';
import { renderTemplate, TemplateFailure } from '../template';
import { activeAggregationKey, destinationOf, parsed, pebbleStrings, sampleContext } from './pd4-templates';
import { finding, type Rule } from './rule';

const BODY = '/httpTemplate/requestBody/value';
const SNIPPET = 40;

/** `application/json`, `application/json; charset=utf-8`, `application/merge-patch+json`. */
function isJson(contentType: string | undefined): boolean {
  const media = contentType?.split(';')[0]!.trim().toLowerCase() ?? '';
  return media === 'application/json' || /^application\/[\w.-]+\+json$/.test(media);
}

/** Where JSON.parse stopped, from V8's message ("… at position 42" / "… is not valid JSON"). */
function errorPosition(message: string, text: string): number {
  const m = /at position (\d+)/.exec(message);
  return m ? Number(m[1]) : /Unexpected end/i.test(message) ? text.length : 0;
}

/** The rendered text around `at`, on one line, with `⟨here⟩` where parsing stopped. */
function snippet(text: string, at: number): string {
  const from = Math.max(0, at - SNIPPET);
  const to = Math.min(text.length, at + SNIPPET);
  const show = (s: string) => JSON.stringify(s).slice(1, -1);
  return `${from > 0 ? '…' : ''}${show(text.slice(from, at))}⟨here⟩${show(text.slice(at, to))}${to < text.length ? '…' : ''}`;
}

/**
 * Renders the request body with a small synthetic context (two generated profiles, hash-shaped
 * ids, sample audiences, placeholder customer data; no real data) and parses it as JSON when the
 * server declares a JSON content type: a missing comma or quote otherwise only shows as a 400 from
 * Pinterest after activation. With `includeSegmentStatus` both statuses are rendered.
 */
export const renderedBodyJson: Rule = {
  code: 'PD406',
  title: 'The rendered request body is valid JSON for application/json',
  severity: 'error',
  kinds: ['destination-server'],
  check(ctx) {
    const contentType = asString(asObject(ctx.value.httpTemplate)?.contentType);
    if (!isJson(contentType)) return [];
    const body = pebbleStrings(ctx).find((s) => s.pointer === BODY);
    const destination = destinationOf(ctx);
    if (!body || !destination) return [];
    const { template, errors } = parsed(body.text);
    if (errors.length) return []; // PD401 reports those.

    const out: Finding[] = [];
    const statuses = activeAggregationKey(destination)?.key.includeSegmentStatus === true
      ? (['realized', 'exited'] as const)
      : (['realized'] as const);
    for (const status of statuses) {
      const when = statuses.length > 1 ? en` (for a group of profiles with status \`${status}\`)` : '';
      let rendered: string;
      try {
        rendered = renderTemplate(template, sampleContext(destination, status), { maxSteps: 100_000, maxOutput: 1 << 20 });
      } catch (e) {
        if (!(e instanceof TemplateFailure)) throw e;
        out.push(finding(this, BODY, en`Rendering the body with two sample profiles fails${when} at template line ${e.line}, column ${e.column}: ${e.text ?? e.message}`, {
          inner: { offset: e.offset, length: e.length },
        }));
        break;
      }
      try {
        JSON.parse(rendered);
      } catch (e) {
        // The parser's own text is engine wording; only the place it names is used.
        const message = (e as Error).message;
        if (rendered.trim() === '') {
          out.push(finding(this, BODY, en`With two sample profiles the body renders empty${when}, but \`contentType\` is \`${String(contentType)}\`: check the template's conditions and loops, and that it reads \`input.profile\`/\`input.profiles\` as the destination sends them.`));
          break;
        }
        const at = errorPosition(message, rendered);
        out.push(finding(this, BODY, en`With two sample profiles the body renders as invalid JSON${when}, but \`contentType\` is \`${String(contentType)}\`: it stops being JSON at character ${at + 1}. Rendered: ${snippet(rendered, at)}. Check the template's quotes, commas and brackets around that output.`));
        break;
      }
    }
    return out;
  },
};
