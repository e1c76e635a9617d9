/**
 * New Destination Project: asks for the connection name, the ad account id and the identities to
 * test, writes a project of its own (scaffold.ts: fresh instanceIds, `$schema` lines) into an empty
 * folder, opens its files, and asks before switching windows. Scripts and tests pass the answers as
 * an argument object instead, as VS Code's own commands accept.
 */
import * as vscode from 'vscode';
import { AD_ACCOUNT_ID, IDENTITIES, PROJECT_FILE_NAMES, scaffoldProject, type Identity } from './scaffold';

export interface NewProjectArgs {
  folder?: vscode.Uri | string;
  name?: string;
  adAccountId?: string;
  identities?: Identity[];
  /** Where to open a folder outside the workspace: this window, a new one, or stay (open the files here). */
  openIn?: 'this' | 'new' | 'stay';
}

function asArgs(arg: unknown): NewProjectArgs {
  if (arg instanceof vscode.Uri) return { folder: arg };
  return arg && typeof arg === 'object' ? (arg as NewProjectArgs) : {};
}

const nameProblem = (v: string) => (v.trim() ? undefined : vscode.l10n.t('Give the project a name.'));
const adAccountProblem = (v: string) => (AD_ACCOUNT_ID.test(v.trim()) ? undefined : vscode.l10n.t('An ad account id is 1 to 18 digits: the number in ads.pinterest.com/advertiser/<id>/.'));

async function askIdentities(): Promise<Identity[] | undefined> {
  const picks = await vscode.window.showQuickPick(
    IDENTITIES.map((id) => ({ label: id, picked: true })),
    { canPickMany: true, title: vscode.l10n.t('Identities the test activation maps to Pinterest'), placeHolder: vscode.l10n.t('The destination accepts all of them; pick the ones your profiles have') },
  );
  return picks?.map((p) => p.label);
}

export async function newProject(extensionUri: vscode.Uri, arg?: unknown): Promise<vscode.Uri | undefined> {
  const args = asArgs(arg);
  let folder = typeof args.folder === 'string' ? vscode.Uri.file(args.folder) : args.folder;
  if (!folder) {
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Create Destination Project Here'), title: vscode.l10n.t('New Destination Project') });
    folder = picked?.[0];
  }
  if (!folder) return undefined;
  const existing = new Set((await vscode.workspace.fs.readDirectory(folder).then(undefined, () => [] as [string, vscode.FileType][])).map(([n]) => n));
  const clash = PROJECT_FILE_NAMES.filter((n) => existing.has(n));
  if (clash.length) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already has {1}: pick an empty folder.', folder.fsPath, clash.join(', ')));
    return undefined;
  }

  const name = args.name ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('New Destination Project'), prompt: vscode.l10n.t('Name of the destination and its test connection'), value: 'Pinterest Customer List', validateInput: nameProblem }));
  if (name === undefined) return undefined;
  const adAccountId = args.adAccountId ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('New Destination Project'), prompt: vscode.l10n.t('Pinterest ad account id of the test connection'), placeHolder: '549755885175', validateInput: adAccountProblem }));
  if (adAccountId === undefined) return undefined;
  const identities = args.identities ?? (await askIdentities());
  if (identities === undefined) return undefined;
  const problem = nameProblem(name) ?? adAccountProblem(adAccountId) ?? (identities.length && identities.every((i) => IDENTITIES.includes(i)) ? undefined : vscode.l10n.t('Pick at least one identity among {0}.', IDENTITIES.join(', ')));
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }

  const files = scaffoldProject({
    name: name.trim(),
    adAccountId: adAccountId.trim(),
    identities,
    schemaFor: (kind) => vscode.Uri.joinPath(extensionUri, 'schemas', `${kind}.schema.json`).toString(),
  });
  for (const [file, text] of Object.entries(files)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, file), Buffer.from(text, 'utf8'));

  const openFiles = async () => {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'destination.json'), { preview: false });
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'activation.json'), { preview: false });
  };
  if (vscode.workspace.getWorkspaceFolder(folder)) {
    await openFiles();
    return folder;
  }
  const labels = { this: vscode.l10n.t('Open in This Window'), new: vscode.l10n.t('Open in New Window'), stay: vscode.l10n.t('Stay Here') };
  let openIn = args.openIn;
  if (!openIn) {
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The destination project is ready in {0}. Open its folder?', folder.fsPath), { modal: true, detail: vscode.l10n.t('Staying opens its files in this window without changing the workspace.') }, labels.this, labels.new, labels.stay);
    openIn = choice === labels.this ? 'this' : choice === labels.new ? 'new' : 'stay';
  }
  if (openIn === 'stay') await openFiles();
  else await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: openIn === 'new' });
  return folder;
}
