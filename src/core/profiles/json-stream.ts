/**
 * Profiles from a large JSON file, streamed with stream-json (1.x, CommonJS) so memory stays flat
 * whatever the size: a top-level array, or the array under `profiles` of a top-level object.
 *
 * Positions: stream-json reports syntax errors without a position. To still say where, the file
 * is written to the parser in pieces of about PIECE_CHARS characters cut at line ends, each with
 * its line range, through the public `write(chunk, callback)` of Node's streams: the callback of
 * the piece the parser fails on receives the error. The parser looks up to 16 characters ahead
 * before it fails, so the error lies in that piece or at the very end of the one before: the
 * problem gives that line range. Files small enough to read whole take the exact,
 * recovering path of json-text.ts instead (see read.ts). Origins of streamed profiles have an
 * index but no line (the parser does not expose token positions).
 *
 * ESM import of the CJS modules: default imports of the module files work under tsx, plain Node
 * ESM and esbuild (ESM and CJS bundles), since each file's module.exports is the class.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import type { Transform } from 'node:stream';
import Parser from 'stream-json/Parser.js';
import Pick from 'stream-json/filters/Pick.js';
import StreamArray from 'stream-json/streamers/StreamArray.js';
import { toSourceProfile } from './shape';
import type { ProfileOrProblem, ProfileProblem } from './types';
import { fill, msg } from '../report/l10n';

// Problems are stored in English; `msg` marks each template so the extension can show it translated.
const SAY = {
  empty: msg('The file is empty; it holds no profiles.'),
  expected: msg('Expected an array of profiles or an object with a "profiles" array.'),
  noProfiles: msg('Found no "profiles" array in the top-level object, so no profiles were read.'),
  profilesNotArray: msg('"profiles" must be an array of profiles.'),
  notArray: msg('Expected an array of profiles.'),
  malformedLine: msg('Malformed JSON near line {0}: {1}; profiles from about this point on were not read.'),
  malformedLines: msg('Malformed JSON near lines {0}–{1}: {2}; profiles from about this point on were not read.'),
  unreadableCode: msg('The file could not be read ({0}); profiles after this point were not read.'),
  unreadable: msg('The file could not be read; profiles after this point were not read.'),
};

/** Piece size: small enough for a useful line range, large enough that per-write cost is noise. */
const PIECE_CHARS = 2048;
/** A line longer than this (minified JSON) is cut mid-line rather than fed whole. */
const MAX_PIECE_CHARS = 16 * 1024;

interface Piece {
  firstLine: number;
  lastLine: number;
}

interface Chunk {
  text: string;
  piece: Piece;
}

export async function* streamJsonProfiles(path: string, file: string, limit: number): AsyncGenerator<ProfileOrProblem> {
  const source = pieces(path);

  // Peek at the first non-blank character to choose array vs { "profiles": [...] }.
  const buffered: Chunk[] = [];
  let top = '';
  for (;;) {
    const next = await source.next();
    if (next.done) break;
    buffered.push(next.value);
    const m = /\S/.exec(next.value.text);
    if (m) {
      top = m[0];
      break;
    }
  }
  if (top === '') {
    yield { file, message: SAY.empty };
    return;
  }
  if (top !== '[' && top !== '{') {
    yield { file, line: 1, message: SAY.expected };
    await source.return(undefined);
    return;
  }

  // Packed values only: StreamArray assembles from the packed tokens, so the per-character
  // streaming tokens are not needed (measured ~20% faster on a 30 MB file).
  const parser = new Parser({ decodeStrings: false, streamValues: false });
  let failed: Piece | undefined;
  let lastPiece: Piece = { firstLine: 1, lastLine: 1 };
  let sawProfilesKey = false;
  const stages: Transform[] = [parser];
  if (top === '{') {
    stages.push(
      new Pick({
        filter: (stack) => {
          const hit = stack.length === 1 && stack[0] === 'profiles';
          if (hit) sawProfilesKey = true;
          return hit;
        },
        once: true,
      }),
    );
  }
  stages.push(new StreamArray());

  const tail = (pipeline as unknown as (...streams: unknown[]) => Transform)(...stages, () => {
    /* errors surface through the iteration below */
  });
  const feeding = feed(
    parser,
    (async function* () {
      yield* buffered;
      yield* source;
    })(),
    (piece) => (lastPiece = piece),
    (piece) => (failed ??= piece),
  );

  let count = 0;
  try {
    for await (const { key, value } of tail as AsyncIterable<{ key: number; value: unknown }>) {
      const result = toSourceProfile(value, { file, index: key });
      yield* result.problems;
      if (result.profile) {
        yield result.profile;
        if (++count >= limit) return;
      }
    }
  } catch (error) {
    yield streamProblem(file, error, failed ?? lastPiece, top);
    return;
  } finally {
    tail.destroy();
    await feeding;
  }
  if (top === '{' && !sawProfilesKey) {
    yield { file, message: SAY.noProfiles };
  }
}

function streamProblem(file: string, error: unknown, piece: Piece, top: string): ProfileProblem {
  const text = error instanceof Error ? error.message : '';
  if (/Top-level object should be an array/.test(text)) {
    return { file, message: top === '{' ? SAY.profilesNotArray : SAY.notArray };
  }
  if (/^Parser /.test(text)) {
    // stream-json's parser messages name the expected token only, never input text.
    const what = text.replace(/^Parser (cannot parse input: |has )/, '');
    const from = Math.max(1, piece.firstLine - 1);
    return {
      file,
      line: from,
      message: from === piece.lastLine ? fill(SAY.malformedLine, [from, what]) : fill(SAY.malformedLines, [from, piece.lastLine, what]),
    };
  }
  const code = (error as { code?: unknown })?.code;
  return { file, message: typeof code === 'string' ? fill(SAY.unreadableCode, [code]) : SAY.unreadable };
}

/**
 * Writes the pieces to the parser with back-pressure. A write's callback gets the error of the
 * piece the parser failed on; writes queued behind it get a stream error, not the parser's.
 */
async function feed(parser: Transform, chunks: AsyncIterable<Chunk>, onWrite: (piece: Piece) => void, onFailure: (piece: Piece) => void): Promise<void> {
  try {
    for await (const { text, piece } of chunks) {
      if (parser.destroyed || parser.errored) return;
      onWrite(piece);
      const more = parser.write(text, (error) => {
        if (error && !(error as { code?: unknown }).code) onFailure(piece);
      });
      if (!more) await drainedOrClosed(parser);
    }
    if (!parser.destroyed) parser.end();
  } catch (error) {
    // Reading the file failed: the pipeline ends with this error and the iteration reports it.
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

function drainedOrClosed(stream: Transform): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** The file as text pieces cut at line ends, each with its line range. */
async function* pieces(path: string): AsyncGenerator<Chunk> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  let line = 1;
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let text = chunk;
      if (first) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      let start = 0;
      while (start < text.length) {
        let end = Math.min(text.length, start + PIECE_CHARS);
        if (end < text.length) {
          const nl = text.indexOf('\n', end);
          end = nl < 0 || nl - start > MAX_PIECE_CHARS ? Math.min(text.length, start + MAX_PIECE_CHARS) : nl + 1;
        }
        const piece = text.slice(start, end);
        let newlines = 0;
        for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) newlines++;
        const info = { firstLine: line, lastLine: line + newlines - (piece.endsWith('\n') ? 1 : 0) };
        line += newlines;
        yield { text: piece, piece: info };
        start = end;
      }
    }
  } finally {
    stream.destroy();
  }
}
