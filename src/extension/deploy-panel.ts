/**
 * The deploy report as a read-only webview (as the test activation report: closing it asks
 * nothing). One panel, reused: the next deploy replaces its content.
 */
import * as vscode from 'vscode';
import { createPagePanel } from './panel';
import { createNonce } from './csp';
import { renderDeployPage, type DeployLabels } from './deploy-html';
import type { DeployResultView } from './deploy-text';

export const DEPLOY_VIEW_TYPE = 'pindest.deployReport';

function labels(): DeployLabels {
  return {
    verdict: {
      succeeded: vscode.l10n.t('Deployed to AEP'),
      failed: vscode.l10n.t('Deploy to AEP failed'),
      cancelled: vscode.l10n.t('Deploy to AEP cancelled'),
      conflict: vscode.l10n.t('Not deployed: AEP changed since the last deploy'),
      refused: vscode.l10n.t('Not deployed: the project has errors'),
    },
    resources: vscode.l10n.t('Resources'),
    calls: vscode.l10n.t('Calls'),
    howToFinish: vscode.l10n.t('What to do'),
    columns: { kind: vscode.l10n.t('Kind'), name: vscode.l10n.t('Name'), file: vscode.l10n.t('File'), action: vscode.l10n.t('Action'), instanceId: 'instanceId', method: vscode.l10n.t('Method'), path: vscode.l10n.t('Path'), status: vscode.l10n.t('Status') },
  };
}

export class DeployReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The result shown last (extension-host tests read it). */
  last: DeployResultView | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  get visible(): boolean {
    return Boolean(this.panel);
  }

  show(result: DeployResultView): void {
    this.last = result;
    if (!this.panel) {
      const panel = createPagePanel(this.context, DEPLOY_VIEW_TYPE, vscode.ViewColumn.Active);
      panel.onDidDispose(() => (this.panel = undefined));
      this.panel = panel;
    } else {
      this.panel.reveal(undefined, false);
    }
    const panel = this.panel;
    panel.title = vscode.l10n.t('Deploy to AEP: {0}', result.outcome);
    panel.webview.html = renderDeployPage(
      { result, labels: labels() },
      {
        cspSource: panel.webview.cspSource,
        nonce: createNonce(),
        scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview.js')).toString(),
        styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'preview.css')).toString(),
      },
    );
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
