/**
 * Offset <-> line/character conversion. Line breaks are \n, \r\n and a lone \r, as in VS Code;
 * characters are UTF-16 code units, as in LSP. Built lazily and once per text.
 */
import type { Position, Range } from '../diagnostics';

export class LineIndex {
  private starts: number[] | undefined;
  constructor(readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const t = this.text;
    const starts = [0];
    if (t.indexOf('\r') < 0) {
      // The common case, found with indexOf jumps instead of a character loop.
      for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      return (this.starts = starts);
    }
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (t.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return (this.starts = starts);
  }

  position(offset: number): Position {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo]! };
  }

  offset(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    return Math.min(starts[position.line]! + position.character, this.text.length);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
