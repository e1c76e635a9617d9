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
import { parseTemplate, renderTemplate, TemplateFailure, type TemplateError } from '../../core/template';
import { EXIT, UsageError, type CliIO } from '../io';

export const renderUsage = `usage: pindest render TEMPLATE [--context CONTEXT.json]
  Renders a Pebble template file (plain text, not JSON-escaped; '-' reads stdin) and prints the
  output exactly, without an added newline.
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

function report(io: CliIO, name: string, errors: readonly TemplateError[]): number {
  for (const e of errors) io.stderr(`${name}:${e.line}:${e.column}: ${e.message}\n`);
  return EXIT.findings;
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

  const source = (templatePath === '-' ? await readStdin(io) : await readText(templatePath, io, 'template')).replace(/^\uFEFF/, '');
  const name = templatePath === '-' ? '<stdin>' : templatePath;
  const { template, errors } = parseTemplate(source);
  if (errors.length) return report(io, name, errors);
  let output: string;
  try {
    output = renderTemplate(template, context);
  } catch (e) {
    if (e instanceof TemplateFailure) return report(io, name, [e]);
    throw e;
  }
  io.stdout(output);
  return EXIT.ok;
}
