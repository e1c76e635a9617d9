/**
 * The destination project around a file, as the editor sees it: the core's editor project loader
 * (the folder's files from disk, the text of open, possibly unsaved, editors taking precedence),
 * the same one the language server uses. The preview and the test activation use this, so what is
 * previewed is what is on screen and what the diagnostics judged.
 */
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { EditorProjects } from '../core/project/editor';
import { kindFromContent, kindFromName, type FileKind } from '../core/project/kinds';
import type { Project, ProjectFile } from '../core/project/project';

// Disk entries are keyed by size and modification time, so the cache stays right across edits on
// disk; folder listings are not watched here, so they are dropped before each load.
const projects = new EditorProjects(() =>
  vscode.workspace.textDocuments.map((d) => ({
    key: d.uri.toString(),
    path: d.uri.scheme === 'file' ? d.uri.fsPath : undefined,
    version: d.version,
    getText: () => d.getText(),
  })),
);

export async function loadEditorProject(folder: string): Promise<Project> {
  return editorProject(folder);
}

/** The project now; `relist` false reuses the folder's last listing (for frequent callers). */
export function editorProject(folder: string, relist = true): Project {
  if (relist) projects.relist(folder);
  return projects.projectOf(folder);
}

export function kindOfText(path: string, text: string): FileKind | undefined {
  const byName = kindFromName(path);
  if (byName) return byName;
  if (text.length > 5_000_000) return undefined;
  try {
    return kindFromContent(JSON.parse(text));
  } catch {
    return undefined;
  }
}

export function kindOfDocument(doc: vscode.TextDocument): FileKind | undefined {
  if (doc.uri.scheme !== 'file' || !doc.fileName.toLowerCase().endsWith('.json')) return undefined;
  return kindOfText(doc.fileName, doc.getText());
}

/** The activation file of the project a document belongs to (the document itself if it is one). */
export function activationFor(project: Project, path: string): ProjectFile | undefined {
  const self = project.file(path);
  if (self?.kind === 'activation') return self;
  const activations = project.ofKind('activation');
  return activations.length ? activations[0] : undefined;
}

/** The folder of the project to act on: the active editor's, else the first folder holding an activation file. */
export async function currentProjectFolder(): Promise<{ folder: string; file?: string } | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && kindOfDocument(active)) return { folder: dirname(active.uri.fsPath), file: active.uri.fsPath };
  const found = await vscode.workspace.findFiles('**/{activation.json,*.activation.json}', '**/node_modules/**', 10);
  if (found.length) return { folder: dirname(found[0]!.fsPath), file: found[0]!.fsPath };
  return undefined;
}

/** The activation file of the current project; warns and gives undefined when there is none. */
export async function currentActivationPath(): Promise<string | undefined> {
  const where = await currentProjectFolder();
  const project = where && (await loadEditorProject(where.folder));
  const activation = project && activationFor(project, where.file ?? where.folder);
  if (!activation) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No destination project here: open an activation.json (or a destination file next to one), or run "New Destination Project".'));
    return undefined;
  }
  return activation.path;
}
