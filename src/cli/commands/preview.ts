/** `pindest preview ACTIVATION [--format text|json]`: what a test activation would send, offline. */
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BASE_URLS } from '../../core/pinterest/urls';
import { ActivationError } from '../../core/plan/activation';
import { planFromDisk } from '../../core/plan/load';
import { loadProject } from '../../core/project/load';
import { formatPreviewJson, formatPreviewText, previewReport } from '../../core/report/preview';
import { notAnActivation } from '../files';
import { EXIT, UsageError, type CliIO } from '../io';

export const previewUsage = `usage: pindest preview ACTIVATION [--env ENV] [--base-url URL] [--format text|json]
  Shows, for the activation's sample profiles, what each identity becomes, what is rejected and
  why, and every request a test activation would send (identifiers masked or hashed), at the URLs
  'pindest push' with the same --env and --base-url calls, with AEP's URL beside them. Exit 0 when
  the plan has no problems, 1 when it has, 2 on a usage error.`;

export async function runPreview(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, env: { type: 'string' }, 'base-url': { type: 'string' } } });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError("unknown format '{0}': use text or json", values.format!);
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
    const { activation, plan } = await planFromDisk(project, project.file(path));
    const report = previewReport(activation, plan, io.cwd, { environment: values.env, baseUrl: values['base-url'] });
    io.stdout(values.format === 'json' ? formatPreviewJson(report) : formatPreviewText(report));
    return report.problems.length ? EXIT.findings : EXIT.ok;
  } catch (e) {
    if (e instanceof ActivationError) {
      io.stderr(`pindest preview: ${e.message}\n`);
      return EXIT.findings;
    }
    throw e;
  }
}
