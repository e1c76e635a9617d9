import * as vscode from 'vscode';

/**
 * A read-only page of ours (test activation report, deploy report): scripts only from the
 * extension's own media/ and dist/, no command links or forms, the extension's icon on its tab.
 */
export function createPagePanel(context: vscode.ExtensionContext, viewType: string, viewColumn: vscode.ViewColumn): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(viewType, '', { viewColumn, preserveFocus: false }, {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media'), vscode.Uri.joinPath(context.extensionUri, 'dist')],
  });
  panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
  return panel;
}
