/**
 * Byte-level line cutting for the bulk commands and large previews: big reads are cut at their last line break, so
 * each block holds whole lines and can be decoded and split in one call each (a line break is an
 * ASCII byte, so a cut never falls inside a UTF-8 sequence).
 *
 * Line breaks are those node:readline knew (`crlfDelay: Infinity`), so output stays what it was:
 * LF, CRLF, or a lone CR; a CR at the very end of a read waits for the next read, which may start
 * with its LF. The break is never part of a line; a last line without a break still counts.
 */
const LF = 10;
const CR = 13;
const BREAK = /\r\n|\r|\n/;

/** Feeds reads in, gives back blocks of whole lines; `end()` gives what is left. */
export class LineCutter {
  private rest: Buffer | undefined;

  /** The bytes up to and including the last certain line break, or undefined when there is none yet. */
  push(chunk: Buffer): Buffer | undefined {
    const data = this.rest?.length ? Buffer.concat([this.rest, chunk]) : chunk;
    const cut = wholeLinesEnd(data);
    this.rest = data.subarray(cut);
    return cut > 0 ? data.subarray(0, cut) : undefined;
  }

  /** The last line (no break after it), or undefined when the input ended with a break. */
  end(): Buffer | undefined {
    const rest = this.rest;
    this.rest = undefined;
    return rest?.length ? rest : undefined;
  }
}

/** How many leading bytes of `data` are whole lines: just past the last certain break, or 0. */
export function wholeLinesEnd(data: Uint8Array): number {
  const lf = data.lastIndexOf(LF);
  const cr = data.lastIndexOf(CR);
  // A CR after the last LF ends a line unless it is the last byte (its LF may be in the next read).
  return (cr > lf && cr < data.length - 1 ? cr : lf) + 1;
}

/** The lines of a block from LineCutter (ends with a break, or is the last line of the input). */
export function splitLines(block: Buffer): string[] {
  const text = block.toString('utf8');
  const lines = text.includes('\r') ? text.split(BREAK) : text.split('\n');
  // A block ending with a break splits into a last empty string that is not a line.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
