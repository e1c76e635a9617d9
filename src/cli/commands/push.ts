/**
 * `pindest push ACTIVATION`: runs a test activation. With the local environment and no base URL it
 * starts an embedded Pinterest simulator, so it works on a fresh machine with no account.
 */
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { executePlan } from '../../core/execute/execute';
import { BASE_URLS } from '../../core/execute/environment';
import { formatActivationJson, formatActivationText } from '../../core/execute/report';
import { createPinterestClient, envTokenProvider, staticTokenProvider } from '../../core/pinterest';
import { SANDBOX_REFUSAL } from '../../core/pinterest/sandbox';
import { ActivationError, type Environment } from '../../core/plan/activation';
import { planFromDisk } from '../../core/plan/load';
import { loadProject } from '../../core/project/load';
import { formatPreviewJson, formatPreviewText, previewReport } from '../../core/report/preview';
import { startSimulator } from '../../simulator';
import { EXIT, UsageError, type CliIO } from '../io';
import { progressBar } from '../progress';

export const pushUsage = `usage: pindest push ACTIVATION [--env local|production] [--base-url URL] [--dry-run] [--format text|json]
  Runs a test activation: the planned requests of 'pindest preview', sent to Pinterest. The token is
  read from PINTEREST_ACCESS_TOKEN. With --env local (the default) and no --base-url, an embedded
  Pinterest simulator is started and its own token used. --dry-run shows the plan and sends nothing.
  Pinterest's sandbox is refused: it does not serve customer lists or audiences.
  Exit 0 when the activation succeeded, 1 when it failed or was refused, 2 on a usage error.`;

const ENVS = ['local', 'production'] as const;

export async function runPush(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { env: { type: 'string' }, 'base-url': { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, format: { type: 'string', default: 'text' } },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format '${values.format}': use text or json`);
  if (values.env === 'sandbox') {
    io.stderr(`pindest push: ${SANDBOX_REFUSAL}\n`);
    return EXIT.findings;
  }
  if (values.env !== undefined && !ENVS.includes(values.env as Environment)) throw new UsageError(`unknown environment '${values.env}': use local or production`);
  if (positionals.length !== 1) throw new UsageError('name one activation file');

  const path = resolve(io.cwd, positionals[0]!);
  const { project, problems } = await loadProject([dirname(path), path]);
  if (problems.length) {
    io.stderr(`pindest push: ${problems[0]!.path} ${problems[0]!.message}\n`);
    return EXIT.findings;
  }
  let planned;
  try {
    planned = await planFromDisk(project, project.file(path));
  } catch (e) {
    if (!(e instanceof ActivationError)) throw e;
    io.stderr(`pindest push: ${e.message}\n`);
    return EXIT.findings;
  }
  const { activation, plan } = planned;
  if (values['dry-run']) {
    const report = previewReport(activation, plan, io.cwd);
    io.stdout(values.format === 'json' ? formatPreviewJson(report) : formatPreviewText(report));
    return report.problems.length ? EXIT.findings : EXIT.ok;
  }

  const environment = (values.env as Environment | undefined) ?? activation.environment;
  activation.environment = environment;
  const embedded = environment === 'local' && !values['base-url'] ? await startSimulator({ port: 0 }) : undefined;
  try {
    const baseUrl = values['base-url'] ?? embedded?.baseUrl ?? (environment === 'local' ? undefined : BASE_URLS[environment]);
    if (!baseUrl) throw new UsageError('the local environment needs --base-url, or no --base-url to start the embedded simulator');
    const tokens = embedded && !process.env.PINTEREST_ACCESS_TOKEN ? staticTokenProvider(embedded.seed.accessToken) : envTokenProvider(process.env);
    const client = createPinterestClient({ environment, baseUrl, tokens });
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    const bar = progressBar(io);
    try {
      const report = await executePlan(activation, plan, client, { signal: controller.signal, onProgress: bar.update, cwd: io.cwd });
      bar.done();
      io.stdout(values.format === 'json' ? formatActivationJson(report) : formatActivationText(report));
      return report.outcome === 'succeeded' ? EXIT.ok : EXIT.findings;
    } finally {
      process.removeListener('SIGINT', stop);
    }
  } finally {
    await embedded?.close();
  }
}
