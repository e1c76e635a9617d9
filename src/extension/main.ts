/**
 * Extension entry point (bundled to dist/extension.cjs). Activation is cheap: commands, the log,
 * the status item and the template file system are registered; the language server starts only
 * when the first destination file opens; the simulator only when asked or needed.
 */
import * as vscode from 'vscode';
import { Auth } from './auth';
import { Client, documentSelector } from './client';
import { Log } from './log';
import { newProject } from './new-project';
import { PreviewPanel } from './preview';
import { maskId } from './redact';
import { PINTEREST_API_BASE_URL } from '../core/pinterest/urls';
import { ENVIRONMENTS, environmentFor, resolveTarget, type Environment, type EnvironmentSetting } from './settings';
import { SimulatorManager } from './simulator';
import { Status, StatusBar, activationInfo } from './status';
import { Walkthrough } from './walkthrough';
import { TemplateFileSystem, pickServerFile, templateLabelAtCursor, templateUri } from './template-fs';
import { TEMPLATE_SCHEME } from '../core/template/embedded';
import { forgetTestActivationState, resendCall, sendTestActivation } from './send';
import { compareSavedRuns, openSavedReport, ReportPanel } from './report-panel';
import type { ActivationReport } from '../core/execute/report';
import { translateText } from '../core/report/l10n';
import { refuseUntrusted } from './trust';
import { generateSampleProfilesCommand, showSampleTemplateCommand } from './samples';
import { registerAep } from './aep-commands';
import type { DeployResultView } from './deploy-text';

export interface PindestApi {
  /** Milliseconds `activate` took (the server starts later, on the first destination file). */
  activationMs: number;
  serverStartMs(): number | undefined;
  serverState(): string;
  /** The report the report view shows now (or showed last), as the core made it (redacted). */
  lastReport(): ActivationReport | undefined;
  /** Whether the report view is open. */
  reportVisible(): boolean;
  /** The status bar item's text and tooltip, and whether it shows (a destination project is open). */
  statusBar(): { text: string; tooltip: string; visible: boolean };
  /** The deploy report shown last (Deploy to AEP). */
  lastDeploy(): DeployResultView | undefined;
}

let client: Client | undefined;
let simulators: SimulatorManager | undefined;

export function currentEnvironment(path?: string): Environment {
  const uri = path ? vscode.Uri.file(path) : vscode.window.activeTextEditor?.document.uri;
  const setting = vscode.workspace.getConfiguration('pindest', uri).get<EnvironmentSetting>('environment', 'activation');
  return environmentFor(setting, uri ? activationInfo(uri.fsPath).environment : undefined);
}

export function activate(context: vscode.ExtensionContext): PindestApi {
  const t0 = performance.now();
  const log = new Log('Pinterest Destination');
  const config = () => vscode.workspace.getConfiguration('pindest');
  log.setLevel(config().get('log.level'));
  const c = new Client(context, log);
  client = c;
  const sims = new SimulatorManager(log);
  simulators = sims;
  const auth = new Auth(context.secrets, log);
  // The preview shows the URLs the run will call: the running simulator's for local, as send.ts resolves them.
  const previewTarget = (path: string) => {
    const environment = currentEnvironment(path);
    const target = resolveTarget(environment, config().get<string>('pinterest.baseUrl'), sims.running?.baseUrl);
    return { environment, baseUrl: target.needsSimulator ? undefined : target.baseUrl };
  };
  const preview = new PreviewPanel(context, log, previewTarget, sims.onDidChange);
  const reports = new ReportPanel(context, log, (report, call) => resendCall({ auth, sims }, report, call));
  const templates = new TemplateFileSystem(log);
  const status = new Status(c);
  const walkthrough = new Walkthrough(context.globalState);
  const statusBar = new StatusBar(sims, () => resolveTarget(currentEnvironment(), config().get<string>('pinterest.baseUrl'), sims.running?.baseUrl), (open) => walkthrough.setProjectOpen(open));
  context.subscriptions.push(log, c, sims, preview, reports, templates, status, statusBar);
  context.subscriptions.push(vscode.workspace.registerFileSystemProvider(TEMPLATE_SCHEME, templates, { isCaseSensitive: true }));

  // Start the language server on the first destination file (now, if one is already open).
  const maybeStart = (doc: vscode.TextDocument) => {
    if (c.state === 'stopped' && vscode.languages.match(documentSelector(), doc) > 0) void c.start();
  };
  vscode.workspace.textDocuments.forEach(maybeStart);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(maybeStart),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (c.state !== 'stopped') void c.restart();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('pindest.log.level')) log.setLevel(config().get('log.level'));
      if (e.affectsConfiguration('pindest.files.globs') && c.state !== 'stopped') void c.restart();
    }),
  );

  const command = (id: string, fn: (...args: any[]) => unknown) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(`pindest.${id}`, async (...args: unknown[]) => {
        try {
          return await fn(...args);
        } catch (e) {
          log.error(`Command ${id} failed`, e);
          // Messages marked with msg (sign-in, the core's advice) are shown in the display language.
          void vscode.window.showErrorMessage(e instanceof Error ? translateText(e.message, vscode.l10n.t) : String(e), vscode.l10n.t('Show Log')).then((p) => p && log.show());
          return undefined;
        }
      }),
    );

  // A step counts as done once the command did its work (the walkthrough remembers it across sessions).
  const marking = <T>(step: Parameters<Walkthrough['mark']>[0], result: T): T => {
    if (result) void walkthrough.mark(step);
    return result;
  };
  command('previewIdentityMapping', async () => marking('previewed', await preview.show()));
  command('sendTestActivation', async () => marking('sent', await sendTestActivation({ log, auth, sims, environment: currentEnvironment, reports })));
  command('openTestActivationReport', (which?: string) => openSavedReport(reports, typeof which === 'string' ? which : undefined));
  command('compareTestActivationRuns', () => compareSavedRuns());
  command('forgetTestActivationState', () => forgetTestActivationState({ sims }));
  command('showLog', () => log.show());
  command('restartServer', async () => {
    await c.restart();
    return c.state;
  });
  command('startSimulator', async () => {
    const sim = await sims.start(config().get<number>('simulator.port', 0));
    void vscode.window.showInformationMessage(vscode.l10n.t('Local Pinterest simulator running at {0} (ad account {1}). Local test activations use it with its seeded token.', sim.baseUrl, sims.seededAdAccountId));
    return sim.baseUrl;
  });
  command('stopSimulator', async () => {
    const stopped = await sims.stop();
    void vscode.window.showInformationMessage(stopped ? vscode.l10n.t('Local Pinterest simulator stopped.') : vscode.l10n.t('The local Pinterest simulator is not running.'));
    return stopped;
  });
  command('statusBarMenu', () => statusBar.menu(config().get<EnvironmentSetting>('environment', 'activation')));
  // `id` lets the status bar menu (and scripts) pick without the quick pick.
  command('selectEnvironment', async (id?: EnvironmentSetting) => {
    const current = config().get<EnvironmentSetting>('environment', 'activation');
    const items: (vscode.QuickPickItem & { id: EnvironmentSetting })[] = [
      { id: 'activation', label: vscode.l10n.t('As the activation file says'), description: current === 'activation' ? vscode.l10n.t('current') : undefined },
      ...ENVIRONMENTS.map((env) => ({
        id: env as EnvironmentSetting,
        label: env,
        description: current === env ? vscode.l10n.t('current') : undefined,
        detail: env === 'local' ? vscode.l10n.t('The simulator inside VS Code; no sign-in') : new URL(PINTEREST_API_BASE_URL).host,
      })),
    ];
    const pick = typeof id === 'string' ? items.find((i) => i.id === id) : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Environment of test activations') });
    if (!pick) return undefined;
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config().update('environment', pick.id === 'activation' ? undefined : pick.id, target);
    const env = currentEnvironment();
    await auth.updateContext(env);
    log.info(`Environment set to ${pick.id} (effective: ${env}).`);
    return pick.id;
  });
  command('signIn', async () => {
    if (refuseUntrusted(vscode.l10n.t('Signing in to Pinterest needs a trusted workspace: trust this folder first (Manage Workspace Trust), then sign in.'))) return false;
    // The local simulator needs no sign-in; production is the one Pinterest environment (no sandbox).
    const env: Environment = 'production';
    const target = resolveTarget(env, config().get<string>('pinterest.baseUrl'), sims.running?.baseUrl);
    const ok = await auth.signIn(env, target.baseUrl);
    await auth.updateContext(currentEnvironment());
    if (ok) void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to Pinterest ({0}).', env));
    return ok;
  });
  command('signOut', async () => {
    const cleared = await auth.signOut();
    await auth.updateContext(currentEnvironment());
    void vscode.window.showInformationMessage(cleared.length ? vscode.l10n.t('Signed out of Pinterest: tokens removed from secret storage.') : vscode.l10n.t('No Pinterest tokens were stored.'));
    return cleared;
  });
  command('editEmbeddedTemplate', async (arg?: vscode.Uri) => {
    const file = arg instanceof vscode.Uri ? arg : await pickServerFile();
    if (!file) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No destination server file (destination-server.json) in this workspace.'));
      return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    const label = editor && editor.document.uri.toString() === file.toString() ? templateLabelAtCursor(editor) : 'requestBody';
    const uri = templateUri(file, label);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'pebble') await vscode.languages.setTextDocumentLanguage(doc, 'pebble');
    await vscode.window.showTextDocument(doc, { preview: false });
    return marking('editedTemplate', uri.toString());
  });
  command('newProject', (arg?: unknown) => newProject(context.extensionUri, arg));
  // `count` lets scripts (and tests) skip the input box.
  command('generateSampleProfiles', (count?: unknown) => generateSampleProfilesCommand(log, typeof count === 'number' ? count : undefined));
  command('showSampleTemplate', () => showSampleTemplateCommand());
  const aep = registerAep(context, log, command);
  // VS Code's JSON formatter stays the one formatter of JSON files; this keeps the file's own style.
  command('formatKeepingStyle', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || vscode.languages.match(documentSelector(), editor.document) === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a destination project file (destination.json, destination-server.json, audience-template.json or activation.json) to format it in its own style.'));
      return false;
    }
    if (c.state === 'stopped') await c.start();
    const edits = await c.formatKeepingStyle(editor);
    if (!edits) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The language server is not running, so the file was not formatted. Restart it with "Restart Language Server".'));
      return false;
    }
    return editor.edit((b) => edits.forEach((e) => b.replace(e.range, e.newText)));
  });

  void auth.updateContext(currentEnvironment());
  void vscode.commands.executeCommand('setContext', 'pindest.simulatorRunning', false);
  const activationMs = Math.round((performance.now() - t0) * 10) / 10;
  log.info(`Activated in ${activationMs} ms (VS Code ${vscode.version}, ${vscode.env.appHost}); environment ${currentEnvironment()}, ad account ${maskId(vscode.window.activeTextEditor ? activationInfo(vscode.window.activeTextEditor.document.uri.fsPath).adAccountId : undefined)}.`);
  return { activationMs, serverStartMs: () => c.startedInMs, serverState: () => c.state, lastReport: () => reports.last?.report, reportVisible: () => reports.visible, statusBar: () => statusBar.shown, lastDeploy: aep.lastDeploy };
}

export async function deactivate(): Promise<void> {
  await Promise.all([client?.stop(), simulators?.stop()]);
}
