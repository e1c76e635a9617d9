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
}

export interface LoadedProject {
  project: Project;
  problems: LoadProblem[];
}

async function readText(path: string): Promise<string | LoadProblem> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { path, message: 'is a folder' };
    if (info.size > MAX_FILE_BYTES) {
      return { path, message: `is ${(info.size / 1048576).toFixed(0)} MB; files over ${MAX_FILE_BYTES / 1048576} MB are not read` };
    }
    return await readFile(path, 'utf8');
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
        const text = await readText(path);
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
      else problems.push(text);
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
