/**
 * The project a document belongs to, for the language server: the core's editor project loader
 * (open documents over disk, see core/project/editor.ts) fed with the server's open documents.
 * `invalidate` is called for workspace/didChangeWatchedFiles.
 */
import { dirname, resolve } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { EditorProjects, type OpenDocument } from '../core/project/editor';
import type { KindGlobs } from '../core/project/kinds';
import { Project, type ProjectFile } from '../core/project/project';

export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

export function pathOf(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? resolve(u.fsPath) : undefined;
  } catch {
    return undefined;
  }
}

export function uriOf(path: string): string {
  return URI.file(path).toString();
}

function asOpen(doc: TextDocument): OpenDocument {
  return { key: doc.uri, path: pathOf(doc.uri), version: doc.version, getText: () => doc.getText() };
}

export class Workspace {
  private readonly projects: EditorProjects;

  constructor(documents: OpenDocuments) {
    this.projects = new EditorProjects(() => documents.all().map(asOpen));
  }

  /** The parsed form of an open document, once per version. */
  fileOf(doc: TextDocument): ProjectFile {
    return this.projects.fileOf(asOpen(doc));
  }

  /** The user's globs per kind (`pindest.files.globs`). */
  setGlobs(globs: KindGlobs): void {
    this.projects.setGlobs(globs);
  }

  forget(uri: string): void {
    this.projects.forget(uri);
  }

  /** A change on disk (or a create/delete) in the watched workspace. */
  invalidate(path: string): void {
    this.projects.invalidate(path);
  }

  /** The project of an open document, with the document's own file. */
  projectOf(doc: TextDocument): { project: Project; file: ProjectFile } {
    const file = this.fileOf(doc);
    const path = pathOf(doc.uri);
    if (!path) return { project: new Project([file]), file };
    return { project: this.projects.projectOf(dirname(path), file), file };
  }

  /** The project of `file`'s folder with `file` in place of that path's open or saved text (a template editor's view of its host). */
  projectWith(file: ProjectFile): Project {
    return this.projects.projectOf(dirname(file.path), file);
  }

  /** The text of a project file, from the editor if open, else from disk. */
  textOf(path: string): { text: string; version: number | null } | undefined {
    return this.projects.textOf(path);
  }
}
