/**
 * Finds where a JSON pointer's node sits in the text, without building a syntax tree.
 *
 * Why hand-written: validation runs on `JSON.parse` + compiled ajv (fast), and positions are
 * needed only for the few nodes that have findings. jsonc-parser's `parseTree` costs more than the
 * whole validation on a large file (architecture.md, performance notes), so for strict JSON this
 * walks the text directly, skipping sibling subtrees with a bracket counter. It is iterative:
 * any nesting depth is safe. Text that is not strict JSON (comments, trailing commas) goes through
 * jsonc-parser's tree instead (see `document.ts`).
 */
import { parsePointer } from './pointer';

/** Where the bracket at an offset closes (-1 when unknown), from a scan done while parsing. */
export type BracketIndex = (offset: number) => number;

export interface Span {
  /** The property name's string literal, quotes included (object members only). */
  keyStart?: number;
  keyEnd?: number;
  valueStart: number;
  valueEnd: number;
}

const QUOTE = 34;
const BACKSLASH = 92;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function skipSpace(t: string, p: number): number {
  while (p < t.length && isSpace(t.charCodeAt(p))) p++;
  return p;
}

/** p at an opening quote; returns the offset after the closing quote. */
function skipString(t: string, p: number): number {
  let q = p + 1;
  for (;;) {
    const close = t.indexOf('"', q);
    if (close < 0) return t.length;
    let backslashes = 0;
    for (let i = close - 1; t.charCodeAt(i) === BACKSLASH; i--) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
    q = close + 1;
  }
}

/** p at the first character of a value; returns the offset after it. */
export function skipValue(t: string, p: number, closeOf?: BracketIndex): number {
  const c = t.charCodeAt(p);
  if (c === QUOTE) return skipString(t, p);
  if (c === 123 /* { */ || c === 91 /* [ */) {
    const known = closeOf ? closeOf(p) : -1;
    if (known >= 0) return known + 1;
    let depth = 0;
    for (let i = p; i < t.length; i++) {
      const d = t.charCodeAt(i);
      if (d === QUOTE) i = skipString(t, i) - 1;
      else if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        if (--depth === 0) return i + 1;
      }
    }
    return t.length;
  }
  let i = p;
  while (i < t.length) {
    const d = t.charCodeAt(i);
    if (d === 44 || d === 125 || d === 93 || isSpace(d)) break;
    i++;
  }
  return i;
}

function keyEquals(t: string, start: number, end: number, key: string): boolean {
  const raw = t.slice(start + 1, end - 1);
  if (raw.indexOf('\\') < 0) return raw === key;
  try {
    return JSON.parse(t.slice(start, end)) === key;
  } catch {
    return false;
  }
}

/**
 * Locates one pointer in strict JSON text. Undefined when the node does not exist. With a bracket
 * index, subtrees are skipped in one step.
 */
export function locate(text: string, pointer: string, closeOf?: BracketIndex): Span | undefined {
  const segments = parsePointer(pointer);
  let p = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  let span: Span = { valueStart: p, valueEnd: -1 };
  for (const seg of segments) {
    const open = text.charCodeAt(p);
    if (open === 123) {
      // Last duplicate wins, as in JSON.parse.
      let found: Span | undefined;
      let q = skipSpace(text, p + 1);
      while (q < text.length && text.charCodeAt(q) === QUOTE) {
        const keyEnd = skipString(text, q);
        const colon = skipSpace(text, keyEnd);
        const vStart = skipSpace(text, colon + 1);
        const vEnd = skipValue(text, vStart, closeOf);
        if (keyEquals(text, q, keyEnd, seg)) found = { keyStart: q, keyEnd, valueStart: vStart, valueEnd: vEnd };
        q = skipSpace(text, vEnd);
        if (text.charCodeAt(q) !== 44) break;
        q = skipSpace(text, q + 1);
      }
      if (!found) return undefined;
      span = found;
    } else if (open === 91) {
      if (!/^(0|[1-9]\d*)$/.test(seg)) return undefined;
      let index = Number(seg);
      let q = skipSpace(text, p + 1);
      if (text.charCodeAt(q) === 93) return undefined;
      for (;;) {
        const vEnd = skipValue(text, q, closeOf);
        if (index === 0) {
          span = { valueStart: q, valueEnd: vEnd };
          break;
        }
        q = skipSpace(text, vEnd);
        if (text.charCodeAt(q) !== 44) return undefined;
        q = skipSpace(text, q + 1);
        index--;
      }
    } else {
      return undefined;
    }
    p = span.valueStart;
  }
  if (span.valueEnd < 0) span.valueEnd = skipValue(text, span.valueStart, closeOf);
  return span;
}
