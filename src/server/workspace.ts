/**
 * The project a document belongs to: the destination files of its folder, taken from the editor when
 * open and from disk otherwise (architecture.md: a folder is a project). Disk reads are local and
 * cached by size and modification time; `invalidate` is called for workspace/didChangeWatchedFiles.
 * Nothing here goes to the network.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { parseDocument } from '../core/json/document';
import { detectKind, kindFromContent, kindFromName } from '../core/project/kinds';
import { Project, type ProjectFile } from '../core/project/project';
import { BoundedCache, VersionedCache } from './parse-cache';

/** Unopened siblings larger than this are not read unless their name says they are ours. */
const MAX_SNIFF_BYTES = 4 * 1024 * 1024;
const MAX_SIBLING_BYTES = 64 * 1024 * 1024;
/** Open documents larger than this are re-parsed per request instead of cached (see fileOf). */
const KEEP_PARSED_BYTES = 2 * 1024 * 1024;

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

interface DiskEntry {
  key: string;
  file: ProjectFile | undefined;
}

export class Workspace {
  private readonly open = new VersionedCache<ProjectFile>(64);
  private readonly disk = new BoundedCache<string, DiskEntry>(256);
  private readonly listings = new BoundedCache<string, string[]>(64);

  constructor(private readonly documents: OpenDocuments) {}

  /**
   * The parsed form of an open document, once per version. A large document's parsed value is not
   * kept between requests: it costs several times the text in memory, and re-parsing it
   * (JSON.parse) is cheap next to holding it for the whole session.
   */
  fileOf(doc: TextDocument): ProjectFile {
    const path = pathOf(doc.uri) ?? doc.uri;
    const parse = (): ProjectFile => {
      const parsed = parseDocument(path, doc.getText());
      return { path, kind: detectKind(path, parsed.value), doc: parsed };
    };
    if (doc.getText().length > KEEP_PARSED_BYTES) {
      this.open.delete(doc.uri);
      return parse();
    }
    return this.open.get(doc.uri, doc.version, parse);
  }

  forget(uri: string): void {
    this.open.delete(uri);
  }

  /** A change on disk (or a create/delete) in the watched workspace. */
  invalidate(path: string): void {
    this.disk.delete(path);
    this.listings.delete(dirname(path));
  }

  /** The project of an open document, with the document's own file. */
  projectOf(doc: TextDocument): { project: Project; file: ProjectFile } {
    const file = this.fileOf(doc);
    const path = pathOf(doc.uri);
    if (!path) return { project: new Project([file]), file };
    const folder = dirname(path);
    const openByPath = new Map<string, TextDocument>();
    for (const d of this.documents.all()) {
      const p = pathOf(d.uri);
      if (p && dirname(p) === folder) openByPath.set(p, d);
    }
    const files: ProjectFile[] = [file];
    const names = new Set(this.list(folder));
    for (const p of openByPath.keys()) names.add(basename(p));
    for (const name of [...names].sort()) {
      const sibling = join(folder, name);
      if (sibling === path) continue;
      const open = openByPath.get(sibling);
      const f = open ? this.fileOf(open) : this.fromDisk(sibling);
      if (f?.kind) files.push(f);
    }
    return { project: new Project(files, existsSync), file };
  }

  /** The text of a project file, from the editor if open, else from disk. */
  textOf(path: string): { text: string; version: number | null } | undefined {
    const open = this.documents.get(uriOf(path));
    if (open) return { text: open.getText(), version: open.version };
    try {
      return { text: readFileSync(path, 'utf8'), version: null };
    } catch {
      return undefined;
    }
  }

  private list(folder: string): string[] {
    let names = this.listings.get(folder);
    if (!names) {
      try {
        names = readdirSync(folder).filter((n) => n.toLowerCase().endsWith('.json'));
      } catch {
        names = [];
      }
      this.listings.set(folder, names);
    }
    return names;
  }

  private fromDisk(path: string): ProjectFile | undefined {
    let size: number;
    let mtime: number;
    try {
      const info = statSync(path);
      if (!info.isFile()) return undefined;
      size = info.size;
      mtime = info.mtimeMs;
    } catch {
      this.disk.delete(path);
      return undefined;
    }
    const key = `${size}:${mtime}`;
    const hit = this.disk.get(path);
    if (hit && hit.key === key) return hit.file;
    const byName = kindFromName(path);
    let file: ProjectFile | undefined;
    if ((byName && size <= MAX_SIBLING_BYTES) || size <= MAX_SNIFF_BYTES) {
      try {
        const text = readFileSync(path, 'utf8');
        const parsed = parseDocument(path, text);
        const kind = byName ?? kindFromContent(parsed.value);
        // Only our kinds are kept: a profiles file is JSON too, and large.
        file = kind ? { path, kind, doc: parsed } : undefined;
      } catch {
        file = undefined;
      }
    }
    this.disk.set(path, { key, file });
    return file;
  }
}
