/**
 * A destination project: the files of one folder (or the files named on a command line), each
 * parsed once, with the lookups the cross-file rules need. Pure: texts come in, nothing is read
 * here (see `load.ts` for the disk).
 */
import { dirname, resolve } from 'node:path';
import { parseDocument, type JsonDocument } from '../json/document';
import { detectKind, type FileKind } from './kinds';
import { isPinterestApiUrl } from '../pinterest/urls';

export interface ProjectFile {
  readonly path: string;
  readonly kind: FileKind | undefined;
  readonly doc: JsonDocument;
}

export type Json = Record<string, unknown>;

export function asObject(v: unknown): Json | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}


export class Project {
  readonly files: ProjectFile[];
  /** Whether a path exists: injected by whoever can look (the disk loader, the language server). */
  readonly exists: (path: string) => boolean;

  constructor(files: ProjectFile[], exists?: (path: string) => boolean) {
    this.files = files;
    this.exists = exists ?? ((path) => this.file(path) !== undefined);
  }

  static fromTexts(entries: { path: string; text: string; kind?: FileKind }[], exists?: (path: string) => boolean): Project {
    return new Project(
      entries.map(({ path, text, kind }) => {
        const doc = parseDocument(path, text);
        return { path, kind: kind ?? detectKind(path, doc.value), doc };
      }),
      exists,
    );
  }

  ofKind(kind: FileKind): ProjectFile[] {
    return this.files.filter((f) => f.kind === kind);
  }

  file(path: string): ProjectFile | undefined {
    const abs = resolve(path);
    return this.files.find((f) => resolve(f.path) === abs);
  }

  /** A path written inside `from` (activation files name the others relative to themselves). */
  resolveFrom(from: ProjectFile, relative: string): string {
    return resolve(dirname(from.path), relative);
  }

  /** The server a destination's `destinationServerId` names: by `instanceId`, or the only server without one. */
  serverById(id: string): ProjectFile | undefined {
    return this.byInstanceId('destination-server', id);
  }

  audienceTemplateById(id: string): ProjectFile | undefined {
    return this.byInstanceId('audience-template', id);
  }

  private byInstanceId(kind: FileKind, id: string): ProjectFile | undefined {
    const candidates = this.ofKind(kind);
    const exact = candidates.find((f) => asObject(f.doc.value)?.instanceId === id);
    if (exact) return exact;
    const anonymous = candidates.filter((f) => asObject(f.doc.value)?.instanceId === undefined);
    return anonymous.length === 1 ? anonymous[0] : undefined;
  }

  /**
   * Pinterest-specific rules apply when the project targets Pinterest: a server URL on
   * Pinterest's API, or a destination that declares `pinterest_audience`.
   */
  get targetsPinterest(): boolean {
    return (this.pinterest ??= this.files.some((f) => {
      const v = asObject(f.doc.value);
      if (f.kind === 'destination-server') {
        const url = asString(asObject(asObject(asObject(v?.urlBasedDestination)?.url))?.value);
        return url !== undefined && isPinterestApiUrl(url);
      }
      if (f.kind === 'destination') return asObject(v?.identityNamespaces)?.pinterest_audience !== undefined;
      return false;
    }));
  }
  private pinterest: boolean | undefined;
}
