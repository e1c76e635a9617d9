/**
 * `pindest preview ACTIVATION [--format text|json]`: what a test activation would send, offline.
 *
 * A sample of more than LARGE_SAMPLE_PROFILES (10,000) profiles is planned a window at a time
 * (core/plan/large.ts: bounded memory, the same mapping code) and printed as a summary: counts by
 * namespace, audience and reason, the first requests in full, the rest counted. A progress bar
 * shows on a terminal only. `push --dry-run` prints the same through `printPreview`.
 */
import { createReadStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SANDBOX_REFUSAL } from '../../core/pinterest/sandbox';
import { BASE_URLS } from '../../core/pinterest/urls';
import { ActivationError, resolveActivation } from '../../core/plan/activation';
import { planOrSummaryFromDisk } from '../../core/plan/load';
import { profileFormat } from '../../core/profiles';
import type { Project } from '../../core/project/project';
import { loadProject } from '../../core/project/load';
import { formatPreviewJson, formatPreviewText, largePreviewReport, previewReport } from '../../core/report/preview';
import { progressBar } from '../progress';
import { notAnActivation } from '../files';
import { EXIT, UsageError, type CliIO } from '../io';

export const previewUsage = `usage: pindest preview ACTIVATION [--env ENV] [--base-url URL] [--format text|json]
  Shows, for the activation's sample profiles, what each identity becomes, what is rejected and
  why, and every request a test activation would send (identifiers masked or hashed), at the URLs
  'pindest push' with the same --env and --base-url calls, with AEP's URL beside them. Exit 0 when
  the plan has no problems, 1 when it has, 2 on a usage error. A sample of more than 10,000
  profiles is summarised: counts by namespace, audience and reason, the first requests in full.`;

export async function runPreview(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, env: { type: 'string' }, 'base-url': { type: 'string' } } });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError("unknown format '{0}': use text or json", values.format!);
  // The words `push` (and `push --dry-run`, which prints this preview) use for the same option.
  if (values.env === 'sandbox') {
    io.stderr(`pindest preview: ${SANDBOX_REFUSAL}\n`);
    return EXIT.findings;
  }
  if (values.env !== undefined && values.env !== 'local' && !Object.hasOwn(BASE_URLS, values.env)) throw new UsageError(`unknown environment '${values.env}': use local or ${Object.keys(BASE_URLS).join(' or ')}`);
  if (positionals.length !== 1) throw new UsageError('name one activation file');
  const path = resolve(io.cwd, positionals[0]!);
  const { project, problems } = await loadProject([dirname(path), path]);
  if (problems.length) {
    io.stderr(`pindest preview: ${problems[0]!.path} ${problems[0]!.message}\n`);
    return EXIT.findings;
  }
  const wrongFile = notAnActivation('preview', project.file(path), project, io.cwd);
  if (wrongFile) {
    io.stderr(`pindest preview: ${wrongFile}\n`);
    return EXIT.usage;
  }
  try {
    return await printPreview(project, path, io, values.format, { environment: values.env, baseUrl: values['base-url'] });
  } catch (e) {
    if (e instanceof ActivationError) {
      io.stderr(`pindest preview: ${e.message}\n`);
      return EXIT.findings;
    }
    throw e;
  }
}

/** Plans the activation (summarised when large) and prints the preview; the exit code. */
export async function printPreview(project: Project, path: string, io: CliIO, format: string, target: { environment?: string; baseUrl?: string }, tty = process.stderr.isTTY === true): Promise<number> {
  const bar = progressBar(io, tty);
  const activationFile = project.file(path);
  // Only a terminal gets a bar, so only then are the lines of the sample counted for its total.
  const expected = tty ? await countLines(project, path) : 0;
  let planned;
  try {
    planned = await planOrSummaryFromDisk(project, activationFile, { onProgress: (done) => bar.update({ phase: 'profiles', done, total: Math.max(done, expected) }) });
  } finally {
    bar.done();
  }
  const report = planned.large ? largePreviewReport(planned.activation, planned.large, io.cwd, target) : previewReport(planned.activation, planned.plan, io.cwd, target);
  io.stdout(format === 'json' ? formatPreviewJson(report) : formatPreviewText(report));
  return report.problems.length ? EXIT.findings : EXIT.ok;
}

/** Lines of the activation's JSON Lines and CSV samples (about one profile each), for the bar's total. */
async function countLines(project: Project, path: string): Promise<number> {
  let lines = 0;
  try {
    for (const file of resolveActivation(project, project.file(path)).profiles) {
      if (profileFormat(file) === 'json') continue;
      for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
      }
    }
  } catch {
    return 0; // the plan reports what is wrong with the activation or its files
  }
  return lines;
}
