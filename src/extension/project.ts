/**
 * The destination project around a file, as the editor sees it: the folder's files from disk,
 * with the text of open (possibly unsaved) editors taking precedence. The preview and the test
 * activation use this, so what is previewed is what is on screen.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { loadProject } from '../core/project/load';
import { kindFromContent, kindFromName, type FileKind } from '../core/project/kinds';
import { Project, type ProjectFile } from '../core/project/project';

export async function loadEditorProject(folder: string): Promise<Project> {
  const { project } = await loadProject([folder]);
  const open = new Map(
    vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file' && dirname(d.uri.fsPath) === folder && d.fileName.endsWith('.json')).map((d) => [d.uri.fsPath, d.getText()]),
  );
  const entries = project.files.map((f) => ({ path: f.path, text: open.get(f.path) ?? f.doc.text, kind: f.kind }));
  for (const [path, text] of open) if (!entries.some((e) => e.path === path) && kindOfText(path, text)) entries.push({ path, text, kind: kindOfText(path, text) });
  return Project.fromTexts(entries, existsSync);
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
