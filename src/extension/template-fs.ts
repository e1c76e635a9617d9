/**
 * Edit Embedded Template: the destination server's Pebble template as a document of its own.
 * `pindest-template:/…/destination-server.json/requestBody.pebble` reads the JSON file (the open
 * editor's text if any), unescapes the string; saving escapes it back into the JSON file with an
 * edit of that one string literal, then saves the JSON file. The rest of the file is untouched.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { Log } from './log';
import { kindOfDocument } from './project';
import { TEMPLATE_PATHS, TEMPLATE_SCHEME, readTemplate, templateEdits } from '../core/template/embedded';

export function templateUri(jsonFile: vscode.Uri, label = 'requestBody'): vscode.Uri {
  return vscode.Uri.from({ scheme: TEMPLATE_SCHEME, path: `${jsonFile.path}/${label}.pebble` });
}

function parse(uri: vscode.Uri): { file: vscode.Uri; label: string; path: (string | number)[] } {
  const label = posix.basename(uri.path, '.pebble');
  const t = TEMPLATE_PATHS.find((x) => x.label === label);
  if (!t) throw vscode.FileSystemError.FileNotFound(uri);
  return { file: uri.with({ scheme: 'file', path: posix.dirname(uri.path), query: '', fragment: '' }), label, path: t.path };
}

export class TemplateFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [];
  private readonly mtimes = new Map<string, number>();
  private writing = false;

  constructor(private readonly log: Log) {
    this.subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.writing || e.document.uri.scheme !== 'file') return;
        const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === TEMPLATE_SCHEME && posix.dirname(d.uri.path) === e.document.uri.path);
        for (const d of open) {
          this.mtimes.set(d.uri.toString(), Date.now());
          this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri: d.uri }]);
        }
      }),
    );
  }

  private async source(file: vscode.Uri): Promise<vscode.TextDocument> {
    try {
      return await vscode.workspace.openTextDocument(file);
    } catch {
      throw vscode.FileSystemError.FileNotFound(file);
    }
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { file, path } = parse(uri);
    const doc = await this.source(file);
    const t = readTemplate(doc.getText(), path);
    if (!t) throw vscode.FileSystemError.FileNotFound(uri);
    const mtime = this.mtimes.get(uri.toString()) ?? Date.now();
    this.mtimes.set(uri.toString(), mtime);
    return { type: vscode.FileType.File, ctime: 0, mtime, size: Buffer.byteLength(t.value) };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { file, path } = parse(uri);
    const doc = await this.source(file);
    const t = readTemplate(doc.getText(), path);
    if (!t) throw vscode.FileSystemError.FileNotFound(vscode.l10n.t('{0} has no string at /{1}.', posix.basename(file.path), path.join('/')));
    return Buffer.from(t.value, 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { file, path } = parse(uri);
    const doc = await this.source(file);
    const text = doc.getText();
    const edits = templateEdits(text, Buffer.from(content).toString('utf8'), path);
    if (edits.length) {
      const we = new vscode.WorkspaceEdit();
      for (const e of edits) we.replace(file, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.content);
      this.writing = true;
      try {
        if (!(await vscode.workspace.applyEdit(we))) throw vscode.FileSystemError.Unavailable(vscode.l10n.t('Could not write the template back into {0}.', posix.basename(file.path)));
      } finally {
        this.writing = false;
      }
    }
    await doc.save();
    this.mtimes.set(uri.toString(), Date.now());
    this.log.info(`Template /${path.join('/')} written back into ${posix.basename(file.path)} (${edits.length ? 'changed' : 'unchanged'}).`);
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }

  dispose(): void {
    this.emitter.dispose();
    for (const s of this.subs) s.dispose();
  }
}

/** The server file to edit: the active editor's if it is one, else the workspace's (ask if several). */
export async function pickServerFile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && kindOfDocument(active) === 'destination-server') return active.uri;
  const found = await vscode.workspace.findFiles('**/{destination-server.json,*.destination-server.json}', '**/node_modules/**', 50);
  if (found.length <= 1) return found[0];
  const pick = await vscode.window.showQuickPick(
    found.map((u) => ({ label: vscode.workspace.asRelativePath(u), uri: u })),
    { title: vscode.l10n.t('Which destination server?') },
  );
  return pick?.uri;
}

/** The template under the cursor (url or requestBody), requestBody otherwise. */
export function templateLabelAtCursor(editor: vscode.TextEditor | undefined): string {
  if (!editor) return 'requestBody';
  const text = editor.document.getText();
  const offset = editor.document.offsetAt(editor.selection.active);
  for (const t of TEMPLATE_PATHS) {
    const at = readTemplate(text, t.path);
    if (at && offset >= at.offset && offset <= at.offset + at.length) return t.label;
  }
  return 'requestBody';
}
