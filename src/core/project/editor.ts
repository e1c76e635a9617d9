/**
 * The project a file belongs to as an editor sees it: the destination files of its folder, taken
 * from the open (possibly unsaved) documents when open and from disk otherwise (a folder is a
 * project). Used by the language server and the extension alike, so diagnostics, preview and test
 * activation read the same files. Disk reads are local and cached by size and modification time;
 * `invalidate` drops a path after a change on disk. Nothing here goes to the network.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BoundedCache, VersionedCache } from '../cache';
import { parseDocument } from '../json/document';
import { detectKind, kindFromContent, kindFromGlobs, kindFromName, type KindGlobs } from './kinds';
import { Project, type ProjectFile } from './project';

/** Unopened siblings larger than this are not read unless their name says they are ours. */
const MAX_SNIFF_BYTES = 4 * 1024 * 1024;
const MAX_SIBLING_BYTES = 64 * 1024 * 1024;
/** Open documents larger than this are re-parsed per request instead of cached (see fileOf). */
const KEEP_PARSED_BYTES = 2 * 1024 * 1024;

/** An open document: its key (the editor's URI), its path on disk when it has one, text and version. */
export interface OpenDocument {
  readonly key: string;
  readonly path: string | undefined;
  readonly version: number;
  getText(): string;
}

interface DiskEntry {
  key: string;
  file: ProjectFile | undefined;
}

export class EditorProjects {
  private readonly open = new VersionedCache<ProjectFile>(64);
  private readonly disk = new BoundedCache<string, DiskEntry>(256);
  private readonly listings = new BoundedCache<string, string[]>(64);

  private globs: KindGlobs | undefined;

  /** `documents` lists the open documents each time a project is assembled. */
  constructor(private readonly documents: () => Iterable<OpenDocument>) {}

  /** The user's globs per kind (`pindest.files.globs`): a file they match is of that kind, whatever its name or content. */
  setGlobs(globs: KindGlobs | undefined): void {
    this.globs = globs;
    this.open.clear();
    this.disk.clear();
  }

  /**
   * The parsed form of an open document, once per version. A large document's parsed value is not
   * kept between requests: it costs several times the text in memory, and re-parsing it
   * (JSON.parse) is cheap next to holding it for the whole session.
   */
  fileOf(doc: OpenDocument): ProjectFile {
    const path = doc.path ?? doc.key;
    const parse = (): ProjectFile => {
      const parsed = parseDocument(path, doc.getText());
      return { path, kind: kindFromGlobs(path, this.globs) ?? detectKind(path, parsed.value), doc: parsed };
    };
    if (doc.getText().length > KEEP_PARSED_BYTES) {
      this.open.delete(doc.key);
      return parse();
    }
    return this.open.get(doc.key, doc.version, parse);
  }

  /** An open document was closed. */
  forget(key: string): void {
    this.open.delete(key);
  }

  /** A change on disk (or a create/delete) of a path. */
  invalidate(path: string): void {
    this.disk.delete(path);
    this.listings.delete(dirname(path));
  }

  /** Lists a folder again on next use (for callers that do not watch the disk). */
  relist(folder: string): void {
    this.listings.delete(folder);
  }

  /**
   * The project of a folder: its JSON files of our kinds, open text over disk. `self` (an open
   * document's own file) is kept first even when its kind is unknown.
   */
  projectOf(folder: string, self?: ProjectFile): Project {
    const openByPath = new Map<string, OpenDocument>();
    for (const d of this.documents()) {
      if (d.path && dirname(d.path) === folder && d.path.toLowerCase().endsWith('.json')) openByPath.set(d.path, d);
    }
    const files: ProjectFile[] = self ? [self] : [];
    const names = new Set(this.list(folder));
    for (const p of openByPath.keys()) names.add(basename(p));
    for (const name of [...names].sort()) {
      const sibling = join(folder, name);
      if (sibling === self?.path) continue;
      const open = openByPath.get(sibling);
      const f = open ? this.fileOf(open) : this.fromDisk(sibling);
      if (f?.kind) files.push(f);
    }
    return new Project(files, existsSync);
  }

  /** The text of a project file, from the editor if open, else from disk. */
  textOf(path: string): { text: string; version: number | null } | undefined {
    for (const d of this.documents()) if (d.path === path) return { text: d.getText(), version: d.version };
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
    const byName = kindFromGlobs(path, this.globs) ?? kindFromName(path);
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
