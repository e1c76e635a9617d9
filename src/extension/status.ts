/**
 * One language status item on destination files: the file's kind, the environment a test
 * activation would use, the ad account of the activation, and the validation state.
 */
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { FileKind } from '../core/project/kinds';
import { activationSummary } from '../core/rules/facts';
import type { Client } from './client';
import { documentSelector } from './client';
import { activationFor, editorProject, kindOfDocument } from './project';
import { DEFAULT_GLOBS, ENVIRONMENTS, environmentFor, type EnvironmentSetting, type Target } from './settings';
import type { SimulatorManager } from './simulator';
import { statusBarView } from './status-bar-text';

function kindLabel(kind: FileKind): string {
  switch (kind) {
    case 'destination':
      return vscode.l10n.t('Destination configuration');
    case 'destination-server':
      return vscode.l10n.t('Destination server');
    case 'audience-template':
      return vscode.l10n.t('Audience template');
    case 'activation':
      return vscode.l10n.t('Test activation');
  }
}

export interface ActivationInfo {
  environment?: string;
  adAccountId?: string;
}

/**
 * The environment and ad account of the activation next to `path` (open editor text first). The
 * editor project loader parses a file again only when its text changed (open documents by version,
 * files on disk by size and modification time), so calling this on every diagnostics change is cheap.
 * `relist` lists the folder again (after a save or a change of editor, when files may have appeared).
 */
export function activationInfo(path: string, relist = true): ActivationInfo {
  const project = editorProject(dirname(path), relist);
  const activation = activationFor(project, path);
  return activation ? activationSummary(project, activation) : {};
}

export class Status implements vscode.Disposable {
  private item: vscode.LanguageStatusItem;
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly client: Client) {
    this.item = this.create();
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update(false)),
      vscode.workspace.onDidSaveTextDocument(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('pindest.files.globs')) {
          this.item.dispose();
          this.item = this.create();
        }
        if (e.affectsConfiguration('pindest')) this.update();
      }),
      client.onDidChangeState(() => this.update()),
    );
    this.update();
  }

  private create(): vscode.LanguageStatusItem {
    const item = vscode.languages.createLanguageStatusItem('pindest.status', documentSelector());
    item.name = 'Pinterest Destination';
    item.command = { command: 'pindest.selectEnvironment', title: vscode.l10n.t('Select Environment') };
    return item;
  }

  update(relist = true): void {
    const doc = vscode.window.activeTextEditor?.document;
    const kind = doc && kindOfDocument(doc);
    if (!doc || !kind) return;
    const info = activationInfo(doc.uri.fsPath, relist);
    const env = environmentFor(vscode.workspace.getConfiguration('pindest', doc.uri).get<EnvironmentSetting>('environment', 'activation'), info.environment);
    const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'pindest');
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const state = this.client.state;
    const validation =
      state === 'starting' ? vscode.l10n.t('starting checks…') : state === 'failed' ? vscode.l10n.t('checks stopped (see log)') : errors + warnings === 0 ? vscode.l10n.t('no problems') : vscode.l10n.t('{0} errors, {1} warnings', errors, warnings);
    this.item.text = `${errors ? '$(error)' : warnings ? '$(warning)' : '$(check)'} ${kindLabel(kind)} · ${env}`;
    this.item.detail = `${info.adAccountId ? vscode.l10n.t('ad account {0}', info.adAccountId) : vscode.l10n.t('no ad account')} · ${validation}`;
    this.item.busy = state === 'starting';
    this.item.severity = state === 'failed' || errors ? vscode.LanguageStatusSeverity.Error : warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subs) s.dispose();
  }
}

/** A folder of the workspace holds a destination project file, or one is open: sets `pindest.projectOpen`. */
export async function projectOpen(): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => kindOfDocument(d))) return true;
  if (!vscode.workspace.workspaceFolders?.length) return false;
  const names = Object.values(DEFAULT_GLOBS).flatMap((g) => g.map((p) => p.replace('**/', '')));
  const found = await vscode.workspace.findFiles(`**/{${names.join(',')}}`, '**/node_modules/**', 1);
  return found.length > 0;
}

/**
 * The status bar item: environment, where requests go and whether the local simulator runs; a
 * click offers to switch environment or start/stop the simulator. Shown while a project is open.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('pindest.statusBar', vscode.StatusBarAlignment.Left, 50);
  private readonly subs: vscode.Disposable[] = [];
  private open = false;

  constructor(
    private readonly sims: SimulatorManager,
    private readonly target: () => Target,
    private readonly onProjectOpen: (open: boolean) => void,
  ) {
    this.item.name = vscode.l10n.t('Pinterest Destination: environment');
    this.item.command = 'pindest.statusBarMenu';
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.json', false, true, false);
    this.subs.push(
      this.item,
      watcher,
      watcher.onDidCreate(() => void this.refreshOpen()),
      watcher.onDidDelete(() => void this.refreshOpen()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refreshOpen()),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (!this.open && kindOfDocument(d)) void this.refreshOpen();
      }),
      sims.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidSaveTextDocument(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('pindest')) this.update();
      }),
    );
    void this.refreshOpen();
  }

  private async refreshOpen(): Promise<void> {
    this.open = await projectOpen();
    this.onProjectOpen(this.open);
    this.update();
  }

  /** What the item shows now (for the extension's API, used by the e2e tests). */
  get shown(): { text: string; tooltip: string; visible: boolean } {
    return { text: this.item.text, tooltip: String(this.item.tooltip ?? ''), visible: this.open };
  }

  update(): void {
    if (!this.open) {
      this.item.hide();
      return;
    }
    const target = this.target();
    const view = statusBarView({ target, simulatorUrl: this.sims.running?.baseUrl });
    const simulator = view.simulator === 'running' ? vscode.l10n.t('simulator running') : vscode.l10n.t('simulator stopped');
    this.item.text = [`${target.environment === 'production' ? '$(cloud)' : '$(vm)'} ${target.environment}`, view.host, simulator].filter(Boolean).join(' · ');
    this.item.tooltip = vscode.l10n.t('Environment {0}; test activations go to {1}; {2}. Click to switch environment or start the simulator.', target.environment, view.host ?? vscode.l10n.t('the local simulator, once started'), simulator);
    this.item.show();
  }

  /** The click: environments to switch to, and the simulator to start or stop. */
  async menu(current: EnvironmentSetting): Promise<unknown> {
    type Item = vscode.QuickPickItem & { run: () => Thenable<unknown> };
    const running = !!this.sims.running;
    const items: Item[] = [
      running
        ? { label: `$(debug-stop) ${vscode.l10n.t('Stop Local Pinterest Simulator')}`, description: this.sims.running?.baseUrl, run: () => vscode.commands.executeCommand('pindest.stopSimulator') }
        : { label: `$(play) ${vscode.l10n.t('Start Local Pinterest Simulator')}`, run: () => vscode.commands.executeCommand('pindest.startSimulator') },
      ...(['activation', ...ENVIRONMENTS] as EnvironmentSetting[]).map((id) => ({
        label: `$(${id === 'production' ? 'cloud' : id === 'local' ? 'vm' : 'file'}) ${id === 'activation' ? vscode.l10n.t('As the activation file says') : vscode.l10n.t('Switch to {0}', id)}`,
        description: id === current ? vscode.l10n.t('current') : undefined,
        run: () => vscode.commands.executeCommand('pindest.selectEnvironment', id),
      })),
    ];
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Pinterest Destination: environment and simulator') });
    return pick?.run();
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}


