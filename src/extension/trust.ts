/**
 * Restricted mode: actions that send requests or credentials (test activations, sign-in) refuse to
 * run in an untrusted workspace and say why, with a way to trust the folder. Diagnostics and the
 * preview keep working there (package.json: untrustedWorkspaces "limited").
 */
import * as vscode from 'vscode';

/** True (and a warning shown, not awaited) when the workspace is not trusted. */
export function refuseUntrusted(message: string): boolean {
  if (vscode.workspace.isTrusted) return false;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window.showWarningMessage(message, manage).then((pick) => {
    if (pick === manage) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return true;
}
