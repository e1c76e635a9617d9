/**
 * A JSON file as the core sees it: its text, its value, and where each node sits.
 *
 * Fast path: strict JSON goes through the engine's `JSON.parse`; positions are found on demand by
 * `locate`. Anything else (syntax errors, comments, trailing commas) is parsed by jsonc-parser,
 * which recovers a value and positions its errors. Every failure mode yields a positioned
 * diagnostic, never an exception: empty text, a byte order mark, binary content, nesting too
 * deep for the later stages (which recurse) to be safe.
 */
import { en, said, type Text } from '../report/l10n';
import { getLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Diagnostic, Range } from '../diagnostics';
import { LineIndex } from './lines';
import { locate, type BracketIndex, type Span } from './locate';
import { formatPointer, parsePointer } from './pointer';

/** Deeper than this is refused: no Destination SDK file comes near it, and later stages recurse. */
export const MAX_DEPTH = 256;
const MAX_SYNTAX_DIAGNOSTICS = 50;

export interface JsonDocument {
  readonly path: string;
  readonly text: string;
  /** Undefined when nothing usable could be read. */
  readonly value: unknown;
  /** True when the text is strict JSON (what Adobe's API accepts). */
  readonly strict: boolean;
  readonly lines: LineIndex;
  /** Text-level diagnostics (PD001 syntax, PD002 BOM, PD005 duplicate keys, PD007 lone surrogates), located. */
  readonly syntax: Diagnostic[];
  locate(pointer: string): Span | undefined;
  range(start: number, end: number): Range;
}

const MESSAGES: Record<string, Text> = {
  InvalidSymbol: en`unexpected character`,
  InvalidNumberFormat: en`invalid number`,
  PropertyNameExpected: en`expected a property name in double quotes`,
  ValueExpected: en`expected a value`,
  ColonExpected: en`expected ':' after the property name`,
  CommaExpected: en`expected ',' between entries`,
  CloseBraceExpected: en`expected '}' to close the object`,
  CloseBracketExpected: en`expected ']' to close the array`,
  EndOfFileExpected: en`unexpected content after the end of the JSON value`,
  InvalidCommentToken: en`comments are not allowed in JSON (Adobe's API rejects them)`,
  UnexpectedEndOfComment: en`unterminated comment`,
  UnexpectedEndOfString: en`unterminated string`,
  UnexpectedEndOfNumber: en`unterminated number`,
  InvalidUnicode: en`invalid \\u escape`,
  InvalidEscapeCharacter: en`invalid escape character`,
  InvalidCharacter: en`control characters must be escaped inside strings`,
};

function syntaxDiagnostic(lines: LineIndex, start: number, end: number, message: Text, code = 'PD001', severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { code, severity, ...said(message), pointer: '', range: lines.range(start, end) };
}

/**
 * One pass over the brackets outside strings: refuses nesting deeper than MAX_DEPTH (`deepAt`, or
 * -1) and records where each bracket closes, so that locating a finding later skips any subtree in
 * one step instead of scanning it again.
 */
function scanStructure(text: string): { deepAt: number; closeOf: BracketIndex; names: number } {
  let opens = new Int32Array(1024);
  let closes = new Int32Array(1024);
  let count = 0;
  const stack: number[] = [];
  let names = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (;;) {
        const close = text.indexOf('"', i + 1);
        if (close < 0) return { deepAt: -1, closeOf: () => -1, names: -1 };
        let backslashes = 0;
        for (let j = close - 1; text.charCodeAt(j) === 92; j--) backslashes++;
        i = close;
        if (backslashes % 2 === 0) break;
      }
    } else if (c === 123 || c === 91) {
      if (stack.length >= MAX_DEPTH) return { deepAt: i, closeOf: () => -1, names: -1 };
      if (count === opens.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        opens = grow(opens);
        closes = grow(closes);
      }
      opens[count] = i;
      closes[count] = -1;
      stack.push(count++);
    } else if (c === 125 || c === 93) {
      const k = stack.pop();
      if (k !== undefined) closes[k] = i;
    } else if (c === 58) {
      // A ':' outside strings ends a property name: counted here, compared later with the names
      // JSON.parse kept; only a difference (a duplicate) pays for finding which ones.
      names++;
    }
  }
  const o = opens;
  const cl = closes;
  const n = count;
  return {
    deepAt: -1,
    names,
    closeOf(offset) {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = o[mid]!;
        if (v === offset) return cl[mid]!;
        if (v < offset) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    },
  };
}

/** How many property names a parsed value holds (iterative: any depth). */
function countNames(value: unknown): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const item of v) if (item !== null && typeof item === 'object') stack.push(item);
    } else {
      for (const k in v) {
        n++;
        const item = (v as Record<string, unknown>)[k];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
    }
  }
  return n;
}

/** Duplicate property names as (first, later) offset pairs of their opening quotes. */
function findDuplicates(text: string): number[] {
  const pairs: number[] = [];
  const objects: (Map<string, number> | undefined)[] = [];
  const isObject: boolean[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const start = i;
      i = skipString(text, i) - 1;
      const depth = isObject.length;
      if (depth === 0 || !isObject[depth - 1]) continue;
      let j = i + 1;
      while (isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 58) continue;
      const raw = text.slice(start + 1, i);
      const name = raw.indexOf('\\') < 0 ? raw : decodeName(raw);
      const keys = objects[depth - 1] ?? (objects[depth - 1] = new Map());
      const first = keys.get(name);
      if (first === undefined) keys.set(name, start);
      else pairs.push(first, start);
    } else if (c === 123 || c === 91) {
      objects[isObject.length] = undefined;
      isObject.push(c === 123);
    } else if (c === 125 || c === 93) {
      isObject.pop();
    }
  }
  return pairs;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** A property name with escapes, as JSON.parse reads it ("\u0061" and "a" are the same key). */
function decodeName(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** The JSON pointer of the node at an offset (only computed for the rare finding that needs it). */
function pointerAt(body: string, offset: number): string {
  return formatPointer(getLocation(body, offset).path);
}

function lineOf(lines: LineIndex, offset: number): number {
  return lines.position(offset).line + 1;
}

/**
 * PD005: every occurrence of a duplicated property name, each pointing at the others. RFC 8259 §4
 * says names SHOULD be unique and leaves the behaviour with duplicates to the parser: JSON.parse
 * and Jackson's default keep the last, other readers the first or refuse the file.
 */
function duplicateDiagnostics(text: string, body: string, shift: number, lines: LineIndex, pairs: number[]): Diagnostic[] {
  const groups = new Map<number, number[]>();
  for (let k = 0; k < pairs.length; k += 2) {
    const first = pairs[k]!;
    const group = groups.get(first) ?? [first];
    group.push(pairs[k + 1]!);
    groups.set(first, group);
  }
  const out: Diagnostic[] = [];
  for (const group of groups.values()) {
    const spans = group.map((start) => ({ start, end: skipString(text, start) }));
    const name = text.slice(spans[0]!.start, spans[0]!.end);
    const last = spans[spans.length - 1]!;
    spans.forEach((span) => {
      const others = spans.filter((o) => o !== span);
      const otherLines = [...new Set(others.map((o) => lineOf(lines, o.start)))];
      const where = otherLines.length > 1 ? en`lines ${otherLines.join(', ')}` : en`line ${otherLines.join(', ')}`;
      const message =
        span === last
          ? en`Duplicate key ${name}: it also appears on ${where}. JSON.parse keeps this last value (so does Jackson by default), but other JSON readers keep the first or refuse the file; keep one.`
          : en`Duplicate key ${name}: this value is ignored, the last ${name} (line ${lineOf(lines, last.start)}) replaces it in JSON.parse and Jackson's default; other readers differ. Keep one.`;
      out.push({
        code: 'PD005',
        severity: 'warning',
        ...said(message),
        pointer: pointerAt(body, span.start - shift),
        at: 'key',
        range: lines.range(span.start, span.end),
        related: others.map((o) => ({ ...said(en`Other occurrence of ${name}`), range: lines.range(o.start, o.end) })),
      });
    });
  }
  return out;
}

/** p at an opening quote; the offset after the closing one. */
function skipString(t: string, p: number): number {
  for (let q = p + 1; ; ) {
    const close = t.indexOf('"', q);
    if (close < 0) return t.length;
    let backslashes = 0;
    for (let i = close - 1; t.charCodeAt(i) === 92; i--) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
    q = close + 1;
  }
}

const HEX4 = /^[0-9a-fA-F]{4}$/;
const surrogate = (hex: string, lo: number, hi: number) => HEX4.test(hex) && parseInt(hex, 16) >= lo && parseInt(hex, 16) <= hi;

/**
 * PD007: a \\uD800-\\uDFFF escape without its pair (and a raw unpaired surrogate, which only an
 * editor can produce). JSON.parse accepts it, but it is no Unicode character: encoded to UTF-8 for
 * the request it becomes U+FFFD here and "?" in Java, so what is sent is not what is written.
 */
function surrogateDiagnostics(text: string, body: string, shift: number, lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (start: number, end: number, what: string) => {
    if (out.length >= MAX_SYNTAX_DIAGNOSTICS) return;
    out.push({
      code: 'PD007',
      severity: 'warning',
      ...said(en`Lone surrogate ${what}: a high surrogate (\\uD800-\\uDBFF) must be followed by a low one (\\uDC00-\\uDFFF) and a low one preceded by a high one. It is not a character: encoded as UTF-8 it becomes U+FFFD or "?", so the request would not carry what is written. Write the character itself or its complete pair.`),
      pointer: pointerAt(body, start - shift),
      range: lines.range(start, end),
    });
  };
  for (let i = text.indexOf('\\u'); i >= 0; i = text.indexOf('\\u', i + 2)) {
    let backslashes = 0;
    for (let j = i - 1; text.charCodeAt(j) === 92; j--) backslashes++;
    if (backslashes % 2 === 1) continue; // an escaped backslash followed by "u"
    const hex = text.slice(i + 2, i + 6);
    if (surrogate(hex, 0xd800, 0xdbff)) {
      if (text.startsWith('\\u', i + 6) && surrogate(text.slice(i + 8, i + 12), 0xdc00, 0xdfff)) {
        i += 6; // a complete pair
        continue;
      }
      report(i, i + 6, `"\\u${hex}"`);
    } else if (surrogate(hex, 0xdc00, 0xdfff)) {
      report(i, i + 6, `"\\u${hex}"`);
    }
  }
  if (!(text as { isWellFormed?: () => boolean }).isWellFormed?.()) {
    for (const m of text.matchAll(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g)) {
      report(m.index!, m.index! + 1, `U+${m[0].charCodeAt(0).toString(16).toUpperCase()}`);
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function describe(e: ParseError, text: string): Text {
  const name = printParseErrorCode(e.error);
  if (name === 'PropertyNameExpected' || name === 'ValueExpected') {
    const before = text.slice(0, e.offset).trimEnd();
    if (before.endsWith(',') && /^[}\]]/.test(text.slice(e.offset))) return en`Invalid JSON: trailing comma; remove the comma before the closing bracket.`;
  }
  return en`Invalid JSON: ${MESSAGES[name] ?? name}.`;
}

export function parseDocument(path: string, text: string): JsonDocument {
  const lines = new LineIndex(text);
  const syntax: Diagnostic[] = [];
  let value: unknown;
  let strict = false;
  let tree: Node | undefined | null = null;
  let closeOf: BracketIndex | undefined;
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;

  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    syntax.push(syntaxDiagnostic(lines, nul, nul + 1, en`This is a binary file, not JSON: it contains a NUL byte.`));
  } else if (body.trim() === '') {
    syntax.push(syntaxDiagnostic(lines, 0, text.length, en`The file is empty: expected a JSON object.`));
  } else {
    // Scanned on the text itself (a BOM is no bracket), so offsets are the text's.
    const structure = scanStructure(text);
    closeOf = structure.closeOf;
    if (structure.deepAt >= 0) {
      const at = structure.deepAt;
      syntax.push(syntaxDiagnostic(lines, at, at + 1, en`JSON nested deeper than ${MAX_DEPTH} levels; no destination file needs this. The file was not analysed further.`));
    } else {
      if (bom) {
        syntax.push(syntaxDiagnostic(lines, 0, 1, en`The file starts with a byte order mark; JSON must not (RFC 8259) and some tools reject it. Save it as UTF-8 without BOM.`, 'PD002', 'warning'));
      }
      try {
        value = JSON.parse(body);
        strict = true;
      } catch {
        const errors: ParseError[] = [];
        value = parse(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
        const shift = bom ? 1 : 0;
        const start = body.length - body.trimStart().length;
        if (errors[0] && errors[0].offset === start && printParseErrorCode(errors[0].error) === 'InvalidSymbol' && (value === null || typeof value !== 'object')) {
          // Not JSON at all (plain text, YAML, CSV…; a stray character before a `{` still gives the
          // object): one finding on the first line, not one per word. The text itself is not quoted:
          // it may be a list of emails.
          const lineEnd = body.slice(start).search(/\r|\n|$/) + start;
          syntax.push(syntaxDiagnostic(lines, start + shift, lineEnd + shift, en`This file is not JSON: it does not start with a JSON value (a destination file starts with \`{\`). Pass a JSON file, or check that this is the file you meant.`));
          errors.length = 0;
          value = undefined;
        }
        const at = new Set<number>();
        for (const e of errors.slice(0, MAX_SYNTAX_DIAGNOSTICS)) {
          if (at.has(e.offset)) continue; // one message per place
          at.add(e.offset);
          syntax.push(syntaxDiagnostic(lines, e.offset + shift, e.offset + shift + Math.max(e.length, 1), describe(e, body)));
        }
        if (errors.length > MAX_SYNTAX_DIAGNOSTICS) {
          const last = errors[MAX_SYNTAX_DIAGNOSTICS]!;
          syntax.push(syntaxDiagnostic(lines, last.offset + shift, last.offset + shift + 1, en`${errors.length - MAX_SYNTAX_DIAGNOSTICS} more syntax errors not shown.`));
        }
        if (errors.length === 0 && syntax.every((d) => d.code !== 'PD001')) {
          // jsonc-parser accepted what JSON.parse refused: report it rather than guess.
          syntax.push(syntaxDiagnostic(lines, 0, 1, en`Invalid JSON.`));
        }
      }
      const shift = bom ? 1 : 0;
      if (value !== undefined && structure.names !== countNames(value)) {
        const pairs = findDuplicates(text);
        if (pairs.length > 0) syntax.push(...duplicateDiagnostics(text, body, shift, lines, pairs));
      }
      syntax.push(...surrogateDiagnostics(text, body, shift, lines));
    }
  }

  const locateLoose = (pointer: string): Span | undefined => {
    if (tree === null) tree = parseTree(body, [], { disallowComments: false, allowTrailingComma: true });
    let node: Node | undefined = tree;
    let key: Node | undefined;
    for (const seg of parsePointer(pointer)) {
      if (!node) return undefined;
      if (node.type === 'array') {
        node = /^(0|[1-9]\d*)$/.test(seg) ? node.children?.[Number(seg)] : undefined;
        key = undefined;
      } else if (node.type === 'object') {
        const member: Node | undefined = node.children?.filter((m) => m.children?.[0]?.value === seg).pop();
        key = member?.children?.[0];
        node = member?.children?.[1];
      } else {
        return undefined;
      }
    }
    if (!node) return undefined;
    const shift = bom ? 1 : 0;
    const valueStart = node.offset + shift;
    const valueEnd = valueStart + node.length;
    return key ? { keyStart: key.offset + shift, keyEnd: key.offset + shift + key.length, valueStart, valueEnd } : { valueStart, valueEnd };
  };

  return {
    path,
    text,
    value,
    strict,
    lines,
    syntax,
    locate: (pointer) => (value === undefined ? undefined : strict ? locate(text, pointer, closeOf) : locateLoose(pointer)),
    range: (start, end) => lines.range(start, end),
  };
}
