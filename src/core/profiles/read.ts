/**
 * The two entry points for sample profiles: `readProfiles` streams a file from disk (CLI, preview,
 * test activation), `parseProfiles` reads text already in memory (language server, tests).
 *
 * Format by file name: `.csv` → CSV (csv.ts), `.jsonl` / `.ndjson` → JSON Lines (jsonl.ts),
 * anything else → JSON (an array, `{ "profiles": [...] }`, or one profile object).
 *
 * JSON files up to `streamThresholdBytes` (4 MiB by default) are read whole and parsed with exact
 * positions and error recovery (json-text.ts); larger ones are streamed with stream-json
 * (json-stream.ts), where a syntax error gets a line range and stops the read. Nothing here throws
 * for bad input or an unreadable file: every problem is yielded or returned as a ProfileProblem.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseCsvText, streamCsv } from './csv';
import { parseJsonLinesText, streamJsonLines } from './jsonl';
import { streamJsonProfiles } from './json-stream';
import { parseJsonProfiles } from './json-text';
import type { ProfileOrProblem, ProfileProblem, SourceProfile } from './types';
import { fill, msg } from '../report/l10n';

// Stored in English; `msg` marks them so the extension can show them translated.
const NOT_A_FILE = msg('The profiles path is not a file.');
const CANNOT_READ = msg('The profiles file cannot be read ({0}).');

export type ProfileFormat = 'json' | 'jsonl' | 'csv';

export interface ReadProfilesOptions {
  /** Stop after this many profiles (problems do not count). */
  limit?: number;
  /** JSON files larger than this are streamed rather than read whole. Default 4 MiB. */
  streamThresholdBytes?: number;
}

export const DEFAULT_STREAM_THRESHOLD = 4 * 1024 * 1024;

export function profileFormat(path: string): ProfileFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return 'json';
}

export function parseProfiles(text: string, file: string): { profiles: SourceProfile[]; problems: ProfileProblem[] } {
  switch (profileFormat(file)) {
    case 'csv':
      return parseCsvText(text, file);
    case 'jsonl':
      return parseJsonLinesText(text, file);
    default:
      return parseJsonProfiles(text, file);
  }
}

export async function* readProfiles(path: string, options: ReadProfilesOptions = {}): AsyncGenerator<ProfileOrProblem> {
  const limit = options.limit ?? Infinity;
  if (limit <= 0) return;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      yield { file: path, message: NOT_A_FILE };
      return;
    }
    size = info.size;
  } catch (error) {
    yield { file: path, message: fill(CANNOT_READ, [errorCode(error)]) };
    return;
  }

  const format = profileFormat(path);
  if (format === 'csv') {
    yield* streamCsv(path, path, limit);
  } else if (format === 'jsonl') {
    yield* streamJsonLines(path, path, limit);
  } else if (size > (options.streamThresholdBytes ?? DEFAULT_STREAM_THRESHOLD)) {
    yield* streamJsonProfiles(path, path, limit);
  } else {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      yield { file: path, message: fill(CANNOT_READ, [errorCode(error)]) };
      return;
    }
    yield* inFileOrder(parseJsonProfiles(text, path), limit);
  }
}

/** Profiles and problems of an in-memory parse, interleaved by position as a stream would give them. */
function* inFileOrder(parsed: { profiles: SourceProfile[]; problems: ProfileProblem[] }, limit: number): Generator<ProfileOrProblem> {
  const key = (item: ProfileOrProblem): number =>
    'identityMap' in item ? item.origin.line ?? 0 : item.line ?? Number.MAX_SAFE_INTEGER;
  const all: ProfileOrProblem[] = [...parsed.problems, ...parsed.profiles];
  all.sort((a, b) => key(a) - key(b));
  let count = 0;
  for (const item of all) {
    if ('identityMap' in item) {
      if (count >= limit) return;
      count++;
    }
    yield item;
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
