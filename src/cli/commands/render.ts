/**
 * `pindest render TEMPLATE [--context CONTEXT.json]`: renders a Pebble template as AEP would, with a
 * root context the user writes (`input`, `destination`, `customerData`), so a template can be tried
 * from a shell or a CI step without pushing it to Adobe's render API. The template is plain text
 * (not JSON-escaped); errors are printed as `file:line:col: message`, the format editors and CI
 * annotators pick up.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from '../../core/json/document';
import { decodedToRawOffsets } from '../../core/json/string-offsets';
import { detectKind } from '../../core/project/kinds';
import { asObject } from '../../core/project/project';
import { parseTemplate, renderTemplate, TemplateFailure, type TemplateError } from '../../core/template';
import { kindName } from '../files';
import { say } from '../../core/report/l10n';
import { EXIT, findingsTranslate, t, UsageError, type CliIO } from '../io';

export const renderUsage = `usage: pindest render TEMPLATE [--context CONTEXT.json]
  Renders a Pebble template file (plain text, not JSON-escaped; '-' reads stdin) and prints the
  output exactly, without an added newline. Given a destination-server.json, renders its request
  body template (httpTemplate.requestBody.value), errors placed in the JSON file.
  --context FILE, -c FILE   a JSON object: the template's root variables, e.g.
                            {"input": {"profiles": [...]}, "destination": {...}, "customerData": {...}};
                            absent renders with no variables (they print as nothing)
  Template errors print as FILE:LINE:COL: message on stderr. Exit 0 when rendered, 1 on a template
  error or an unreadable file, 2 on a usage error (including a context that is not a JSON object).`;

async function readStdin(io: CliIO): Promise<string> {
  const stream = io.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function readText(path: string, io: CliIO, what: string): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : (e as Error).message;
    throw new Error(`cannot read the ${what} '${path}': ${why}`);
  }
}

type Place = (e: TemplateError) => { line: number; column: number };

function report(io: CliIO, name: string, errors: readonly TemplateError[], place: Place = (e) => e): number {
  const tr = findingsTranslate();
  for (const e of errors) {
    const { line, column } = place(e);
    // The error's template, when it has one, in the user's language (English: its message as it is).
    io.stderr(`${name}:${line}:${column}: ${e.text ? say(e.text, tr) : e.message}\n`);
  }
  return EXIT.findings;
}

const REQUEST_BODY = '/httpTemplate/requestBody/value';

/**
 * A project file given as the template: a destination server yields its request body template,
 * with each template offset placed on its character in the JSON file (escapes count once in the
 * template, several characters in the file); another kind is a usage error saying what render
 * takes. Undefined for a plain template (any text that is not one of our JSON files).
 */
function embeddedTemplate(path: string, text: string): { source: string; place: Place } | undefined {
  const doc = parseDocument(path, text);
  const kind = detectKind(path, doc.value);
  if (!kind) return undefined;
  const body = asObject(asObject(asObject(doc.value)?.httpTemplate)?.requestBody)?.value;
  const span = kind === 'destination-server' && typeof body === 'string' ? doc.locate(REQUEST_BODY) : undefined;
  if (typeof body !== 'string' || !span) {
    throw new UsageError(
      '{0} is {1}, not a Pebble template: render takes a template file (plain text), or a destination server whose httpTemplate.requestBody.value it renders. In VS Code, "Edit Embedded Template" opens a server\'s template as plain Pebble.',
      path,
      kindName(kind),
    );
  }
  const raw = decodedToRawOffsets(doc.text, span.valueStart);
  return {
    source: body,
    place: (e) => {
      const at = doc.lines.position(raw[Math.min(e.offset, raw.length - 1)]!);
      return { line: at.line + 1, column: at.character + 1 };
    },
  };
}

export async function runRender(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { context: { type: 'string', short: 'c' } } });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `render takes one template, not ${positionals.length}` : "name the template file to render ('-' for stdin)");
  const templatePath = positionals[0]!;

  let context: Record<string, unknown> = {};
  if (values.context !== undefined) {
    const text = values.context === '-' && templatePath !== '-' ? await readStdin(io) : await readText(values.context, io, 'context');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new UsageError(`the context '${values.context}' is not valid JSON (${(e as Error).message})`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new UsageError(`the context '${values.context}' must be a JSON object of root variables, such as {"input": {...}, "customerData": {...}}`);
    }
    context = parsed as Record<string, unknown>;
  }

  const text = templatePath === '-' ? await readStdin(io) : await readText(templatePath, io, 'template');
  const name = templatePath === '-' ? '<stdin>' : templatePath;
  const embedded = templatePath === '-' ? undefined : embeddedTemplate(templatePath, text);
  const source = embedded?.source ?? text.replace(/^\uFEFF/, '');
  const { template, errors } = parseTemplate(source);
  if (errors.length) return report(io, name, errors, embedded?.place);
  let output: string;
  try {
    output = renderTemplate(template, context);
  } catch (e) {
    if (e instanceof TemplateFailure) return report(io, name, [e], embedded?.place);
    throw e;
  }
  io.stdout(output);
  // A server's template reads input.profiles and the rest: without them it renders hollow.
  if (embedded && values.context === undefined) io.stderr(t('pindest render: rendered with no --context, so every variable printed as nothing; pass --context FILE with the root variables (input, destination, customerData).') + '\n');
  return EXIT.ok;
}
