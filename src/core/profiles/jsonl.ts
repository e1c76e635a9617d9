/**
 * Profiles from JSON Lines (.jsonl / .ndjson): one profile object per line.
 *
 * Why line by line: each line is independent, so a large file streams with constant memory and a
 * malformed line costs only itself. Blank lines are skipped; `index` counts the non-blank lines
 * (0-based), `line` is the 1-based line number. The parse uses JSON.parse for speed and, only on
 * failure, jsonc-parser to find the column (JSON.parse's message quotes input, so it is never shown).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse as parseLenient, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { describeSyntaxError } from './json-text';
import { toSourceProfile } from './shape';
import type { ProfileOrProblem, ProfileProblem, SourceProfile } from './types';
import { fill, msg } from '../report/l10n';

// Stored in English; `msg` marks it so the extension can show it translated.
const MALFORMED = msg('Malformed JSON on line {0}, column {1}: {2}; the line was skipped.');

/** The profile (or problems) of one non-blank line. */
export function parseJsonLine(text: string, file: string, index: number, line: number): ProfileOrProblem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const column = (first?.offset ?? 0) + 1;
    const what = describeSyntaxError(first ? printParseErrorCode(first.error) : '');
    const problem: ProfileProblem = {
      file,
      index,
      line,
      column,
      message: fill(MALFORMED, [line, column, what]),
    };
    return [problem];
  }
  const result = toSourceProfile(value, { file, index, line });
  return result.profile ? [...result.problems, result.profile] : result.problems;
}

export function parseJsonLinesText(input: string, file: string): { profiles: SourceProfile[]; problems: ProfileProblem[] } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const profiles: SourceProfile[] = [];
  const problems: ProfileProblem[] = [];
  let index = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    for (const item of parseJsonLine(line, file, index, i + 1)) {
      if ('identityMap' in item) profiles.push(item);
      else problems.push(item);
    }
    index++;
  });
  return { profiles, problems };
}

export async function* streamJsonLines(path: string, file: string, limit: number): AsyncGenerator<ProfileOrProblem> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let index = 0;
  let count = 0;
  try {
    for await (const raw of lines) {
      lineNumber++;
      const line = lineNumber === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (line.trim() === '') continue;
      for (const item of parseJsonLine(line, file, index, lineNumber)) {
        yield item;
        if ('identityMap' in item && ++count >= limit) return;
      }
      index++;
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
