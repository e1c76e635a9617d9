/**
 * The test activation report as a read-only webview (never an untitled buffer: closing it asks
 * nothing). One panel, reused: a new run or a run from the history replaces its content. Its
 * buttons export the report as Markdown or JSON (save dialog) and send one of pindest's read-only
 * checks again. The run history (.pindest/runs/) is listed, reopened and compared from here.
 */
import * as vscode from 'vscode';
import { createPagePanel } from './panel';
import { formatActivationJson, formatActivationText, type ActivationReport, type CallRecord } from '../core/execute/report';
import { activationMarkdown } from './activation-md';
import { createNonce } from './csp';
import type { Log } from './log';
import { currentActivationPath } from './project';
import { canResend, renderReportPage, type ReportLabels, type ResendResult, type ReportView } from './report-html';
import { listRuns, loadRun, type RunEntry } from './runs';
import { translateText } from '../core/report/l10n';

export const REPORT_VIEW_TYPE = 'pindest.report';
/** Read-only Markdown of a saved run, for VS Code's diff of two runs. */
export const RUN_SCHEME = 'pindest-run';

export type Resend = (report: ActivationReport, call: CallRecord) => Promise<ResendResult>;

function labels(): ReportLabels {
  return {
    verdict: { succeeded: vscode.l10n.t('Test activation succeeded'), failed: vscode.l10n.t('Test activation failed'), cancelled: vscode.l10n.t('Test activation cancelled'), refused: vscode.l10n.t('Test activation refused before sending anything') },
    exportMarkdown: vscode.l10n.t('Export as Markdown'),
    exportJson: vscode.l10n.t('Export as JSON'),
    summary: vscode.l10n.t('Summary'),
    counts: vscode.l10n.t('Identities by audience and type'),
    lists: vscode.l10n.t('Customer lists'),
    notes: vscode.l10n.t('Notes'),
    calls: vscode.l10n.t('Calls'),
    requestHeaders: vscode.l10n.t('Request headers'),
    requestBody: vscode.l10n.t('Request body'),
    responseHeaders: vscode.l10n.t('Response headers'),
    responseBody: vscode.l10n.t('Response body'),
    resend: vscode.l10n.t('Send Again'),
    resendNote: vscode.l10n.t('Only pindest\'s read-only checks (GET) can be sent again from here: they change nothing. AEP\'s calls create lists and add or remove their members, so sending one again alone would change the list outside a run; run the test activation again instead.'),
    who: { aep: 'AEP', pindest: vscode.l10n.t('pindest check') },
    columns: {
      audience: vscode.l10n.t('Audience'),
      identityType: vscode.l10n.t('Identity type'),
      sent: vscode.l10n.t('Sent'),
      accepted: vscode.l10n.t('Accepted'),
      rejected: vscode.l10n.t('Rejected'),
      retried: vscode.l10n.t('Retried'),
      dropped: vscode.l10n.t('Dropped by AEP'),
      list: vscode.l10n.t('Customer list'),
      origin: vscode.l10n.t('Origin'),
      status: vscode.l10n.t('Status'),
      uploaded: vscode.l10n.t('Uploaded'),
      removed: vscode.l10n.t('Removed'),
    },
  };
}

/** The Markdown export: today's report format (summary, tables, every call), in the display language. */
export function reportMarkdown(report: ActivationReport): string {
  return activationMarkdown(report, formatActivationText(report, vscode.l10n.t), vscode.l10n.t);
}

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private view: ReportView | undefined;
  private readonly subs: vscode.Disposable[] = [];
  /** The report shown last (the extension-host tests read it). */
  last: { report: ActivationReport; savedAt?: string } | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
    private readonly resend: Resend,
  ) {
    this.subs.push(
      vscode.workspace.registerTextDocumentContentProvider(RUN_SCHEME, {
        provideTextDocumentContent: async (uri) => reportMarkdown((await loadRun(uri.query)).report),
      }),
    );
  }

  get visible(): boolean {
    return Boolean(this.panel);
  }

  show(report: ActivationReport, savedAt?: string): void {
    this.view = { report, savedAt, labels: labels(), tr: vscode.l10n.t, lang: vscode.env.language, resent: {} };
    this.last = { report, savedAt };
    if (!this.panel) {
      const panel = createPagePanel(this.context, REPORT_VIEW_TYPE, vscode.ViewColumn.Beside);
      panel.onDidDispose(() => (this.panel = undefined));
      panel.webview.onDidReceiveMessage((m: { action?: string; index?: number }) => void this.onMessage(m));
      this.panel = panel;
    } else {
      this.panel.reveal(undefined, false);
    }
    this.panel.title = vscode.l10n.t('Test Activation: {0}', report.activation.name);
    this.render();
  }

  private render(): void {
    const panel = this.panel;
    if (!panel || !this.view) return;
    const webview = panel.webview;
    panel.webview.html = renderReportPage(this.view, {
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'preview.css')).toString(),
    });
  }

  private async onMessage(m: { action?: string; index?: number }): Promise<void> {
    const view = this.view;
    if (!view) return;
    try {
      if (m.action === 'export-md' || m.action === 'export-json') await this.export(view.report, m.action === 'export-md' ? 'md' : 'json', view.savedAt);
      else if (m.action === 'resend' && typeof m.index === 'number') {
        const call = view.report.calls[m.index];
        // The page offers the button only where it is safe; the host checks again.
        if (!call || !canResend(call)) return;
        const result = await this.resend(view.report, call);
        if (this.view !== view) return;
        (view.resent![m.index] ??= []).push(result);
        this.render();
      }
    } catch (e) {
      this.log.error(`Report action ${m.action} failed`, e);
      void vscode.window.showErrorMessage(e instanceof Error ? translateText(e.message, vscode.l10n.t) : String(e));
    }
  }

  async export(report: ActivationReport, format: 'md' | 'json', savedAt?: string): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const stamp = (savedAt ?? new Date().toISOString()).slice(0, 19).replace(/:/g, '-');
    const name = `test-activation-${stamp}.${format}`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'md' ? { Markdown: ['md'] } : { JSON: ['json'] },
      title: format === 'md' ? vscode.l10n.t('Export as Markdown') : vscode.l10n.t('Export as JSON'),
    });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(format === 'md' ? reportMarkdown(report) : formatActivationJson(report)));
    this.log.info(`Test activation report exported to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subs) s.dispose();
  }
}

type RunItem = vscode.QuickPickItem & { run: RunEntry };

/** A run's outcome in a word, in the display language. */
function outcomeWord(outcome: string): string {
  switch (outcome) {
    case 'succeeded':
      return vscode.l10n.t('succeeded');
    case 'failed':
      return vscode.l10n.t('failed');
    case 'cancelled':
      return vscode.l10n.t('cancelled');
    case 'refused':
      return vscode.l10n.t('refused');
    default:
      return outcome;
  }
}

function runItems(runs: RunEntry[]): RunItem[] {
  return runs.map((run) => ({
    run,
    label: new Date(run.savedAt).toLocaleString(),
    description: `${outcomeWord(run.outcome)} · ${run.environment}`,
    detail: run.name,
  }));
}

/**
 * Open Test Activation Report…: the project's saved runs, newest first; the one picked opens in the
 * report view. `which` (for scripts and tests): 'latest', or the path of a saved run.
 */
export async function openSavedReport(panel: ReportPanel, which?: string): Promise<ActivationReport | undefined> {
  let path = which && which !== 'latest' ? which : undefined;
  if (!path) {
    const activation = await currentActivationPath();
    if (!activation) return undefined;
    const runs = await listRuns(activation);
    if (!runs.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No saved test activation runs for {0} yet: run "Send Test Activation" first.', vscode.workspace.asRelativePath(activation)));
      return undefined;
    }
    if (which === 'latest') path = runs[0]!.path;
    else {
      const pick = await vscode.window.showQuickPick(runItems(runs), { title: vscode.l10n.t('Test activation runs of {0}', vscode.workspace.asRelativePath(activation)), matchOnDetail: true });
      if (!pick) return undefined;
      path = pick.run.path;
    }
  }
  const run = await loadRun(path);
  panel.show(run.report, run.savedAt);
  return run.report;
}

/** Compare Test Activation Runs…: VS Code's diff of the Markdown of two saved runs (read-only). */
export async function compareSavedRuns(): Promise<boolean> {
  const activation = await currentActivationPath();
  if (!activation) return false;
  const runs = await listRuns(activation);
  if (runs.length < 2) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Comparing needs two saved runs of {0}; there are {1}.', vscode.workspace.asRelativePath(activation), runs.length));
    return false;
  }
  const picks = await vscode.window.showQuickPick(runItems(runs), { title: vscode.l10n.t('Pick two runs to compare'), canPickMany: true, matchOnDetail: true });
  if (!picks) return false;
  if (picks.length !== 2) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Pick exactly two runs to compare.'));
    return false;
  }
  const [newer, older] = picks.sort((a, b) => b.run.savedAt.localeCompare(a.run.savedAt)) as [RunItem, RunItem];
  const uri = (item: RunItem) => vscode.Uri.from({ scheme: RUN_SCHEME, path: `/${item.label.replace(/[\\/]/g, '-')}.md`, query: item.run.path });
  await vscode.commands.executeCommand('vscode.diff', uri(older), uri(newer), vscode.l10n.t('Test activation runs: {0} ↔ {1}', older.label, newer.label));
  return true;
}
