/**
 * Reads a project from disk: a folder is a project (its JSON files of our four kinds), a file is
 * itself. Oversized and unreadable files become one-line problems, never exceptions.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { kindFromContent, kindFromName, type FileKind } from './kinds';
import { Project } from './project';

/** Larger than any plausible destination file; refused to keep memory bounded. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface LoadProblem {
  path: string;
  message: string;
  /** Set when the file was still read (invalid UTF-8): where, in its decoded text, the problem is. */
  offset?: number;
}

export interface LoadedProject {
  project: Project;
  problems: LoadProblem[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The file's text, and a positioned problem when its bytes are not UTF-8: JSON exchanged between
 * systems must be UTF-8 (RFC 8259 §8.1), and a decoder either refuses such bytes or replaces them.
 */
function decode(path: string, bytes: Buffer): { text: string; problem?: LoadProblem } {
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const text = bytes.toString('utf8');
    // Everything before the first bad byte is whole characters, so it decodes the same alone.
    const offset = bytes.subarray(0, bad).toString('utf8').length;
    const before = text.slice(0, offset);
    const line = before.split(/\r\n|\r|\n/).length;
    const character = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    const message = `is not valid UTF-8: byte 0x${bytes[bad]!.toString(16).padStart(2, '0').toUpperCase()} at line ${line}, character ${character} (byte offset ${bad}) starts no UTF-8 character; save the file as UTF-8`;
    return { text, problem: { path, message, offset } };
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629 §4). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}

async function readText(path: string): Promise<string | LoadProblem | { text: string; problem: LoadProblem }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { path, message: 'is a folder' };
    if (info.size > MAX_FILE_BYTES) {
      return { path, message: `is ${(info.size / 1048576).toFixed(0)} MB; files over ${MAX_FILE_BYTES / 1048576} MB are not read` };
    }
    const { text, problem } = decode(path, await readFile(path));
    return problem ? { text, problem } : text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { path, message: code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : 'cannot be read' };
  }
}

/** Loads paths (files or folders). Files named explicitly are kept even when their kind is unknown. */
export async function loadProject(paths: string[]): Promise<LoadedProject> {
  const problems: LoadProblem[] = [];
  const entries: { path: string; text: string; kind?: FileKind }[] = [];
  for (const p of paths.map((x) => resolve(x))) {
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      /* reported by readText */
    }
    if (isDir) {
      const names = (await readdir(p)).filter((n) => n.endsWith('.json')).sort();
      for (const name of names) {
        const path = join(p, name);
        if (entries.some((e) => e.path === path)) continue;
        let text = await readText(path);
        if (typeof text !== 'string' && 'problem' in text) {
          problems.push(text.problem);
          text = text.text;
        }
        if (typeof text !== 'string') {
          problems.push(text);
          continue;
        }
        // In a folder, only files of our kinds belong to the project (profiles are JSON too).
        const byName = kindFromName(path);
        if (byName) entries.push({ path, text, kind: byName });
        else if (looksLikeOurs(text)) entries.push({ path, text });
      }
    } else {
      const text = await readText(p);
      if (typeof text === 'string') entries.push({ path: p, text });
      else if ('problem' in text) {
        entries.push({ path: p, text: text.text });
        problems.push(text.problem);
      } else problems.push(text);
    }
  }
  return { project: Project.fromTexts(entries, existsSync), problems };
}

function looksLikeOurs(text: string): boolean {
  if (text.length > MAX_FILE_BYTES) return false;
  try {
    return kindFromContent(JSON.parse(text)) !== undefined;
  } catch {
    return false;
  }
}
