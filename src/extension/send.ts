/**
 * Send Test Activation: the core's execute step against the selected environment (the in-process
 * simulator for `local`), with progress and cancel; the result is saved in the project's run history
 * and opens in the report view, the notification says the outcome in one line with "Open Report".
 * Needs a trusted workspace.
 */
import * as vscode from 'vscode';
import type { ActivationReport, CallRecord } from '../core/execute/report';
import { totals } from './activation-md';
import { NotSignedInError, type Auth } from './auth';
import { runActivation } from './execute-bridge';
import type { Log } from './log';
import { activationFor, currentActivationPath, currentProjectFolder, loadEditorProject } from './project';
import { maskId } from './redact';
import { resolveTarget, type Environment } from './settings';
import type { SimulatorManager } from './simulator';
import { refuseUntrusted } from './trust';
import { createPinterestClient, parseRetryTimeScale } from '../core/pinterest';
import { redactHeaders } from '../core/pinterest/redact';
import type { ReportPanel } from './report-panel';
import type { ResendResult } from './report-html';
import { saveRun } from './runs';
import { msg } from '../core/report/l10n';
import { fileStateStore, forgetState, memoryStateStore, STATE_FILE, type StateStore } from '../core/execute/state';
import { basename, dirname, join } from 'node:path';

/**
 * The in-process simulator starts empty each time: its lists are remembered in memory, for as long
 * as that simulator runs, never in the project's state file (they would be stale after a restart).
 */
const simulatorStates = new WeakMap<object, StateStore>();
/** Where the in-process simulator's lists are remembered (English in the report; shown translated). */
const SIMULATOR_MEMORY = msg('memory only (the local simulator inside VS Code starts empty)');

function stateFor(activationPath: string, baseUrl: string, sims: SimulatorManager): StateStore {
  const sim = sims.running;
  if (sim && sim.baseUrl === baseUrl) {
    let store = simulatorStates.get(sim);
    if (!store) simulatorStates.set(sim, (store = memoryStateStore(SIMULATOR_MEMORY)));
    return store;
  }
  return fileStateStore(activationPath, vscode.workspace.asRelativePath(join(dirname(activationPath), STATE_FILE)));
}

/** The pindest.retryTimeScale setting; empty or invalid falls back to the environment's default. */
function retryTimeScaleSetting(value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const n = parseRetryTimeScale(value);
  return typeof n === 'number' ? n : undefined;
}

/** The execute step's phase, as the progress notification says it. */
function phaseLabel(phase: string): string {
  switch (phase) {
    case 'preflight':
      return vscode.l10n.t('checking the ad account');
    case 'audiences':
      return vscode.l10n.t('customer lists');
    case 'membership':
      return vscode.l10n.t('membership requests');
    case 'verify':
      return vscode.l10n.t('reading the lists back');
    default:
      return phase;
  }
}

export interface SendDeps {
  log: Log;
  auth: Auth;
  sims: SimulatorManager;
  environment: (path?: string) => Environment;
  reports: ReportPanel;
}

export async function sendTestActivation({ log, auth, sims, environment, reports }: SendDeps): Promise<ActivationReport | undefined> {
  if (refuseUntrusted(vscode.l10n.t('Sending a test activation needs a trusted workspace: it reads your files and sends requests with your Pinterest token.'))) return undefined;
  const where = await currentProjectFolder();
  if (!where) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No destination project here: open an activation.json (or a destination file next to one), or run "New Destination Project".'));
    return undefined;
  }
  const project = await loadEditorProject(where.folder);
  const activation = activationFor(project, where.file ?? where.folder);
  if (!activation) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No activation file (activation.json) in {0}: add one (snippet "pindest-activation").', where.folder));
    return undefined;
  }
  const env = environment(activation.path);
  const config = vscode.workspace.getConfiguration('pindest');
  const target = resolveTarget(env, config.get<string>('pinterest.baseUrl'), sims.running?.baseUrl);
  if (target.needsSimulator) target.baseUrl = (await sims.start(config.get<number>('simulator.port', 0))).baseUrl;
  if (env !== 'local' && !(await auth.isSignedIn(env))) {
    const signIn = vscode.l10n.t('Sign In');
    const local = vscode.l10n.t('Use the Local Simulator');
    const pick = await vscode.window.showErrorMessage(new NotSignedInError(env).message, signIn, local);
    if (pick === signIn) await vscode.commands.executeCommand('pindest.signIn');
    else if (pick === local) await config.update('environment', 'local', vscode.ConfigurationTarget.Workspace);
    return undefined;
  }
  const tokens = auth.tokensFor(target, sims.seededToken);
  const name = vscode.workspace.asRelativePath(activation.path);
  log.info(`Test activation of ${name} → ${env} (${target.baseUrl}).`);
  const t0 = Date.now();
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Test activation ({0})', env), cancellable: true },
    async (progress, cancel) => {
      const abort = new AbortController();
      cancel.onCancellationRequested(() => abort.abort());
      let last = 0;
      return runActivation(project, activation, {
        environment: env,
        baseUrl: target.baseUrl,
        tokens,
        state: stateFor(activation.path, target.baseUrl, sims),
        createAudience: config.get<boolean>('activation.createAudience', false),
        retryTimeScale: retryTimeScaleSetting(config.get<number | null>('retryTimeScale')),
        onClientEvent: sims.running?.baseUrl === target.baseUrl ? sims.clock.observe : undefined,
        signal: abort.signal,
        cwd: vscode.workspace.getWorkspaceFolder(vscode.Uri.file(activation.path))?.uri.fsPath ?? where.folder,
        onProgress: ({ phase, done, total }) => {
          const pct = total ? Math.round((done / total) * 100) : 0;
          progress.report({ message: `${phaseLabel(phase)} ${done}/${total}`, increment: Math.max(0, pct - last) });
          last = Math.max(last, pct);
        },
      });
    },
  );
  const t = totals(report);
  log.info(`Test activation ${report.outcome} in ${Date.now() - t0} ms: ${t.accepted} accepted, ${t.rejected} rejected, ${t.calls} calls (${t.failedCalls} failed); ad account ${maskId(report.adAccount.id)}.`);
  // The history keeps the core's report, already redacted; a failure to save never hides the run.
  const savedAt = new Date();
  await saveRun(activation.path, report, savedAt).catch((e) => log.error('Could not save the run in the history', e));
  reports.show(report, savedAt.toISOString());
  const openReport = vscode.l10n.t('Open Report');
  const reopen = (p: string | undefined) => {
    if (p === openReport) reports.show(report, savedAt.toISOString());
    return p;
  };
  if (report.outcome === 'succeeded') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Test activation succeeded: {0} identities accepted, {1} rejected ({2} requests).', t.accepted, t.rejected, t.calls), openReport).then(reopen);
  } else if (report.outcome === 'cancelled') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Test activation cancelled after {0} requests.', t.calls), openReport).then(reopen);
  } else {
    const showLog = vscode.l10n.t('Show Log');
    // One short line: the report view has the details and what to do.
    const message = report.failure ? vscode.l10n.t('Test activation failed: {0}', report.failure.message) : vscode.l10n.t('Test activation failed; the report lists every request and response.');
    void vscode.window.showErrorMessage(message, openReport, showLog).then((p) => {
      if (reopen(p) === showLog) log.show();
    });
  }
  return report;
}

/**
 * Forget Test Activation State: the lists remembered for the current activation (every environment,
 * base URL and ad account, and the running in-process simulator's), so the next send creates them
 * again through the audience template. The lists already in Pinterest stay there.
 */
export async function forgetTestActivationState({ sims }: Pick<SendDeps, 'sims'>): Promise<number | undefined> {
  const path = await currentActivationPath();
  if (!path) return undefined;
  const match = { activation: basename(path) };
  let n = Math.max(0, await forgetState(fileStateStore(path), match));
  const sim = sims.running;
  const memory = sim && simulatorStates.get(sim);
  if (memory) n += Math.max(0, await forgetState(memory, match));
  void vscode.window.showInformationMessage(vscode.l10n.t('Forgot {0} remembered customer lists of {1}; the next test activation creates them again (the lists already in Pinterest stay there).', n, vscode.workspace.asRelativePath(path)));
  return n;
}

/**
 * "Send Again" of one of pindest's read-only checks (GET) from the report: the same URL, with the
 * token of the environment the run used, only while that environment still resolves to the run's
 * base URL (a restarted local simulator has another port and forgot the run's lists).
 */
export async function resendCall({ auth, sims }: Pick<SendDeps, 'auth' | 'sims'>, report: ActivationReport, call: CallRecord): Promise<ResendResult> {
  const at = new Date().toISOString();
  if (refuseUntrusted(vscode.l10n.t('Sending a test activation needs a trusted workspace: it reads your files and sends requests with your Pinterest token.'))) return { at, durationMs: 0, error: 'Restricted mode: nothing was sent.' };
  const env = report.environment as Environment;
  const target = resolveTarget(env, vscode.workspace.getConfiguration('pindest').get<string>('pinterest.baseUrl'), sims.running?.baseUrl);
  if (target.needsSimulator || target.baseUrl !== report.baseUrl) {
    return { at, durationMs: 0, error: vscode.l10n.t('This run called {0}, which is not where {1} runs go now: send the test activation again instead.', report.baseUrl, env) };
  }
  const client = createPinterestClient({ environment: env, baseUrl: target.baseUrl, tokens: auth.tokensFor(target, sims.seededToken) });
  const t0 = Date.now();
  try {
    const r = await client.request({ method: 'GET', url: call.request.uri });
    return { at, status: r.status, durationMs: Date.now() - t0, requestId: r.requestId, headers: redactHeaders(r.headers), body: r.body };
  } catch (e) {
    const x = e as { message?: string; status?: number; requestId?: string };
    return { at, status: x.status, durationMs: Date.now() - t0, requestId: x.requestId, error: x.message ?? String(e) };
  }
}
