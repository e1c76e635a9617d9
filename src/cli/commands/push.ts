/**
 * `pindest push ACTIVATION`: runs a test activation. With the local environment and no base URL it
 * starts an embedded Pinterest simulator, so it works on a fresh machine with no account.
 */
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { executePlan } from '../../core/execute/execute';
import { formatActivationJson, formatActivationText } from '../../core/execute/report';
import { fileStateStore, forgetState, memoryStateStore, STATE_FILE, StateError } from '../../core/execute/state';
import { aepClock, aepRetryPolicy, createPinterestClient, defaultRetryTimeScale, envTokenProvider, parseRetryTimeScale, simulatorTokenProvider, staticTokenProvider } from '../../core/pinterest';
import { SANDBOX_REFUSAL } from '../../core/pinterest/sandbox';
import { BASE_URLS } from '../../core/pinterest/urls';
import { ActivationError, resolveActivation, type Environment } from '../../core/plan/activation';
import { planFromDisk } from '../../core/plan/load';
import { loadProject } from '../../core/project/load';
import { printPreview } from './preview';
import { SEED, startSimulator } from '../../simulator';
import { notAnActivation } from '../files';
import { EXIT, UsageError, type CliIO } from '../io';
import { progressBar } from '../progress';

export const pushUsage = `usage: pindest push ACTIVATION [--env local|production] [--base-url URL] [--fresh] [--create-audience] [--retry-time-scale N] [--dry-run] [--format text|json]
  Runs a test activation: the calls AEP makes, sent to Pinterest. The audience template creates a
  list once per audience; its id is remembered in .pindest/state.json next to the activation (per
  environment, base URL and ad account) and reused by the next push, as AEP does.
  Tokens: --env production reads PINTEREST_ACCESS_TOKEN (it starts with "pina"). --env local (the
  default) never reads it. Without --base-url it starts an embedded simulator and sends its seeded
  token; the simulator starts empty, so nothing is remembered. With --base-url (e.g. a
  \`pindest simulate\`) it sends PINDEST_SIMULATOR_TOKEN when set, else the seeded token that
  \`pindest simulate\` prints. A --base-url must be https, or http on 127.0.0.1,
  localhost or [::1] (a simulator): a token never goes over plain http to another host.
  --fresh forgets the remembered lists of this activation and target first (lists in Pinterest stay).
  --create-audience also makes a CUSTOMER_LIST audience on each list (not done by AEP).
  --dry-run shows the plan and sends nothing.
  Failed calls are retried as AEP does for the destination's aggregation type; --retry-time-scale
  (0 to 1) multiplies AEP's waits: default 0.001 for local (15 s → 15 ms), 1 otherwise. The report
  always shows AEP's own waits. Pinterest's sandbox is refused: it does not serve customer lists or audiences.
  Exit 0 when the activation succeeded, 1 when it failed or was refused, 2 on a usage error.`;

const ENVS = ['local', 'production'] as const;

export async function runPush(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      env: { type: 'string' },
      'base-url': { type: 'string' },
      'retry-time-scale': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      'create-audience': { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
    },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError("unknown format '{0}': use text or json", values.format!);
  if (values.env === 'sandbox') {
    io.stderr(`pindest push: ${SANDBOX_REFUSAL}\n`);
    return EXIT.findings;
  }
  if (values.env !== undefined && !ENVS.includes(values.env as Environment)) throw new UsageError("unknown environment '{0}': use local or production", values.env!);
  if (positionals.length !== 1) throw new UsageError('name one activation file');
  const timeScale = values['retry-time-scale'] === undefined ? undefined : parseRetryTimeScale(values['retry-time-scale']);
  if (typeof timeScale === 'string') throw new UsageError(`--retry-time-scale: ${timeScale}`);

  const path = resolve(io.cwd, positionals[0]!);
  const { project, problems } = await loadProject([dirname(path), path]);
  if (problems.length) {
    io.stderr(`pindest push: ${problems[0]!.path} ${problems[0]!.message}\n`);
    return EXIT.findings;
  }
  const wrongFile = notAnActivation('push', project.file(path), project, io.cwd);
  if (wrongFile) {
    io.stderr(`pindest push: ${wrongFile}\n`);
    return EXIT.usage;
  }
  let planned;
  try {
    // A dry run is a preview: large samples are summarised with bounded memory (preview.ts).
    if (values['dry-run']) return await printPreview(project, path, io, values.format, { environment: (values.env as Environment | undefined) ?? resolveActivation(project, project.file(path)).environment, baseUrl: values['base-url'] });
    planned = await planFromDisk(project, project.file(path));
  } catch (e) {
    if (!(e instanceof ActivationError)) throw e;
    io.stderr(`pindest push: ${e.message}\n`);
    return EXIT.findings;
  }
  const { activation, plan } = planned;
  const environment = (values.env as Environment | undefined) ?? activation.environment;
  activation.environment = environment;
  // The embedded simulator lives AEP's retry waits in full, however compressed this run's are.
  const clock = aepClock();
  const embedded = environment === 'local' && !values['base-url'] ? await startSimulator({ port: 0, now: clock.now }) : undefined;
  try {
    const baseUrl = values['base-url'] ?? embedded?.baseUrl ?? (environment === 'local' ? undefined : BASE_URLS[environment]);
    if (!baseUrl) throw new UsageError('the local environment needs --base-url, or no --base-url to start the embedded simulator');
    // Local means a simulator: its token, never the real one (which the simulator would only reject).
    const tokens = embedded
      ? staticTokenProvider(embedded.seed.accessToken)
      : environment === 'local'
        ? simulatorTokenProvider(SEED.accessToken, process.env)
        : envTokenProvider(process.env);
    const retry = aepRetryPolicy(activation.destination);
    const client = createPinterestClient({ environment, baseUrl, tokens, retry, retryTimeScale: timeScale ?? defaultRetryTimeScale(environment), onEvent: embedded && clock.observe });
    // The embedded simulator starts empty on every run: remembering its lists would only go stale.
    const state = embedded ? memoryStateStore() : fileStateStore(path, relative(io.cwd, join(dirname(path), STATE_FILE)) || STATE_FILE);
    let forgotten: number | undefined;
    if (values.fresh) {
      try {
        forgotten = await forgetState(state, { activation: basename(path), environment, baseUrl: client.baseUrl });
      } catch (e) {
        if (!(e instanceof StateError)) throw e;
        io.stderr(`pindest push: ${e.message} ${e.whatToDo}\n`);
        return EXIT.findings;
      }
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    const bar = progressBar(io);
    try {
      const report = await executePlan(activation, plan, client, { signal: controller.signal, onProgress: bar.update, cwd: io.cwd, state, createAudience: values['create-audience'] });
      bar.done();
      if (forgotten !== undefined) report.notes.unshift(forgotten < 0 ? `--fresh: ${state.where} could not be read as state and was replaced by an empty one.` : `--fresh: forgot ${forgotten} remembered list${forgotten === 1 ? '' : 's'} of this activation at ${client.baseUrl}.`);
      io.stdout(values.format === 'json' ? formatActivationJson(report) : formatActivationText(report));
      return report.outcome === 'succeeded' ? EXIT.ok : EXIT.findings;
    } finally {
      process.removeListener('SIGINT', stop);
    }
  } finally {
    await embedded?.close();
  }
}
