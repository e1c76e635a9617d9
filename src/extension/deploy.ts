/**
 * Deploy to AEP, Pull from AEP and Publish to AEP: the core's authoring orchestration (through
 * aep-api.ts) against the selected AEP environment: the AEP simulator inside VS Code for `local`
 * (no sign-in), Adobe's authoring API with the credentials of "Sign In to Adobe" for
 * `production`. A deploy refuses while validation errors stand, shows VS Code's diff of each
 * resource it would change (AEP left, what would be sent right) before anything is sent, asks to
 * confirm, then runs with progress and cancel and opens its report. All refuse in an untrusted
 * workspace.
 */
import { existsSync, readdirSync } from 'node:fs';
import * as vscode from 'vscode';
import type { AepApi, AepConnection, DestinationSummary } from './aep-api';
import { NotSignedInToAdobeError, type AepAuth } from './aep-auth';
import { DEFAULT_SANDBOX, aepEnvironmentOf, resolveAepTarget } from './aep-credentials';
import type { DeployReportPanel } from './deploy-panel';
import { changedItems, confirmDetail, counts, errorsByFile, refusalFiles, sideText, sidePath, type DeployPlanView, type DeployResultView, type PlanItem } from './deploy-text';
import type { Project } from '../core/project/project';
import type { Log } from './log';
import { currentProjectFolder, loadEditorProject } from './project';
import { refuseUntrusted } from './trust';
import { validateProject } from '../core/validate';

/** Read-only documents of the diff's two sides. */
export const AEP_SCHEME = 'pindest-aep';

export class AepDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  /** Forgets the previous deploy's texts (its open tabs keep what they show). */
  clear(): void {
    this.texts.clear();
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The AEP simulator inside VS Code (aep-commands.ts runs it). */
export interface AepSimulatorHost {
  readonly running: { baseUrl: string; sandbox: string } | undefined;
  start(port: number): Promise<{ baseUrl: string; sandbox: string }>;
}

export interface AepDeps {
  log: Log;
  auth: AepAuth;
  api: AepApi;
  sims: AepSimulatorHost;
  docs: AepDocuments;
  reports: DeployReportPanel;
}

const config = () => vscode.workspace.getConfiguration('pindest');

/** Where the calls go; asks to sign in (and returns undefined) when production has no credentials. */
export async function aepConnection({ auth, sims }: Pick<AepDeps, 'auth' | 'sims'>): Promise<AepConnection | undefined> {
  const env = aepEnvironmentOf(config().get('aep.environment'));
  const target = resolveAepTarget(env, config().get<string>('aep.baseUrl'), sims.running?.baseUrl);
  if (env === 'local') {
    const sim = target.needsSimulator ? await sims.start(0) : sims.running;
    if (target.needsSimulator) target.baseUrl = sim!.baseUrl;
    target.needsSimulator = false;
    return { target, sandbox: sim?.sandbox ?? DEFAULT_SANDBOX };
  }
  const credentials = await auth.credentials();
  if (!credentials) {
    const signIn = vscode.l10n.t('Sign In to Adobe');
    const local = vscode.l10n.t('Use the Local AEP Simulator');
    const pick = await vscode.window.showErrorMessage(new NotSignedInToAdobeError().message, signIn, local);
    if (pick === signIn) await vscode.commands.executeCommand('pindest.signInAdobe');
    else if (pick === local) await config().update('aep.environment', 'local', vscode.ConfigurationTarget.Workspace);
    return undefined;
  }
  return { target, credentials, sandbox: credentials.sandbox };
}

function where(conn: AepConnection): string {
  return vscode.l10n.t('{0} (sandbox {1}, {2})', conn.target.environment === 'local' ? vscode.l10n.t('the local AEP simulator') : 'Adobe Experience Platform', conn.sandbox, conn.target.baseUrl);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The diff of each resource the deploy would change (or that conflicts), AEP left, what would be sent right. */
async function showDiffs(docs: AepDocuments, plan: PlanItem[], run: number): Promise<void> {
  docs.clear();
  for (const item of changedItems(plan)) {
    const uri = (side: 'aep' | 'local', text: string | undefined) => {
      const u = vscode.Uri.from({ scheme: AEP_SCHEME, path: sidePath(side, item), query: `run=${run}` });
      docs.set(u, sideText(text));
      return u;
    };
    const name = sidePath('local', item).split('/').pop()!;
    const title = item.action === 'create' ? vscode.l10n.t('{0}: not in AEP ↔ to be created', name) : vscode.l10n.t('{0}: AEP ({1}) ↔ to be sent', name, item.instanceId ?? '');
    await vscode.commands.executeCommand('vscode.diff', uri('aep', item.aep), uri('local', item.local), title, { preview: false, preserveFocus: true });
  }
}

let runs = 0;

/**
 * The validation errors that refuse a deploy, by file: those of the files AEP receives (the
 * activation is the test activation's own), at the rules' own severities, as the core's deploy
 * judges them (turning a rule off hides a finding; it does not make AEP accept the file).
 */
function deployErrors(project: Project): { file: string; count: number; first: string }[] {
  const sent = new Set(['destination', 'destination-server', 'audience-template']);
  return errorsByFile(
    validateProject(project)
      .filter((r) => r.kind !== undefined && sent.has(r.kind))
      .flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ file: vscode.workspace.asRelativePath(r.path), code: d.code, message: d.message }))),
  );
}

function refuse(log: Log, errors: { file: string; count: number; first: string }[]): undefined {
  const problems = vscode.l10n.t('Show Problems');
  void vscode.window.showErrorMessage(vscode.l10n.t('Not deployed: fix the validation errors first. {0}', refusalFiles(errors)), problems).then((p) => {
    if (p === problems) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  log.info(`Deploy refused: validation errors in ${errors.map((e) => e.file).join(', ')}.`);
  return undefined;
}

export async function deployToAep(deps: AepDeps): Promise<DeployResultView | undefined> {
  const { log, api, docs, reports } = deps;
  if (refuseUntrusted(vscode.l10n.t('Deploying to AEP needs a trusted workspace: it reads your files and sends them to Adobe with your credentials.'))) return undefined;
  const found = await currentProjectFolder();
  if (!found) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No destination project here: open a destination file (destination.json and its server and audience template), or run "New Destination Project".'));
    return undefined;
  }
  const folder = found.folder;
  const project = await loadEditorProject(folder);
  const errors = deployErrors(project);
  if (errors.length) return refuse(log, errors);
  const conn = await aepConnection(deps);
  if (!conn) return undefined;
  const run = ++runs;
  let plan: DeployPlanView;
  const planAbort = new AbortController();
  try {
    plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Comparing with AEP…'), cancellable: true }, async (_p, cancel) => {
      cancel.onCancellationRequested(() => planAbort.abort());
      return api.plan({ folder, project, conn, signal: planAbort.signal });
    });
  } catch (e) {
    if (!planAbort.signal.aborted) {
      log.error('Deploy: reading what AEP holds failed', e);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not read what AEP holds, so nothing was sent: {0}', errorText(e)));
      return undefined;
    }
    plan = { outcome: 'failed', items: [] };
  }
  if (planAbort.signal.aborted) {
    // Cancelled while comparing: only reads were made.
    log.info('Deploy cancelled while comparing with AEP: nothing sent.');
    void vscode.window.showInformationMessage(vscode.l10n.t('Deploy cancelled: nothing was sent.'));
    return undefined;
  }
  if (plan.outcome === 'refused' || plan.outcome === 'failed') {
    const message = plan.failure ? `${plan.failure.message} ${plan.failure.whatToDo}` : vscode.l10n.t('Nothing was sent.');
    log.info(`Deploy ${plan.outcome} before sending: ${message}`);
    void vscode.window.showErrorMessage(plan.outcome === 'refused' ? vscode.l10n.t('Not deployed: {0}', message) : vscode.l10n.t('Could not read what AEP holds, so nothing was sent: {0}', message));
    return undefined;
  }
  const n = counts(plan.items, ['create', 'update', 'unchanged', 'conflict']);
  log.info(`Deploy plan → ${conn.target.environment} (${conn.target.baseUrl}, sandbox ${conn.sandbox}): ${n.create} to create, ${n.update} to update, ${n.unchanged} unchanged, ${n.conflict} in conflict.`);
  if (n.create + n.update + n.conflict === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to deploy: AEP already holds these files ({0} unchanged).', n.unchanged));
    return undefined;
  }
  await showDiffs(docs, plan.items, run);
  let force = false;
  if (plan.outcome === 'conflict') {
    // Changed in AEP since the last deploy or pull (the diff shows AEP's version), or a resource of the
    // same name this folder did not deploy: going ahead is the user's call, and says what it does.
    const replaces = plan.items.some((i) => i.action === 'conflict' && i.aep !== undefined);
    const go = replaces ? vscode.l10n.t('Overwrite AEP\'s Version') : vscode.l10n.t('Deploy Anyway');
    const advice = replaces
      ? vscode.l10n.t('"Overwrite AEP\'s Version" replaces what AEP holds with your files (the diff shows both). To keep AEP\'s version instead, run "Pull from AEP" into another folder and carry your changes over.')
      : (plan.failure?.whatToDo ?? '');
    const detail = [plan.failure?.message, advice].filter(Boolean).join('\n\n');
    const question = replaces ? vscode.l10n.t('AEP changed since the last deploy or pull from this folder: nothing was sent. Overwrite with your files?') : vscode.l10n.t('AEP already holds a resource of that name that this folder did not deploy: nothing was sent. Deploy anyway?');
    const ok = await vscode.window.showWarningMessage(question, { modal: true, detail }, go);
    if (ok !== go) {
      log.info('Deploy stopped on a conflict: nothing sent.');
      return undefined;
    }
    force = true;
  } else {
    const deploy = vscode.l10n.t('Deploy');
    const detail = confirmDetail(plan.items, where(conn), { to: vscode.l10n.t('To'), created: vscode.l10n.t('Created'), updated: vscode.l10n.t('Updated'), unchanged: vscode.l10n.t('Unchanged'), none: vscode.l10n.t('none') });
    const ok = await vscode.window.showWarningMessage(vscode.l10n.t('Deploy to AEP: create {0}, update {1}, leave {2} unchanged?', n.create, n.update, n.unchanged), { modal: true, detail }, deploy);
    if (ok !== deploy) {
      log.info('Deploy not confirmed: nothing sent.');
      return undefined;
    }
  }
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deploying to AEP'), cancellable: true }, async (progress, cancel) => {
    const abort = new AbortController();
    cancel.onCancellationRequested(() => abort.abort());
    let last = 0;
    return api.deploy({ folder, project, conn, force, signal: abort.signal }, ({ message, done, total }) => {
      const pct = total ? Math.round((done / total) * 100) : 0;
      progress.report({ message: `${message} ${done}/${total}`, increment: Math.max(0, pct - last) });
      last = Math.max(last, pct);
    });
  });
  const c = counts(result.resources, ['created', 'updated', 'unchanged']);
  log.info(`Deploy ${result.outcome}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged; ${result.calls.length} calls.`);
  reports.show(result);
  const openReport = vscode.l10n.t('Open Report');
  const reopen = (p: string | undefined) => p === openReport && reports.show(result);
  if (result.outcome === 'succeeded') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Deployed to AEP: {0} created, {1} updated, {2} unchanged.', c.created, c.updated, c.unchanged), openReport).then(reopen);
  } else {
    // One message: the core's says what exists in AEP now, its advice how to finish or roll back.
    const message = result.failure ? `${result.failure.message} ${result.failure.whatToDo}` : '';
    const head = result.outcome === 'cancelled' ? vscode.l10n.t('Deploy cancelled: {0}', message) : vscode.l10n.t('Deploy failed: {0}', message);
    void vscode.window.showErrorMessage(head, openReport).then(reopen);
  }
  return result;
}

type DestinationItem = vscode.QuickPickItem & { id?: string };

/** A destination of AEP by name (quick pick of the list) or by an id typed in. */
async function pickDestination(deps: AepDeps, conn: AepConnection, title: string): Promise<string | undefined> {
  let list: DestinationSummary[];
  try {
    list = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing the destinations in AEP…') }, () => deps.api.listDestinations(conn));
  } catch (e) {
    deps.log.error('Listing destinations failed', e);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not list the destinations in AEP: {0}', errorText(e)));
    return undefined;
  }
  const byId: DestinationItem = { label: vscode.l10n.t('$(edit) Enter a destination id…'), alwaysShow: true };
  const items: DestinationItem[] = [...list.map((d) => ({ id: d.instanceId, label: d.name, description: d.instanceId, detail: [d.status, d.lastModifiedDate].filter(Boolean).join(' · ') || undefined })), byId];
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder: list.length ? vscode.l10n.t('Destination name or id') : vscode.l10n.t('No destination in this sandbox yet: enter an id'), matchOnDescription: true, ignoreFocusOut: true });
  if (!pick) return undefined;
  if (pick.id) return pick.id;
  const id = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('The destination\'s instanceId (as AEP shows it).'), ignoreFocusOut: true, validateInput: (v) => (v.trim() && !/\s/.test(v.trim()) ? undefined : vscode.l10n.t('An instanceId has no spaces.')) });
  return id?.trim() || undefined;
}

const PROJECT_FILES = /(^|\.)(destination|destination-server|audience-template)\.json$/;

export async function pullFromAep(deps: AepDeps): Promise<string[] | undefined> {
  if (refuseUntrusted(vscode.l10n.t('Pulling from AEP needs a trusted workspace: it calls Adobe with your credentials and writes files.'))) return undefined;
  const conn = await aepConnection(deps);
  if (!conn) return undefined;
  const title = vscode.l10n.t('Pull from AEP');
  const id = await pickDestination(deps, conn, title);
  if (!id) return undefined;
  const start = vscode.workspace.workspaceFolders?.[0]?.uri;
  const folders = await vscode.window.showOpenDialog({ title: vscode.l10n.t('Folder to write the project into'), canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Pull Here'), defaultUri: start });
  const folder = folders?.[0]?.fsPath;
  if (!folder) return undefined;
  const existing = existsSync(folder) ? readdirSync(folder).filter((f) => PROJECT_FILES.test(f)) : [];
  if (existing.length) {
    const overwrite = vscode.l10n.t('Overwrite');
    const ok = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already holds {1}. Overwrite with what AEP holds?', vscode.workspace.asRelativePath(folder), existing.join(', ')), { modal: true }, overwrite);
    if (ok !== overwrite) return undefined;
  }
  try {
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pulling from AEP…'), cancellable: true }, (_p, cancel) => {
      const abort = new AbortController();
      cancel.onCancellationRequested(() => abort.abort());
      return deps.api.pull(conn, id, folder, abort.signal);
    });
    deps.log.info(`Pulled destination ${id} from ${conn.target.environment} (sandbox ${conn.sandbox}) into ${folder}: ${result.files.length} files.`);
    await vscode.window.showTextDocument(vscode.Uri.file(result.destinationFile), { preview: false });
    void vscode.window.showInformationMessage(vscode.l10n.t('Pulled from AEP: {0} files written to {1}.', result.files.length, vscode.workspace.asRelativePath(folder)));
    return result.files;
  } catch (e) {
    deps.log.error('Pull failed', e);
    void vscode.window.showErrorMessage(vscode.l10n.t('Pull from AEP failed, no file was written: {0}', errorText(e)));
    return undefined;
  }
}

export async function publishToAep(deps: AepDeps): Promise<string | undefined> {
  if (refuseUntrusted(vscode.l10n.t('Publishing to AEP needs a trusted workspace: it calls Adobe with your credentials.'))) return undefined;
  const found = await currentProjectFolder();
  if (!found) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No destination project here: open a destination file (destination.json and its server and audience template), or run "New Destination Project".'));
    return undefined;
  }
  const conn = await aepConnection(deps);
  if (!conn) return undefined;
  const project = await loadEditorProject(found.folder);
  const submit = vscode.l10n.t('Submit');
  const ok = await vscode.window.showWarningMessage(vscode.l10n.t('Submit the destination of {0} for publishing in {1}?', vscode.workspace.asRelativePath(found.folder), where(conn)), { modal: true, detail: vscode.l10n.t('Adobe publishes the destination it holds (deploy first if your changes should be published); a productized destination is reviewed by Adobe before it is published.') }, submit);
  if (ok !== submit) return undefined;
  try {
    const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Submitting for publishing…') }, () => deps.api.publish({ folder: found.folder, project, conn }));
    deps.log.info(`Publish of ${r.destinationId} submitted: status ${r.status}.`);
    void vscode.window.showInformationMessage([vscode.l10n.t('Destination "{0}" ({1}) submitted for publishing: status {2}.', r.name, r.destinationId, r.status), r.notDeployed ?? ''].filter(Boolean).join(' '));
    return r.status;
  } catch (e) {
    deps.log.error('Publish failed', e);
    void vscode.window.showErrorMessage(vscode.l10n.t('Publish to AEP failed: {0}', errorText(e)));
    return undefined;
  }
}
