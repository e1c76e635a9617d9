/**
 * New Destination Project: writes the complete example project (bundled into the extension) into
 * an empty folder the user picks, and opens it.
 */
import * as vscode from 'vscode';
import activation from '../../examples/pinterest-customer-list/activation.json';
import audienceTemplate from '../../examples/pinterest-customer-list/audience-template.json';
import server from '../../examples/pinterest-customer-list/destination-server.json';
import destination from '../../examples/pinterest-customer-list/destination.json';
import profiles from '../../examples/pinterest-customer-list/profiles.json';

function withoutSchema(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const { $schema: _drop, ...rest } = value as Record<string, unknown>;
  return rest;
}

export const PROJECT_FILES: Record<string, unknown> = {
  'destination.json': withoutSchema(destination),
  'destination-server.json': withoutSchema(server),
  'audience-template.json': withoutSchema(audienceTemplate),
  'activation.json': withoutSchema(activation),
  'profiles.json': profiles,
};

export async function newProject(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  let folder = target;
  if (!folder) {
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Create Destination Project Here'), title: vscode.l10n.t('New Destination Project') });
    folder = picked?.[0];
  }
  if (!folder) return undefined;
  const existing = new Set((await vscode.workspace.fs.readDirectory(folder).then(undefined, () => [] as [string, vscode.FileType][])).map(([n]) => n));
  const clash = Object.keys(PROJECT_FILES).filter((n) => existing.has(n));
  if (clash.length) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already has {1}: pick an empty folder.', folder.fsPath, clash.join(', ')));
    return undefined;
  }
  for (const [name, value] of Object.entries(PROJECT_FILES)) {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8'));
  }
  if (!target) {
    const inWorkspace = vscode.workspace.getWorkspaceFolder(folder);
    if (inWorkspace) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'activation.json'));
    else await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: false });
  }
  return folder;
}
