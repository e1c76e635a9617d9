/**
 * The Preview Identity Mapping panel: the core's plan and preview report for the activation of the
 * active project, as a webview with a strict CSP. It follows the active destination file and
 * re-plans (debounced) when a file of that project changes.
 */
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { ActivationError } from '../core/plan/activation';
import { planFromDisk } from '../core/plan/load';
import { previewReport, type PreviewReport } from '../core/report/preview';
import { createNonce } from './csp';
import type { Log } from './log';
import { renderErrorPage, renderPreviewPage, type PageResources } from './preview-html';
import { activationFor, currentProjectFolder, kindOfDocument, loadEditorProject } from './project';

export const VIEW_TYPE = 'pindest.preview';

/** `baseUrl` undefined: the in-process simulator is not running yet (the page shows a placeholder). */
export interface PreviewTarget {
  environment: string;
  baseUrl?: string;
}

export interface PreviewResult {
  file: string;
  counts: PreviewReport['counts'];
  requests: number;
  sent: number;
  rejected: number;
}

export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private folder: string | undefined;
  private file: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly subs: vscode.Disposable[] = [];
  last: PreviewResult | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
    /** Where a test activation of this file would send now (environment, and base URL when known). */
    private readonly target: (activationPath: string) => PreviewTarget,
    onTargetChange: vscode.Event<void>,
  ) {
    this.subs.push(
      onTargetChange(() => this.schedule(0)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('pindest.environment') || e.affectsConfiguration('pindest.pinterest.baseUrl')) this.schedule(0);
      }),
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const s = state as { folder?: string; file?: string } | undefined;
          this.attach(panel);
          const where = s?.folder ? { folder: s.folder, file: s.file } : await currentProjectFolder();
          if (where) {
            this.folder = where.folder;
            this.file = where.file;
            await this.refresh();
          }
        },
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const doc = editor?.document;
        if (!this.panel || !doc || !kindOfDocument(doc)) return;
        const folder = dirname(doc.uri.fsPath);
        if (folder !== this.folder || (kindOfDocument(doc) === 'activation' && doc.uri.fsPath !== this.file)) {
          this.folder = folder;
          this.file = doc.uri.fsPath;
          this.schedule(0);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.touched(e.document.uri)),
      vscode.workspace.onDidSaveTextDocument((d) => this.touched(d.uri)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{json,csv,jsonl}');
    this.subs.push(watcher, watcher.onDidChange((u) => this.touched(u)), watcher.onDidCreate((u) => this.touched(u)), watcher.onDidDelete((u) => this.touched(u)));
  }

  private touched(uri: vscode.Uri): void {
    if (this.panel && uri.scheme === 'file' && this.folder && dirname(uri.fsPath) === this.folder) this.schedule(300);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), ms);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'icon.png');
    panel.onDidDispose(() => {
      this.panel = undefined;
      clearTimeout(this.timer);
    });
  }

  private webviewOptions(): vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media'), vscode.Uri.joinPath(this.context.extensionUri, 'dist')],
    };
  }

  async show(): Promise<PreviewResult | undefined> {
    const where = await currentProjectFolder();
    if (!where) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No destination project here: open an activation.json (or a destination file next to one), or run "New Destination Project".'));
      return undefined;
    }
    this.folder = where.folder;
    this.file = where.file;
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Identity Mapping'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { ...this.webviewOptions(), retainContextWhenHidden: false });
      this.attach(panel);
    } else {
      this.panel.reveal(undefined, true);
    }
    await this.refresh();
    return this.last;
  }

  private resources(webview: vscode.Webview): PageResources {
    return {
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'preview.css')).toString(),
    };
  }

  async refresh(): Promise<void> {
    const panel = this.panel;
    const folder = this.folder;
    if (!panel || !folder) return;
    const gen = ++this.generation;
    const t0 = Date.now();
    let htmlText: string;
    try {
      const project = await loadEditorProject(folder);
      const activation = activationFor(project, this.file ?? folder);
      if (!activation) throw new ActivationError(vscode.l10n.t('No activation file (activation.json) in {0}.', folder));
      const { activation: resolved, plan } = await planFromDisk(project, activation);
      const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(folder))?.uri.fsPath ?? folder;
      const report = previewReport(resolved, plan, root, this.target(activation.path), vscode.l10n.t);
      if (gen !== this.generation) return;
      const sent = Object.values(report.counts.byNamespace).reduce((n, c) => n + c.sent, 0);
      const rejected = Object.values(report.counts.byNamespace).reduce((n, c) => n + c.rejected, 0);
      this.last = { file: report.activation.file, counts: report.counts, requests: report.requests.length, sent, rejected };
      panel.title = vscode.l10n.t('Identity Mapping: {0}', report.activation.name);
      htmlText = renderPreviewPage(report, this.resources(panel.webview), vscode.l10n.t, vscode.env.language);
      this.log.debug(`Preview of ${report.activation.file}: ${report.counts.profiles} profiles, ${sent} identities sent, ${rejected} rejected, ${report.requests.length} requests (${Date.now() - t0} ms).`);
    } catch (e) {
      if (gen !== this.generation) return;
      const known = e instanceof ActivationError;
      if (!known) this.log.error('Preview failed', e);
      this.last = undefined;
      htmlText = renderErrorPage(
        e instanceof Error ? e.message : String(e),
        known ? vscode.l10n.t('Fix the activation file (see Problems), then the preview refreshes by itself.') : vscode.l10n.t('This is unexpected: the log ("Pinterest Destination: Show Log") has the details.'),
        this.resources(panel.webview),
        vscode.l10n.t,
        vscode.env.language,
      );
    }
    panel.webview.html = htmlText;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subs) s.dispose();
  }
}
