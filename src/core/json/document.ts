/**
 * A JSON file as the core sees it: its text, its value, and where each node sits.
 *
 * Fast path: strict JSON goes through the engine's `JSON.parse`; positions are found on demand by
 * `locate`. Anything else (syntax errors, comments, trailing commas) is parsed by jsonc-parser,
 * which recovers a value and positions its errors. Every failure mode yields a positioned
 * diagnostic, never an exception: empty text, a byte order mark, binary content, nesting too
 * deep for the later stages (which recurse) to be safe.
 */
import { parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Diagnostic, Range } from '../diagnostics';
import { LineIndex } from './lines';
import { locate, type BracketIndex, type Span } from './locate';
import { parsePointer } from './pointer';

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
  /** Syntax-level diagnostics (PD001, PD002), already located. */
  readonly syntax: Diagnostic[];
  locate(pointer: string): Span | undefined;
  range(start: number, end: number): Range;
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between entries",
  CloseBraceExpected: "expected '}' to close the object",
  CloseBracketExpected: "expected ']' to close the array",
  EndOfFileExpected: 'unexpected content after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON (Adobe\'s API rejects them)',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'control characters must be escaped inside strings',
};

function syntaxDiagnostic(lines: LineIndex, start: number, end: number, message: string, code = 'PD001', severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { code, severity, message, pointer: '', range: lines.range(start, end) };
}

/**
 * One pass over the brackets outside strings: refuses nesting deeper than MAX_DEPTH (`deepAt`, or
 * -1) and records where each bracket closes, so that locating a finding later skips any subtree in
 * one step instead of scanning it again.
 */
function scanStructure(text: string): { deepAt: number; closeOf: BracketIndex } {
  let opens = new Int32Array(1024);
  let closes = new Int32Array(1024);
  let count = 0;
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (;;) {
        const close = text.indexOf('"', i + 1);
        if (close < 0) return { deepAt: -1, closeOf: () => -1 };
        let backslashes = 0;
        for (let j = close - 1; text.charCodeAt(j) === 92; j--) backslashes++;
        i = close;
        if (backslashes % 2 === 0) break;
      }
    } else if (c === 123 || c === 91) {
      if (stack.length >= MAX_DEPTH) return { deepAt: i, closeOf: () => -1 };
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
    }
  }
  const o = opens;
  const cl = closes;
  const n = count;
  return {
    deepAt: -1,
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

function describe(e: ParseError, text: string): string {
  const name = printParseErrorCode(e.error);
  if (name === 'PropertyNameExpected' || name === 'ValueExpected') {
    const before = text.slice(0, e.offset).trimEnd();
    if (before.endsWith(',') && /^[}\]]/.test(text.slice(e.offset))) return 'Invalid JSON: trailing comma; remove the comma before the closing bracket.';
  }
  return `Invalid JSON: ${MESSAGES[name] ?? name}.`;
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
    syntax.push(syntaxDiagnostic(lines, nul, nul + 1, 'This is a binary file, not JSON: it contains a NUL byte.'));
  } else if (body.trim() === '') {
    syntax.push(syntaxDiagnostic(lines, 0, text.length, 'The file is empty: expected a JSON object.'));
  } else {
    // Scanned on the text itself (a BOM is no bracket), so offsets are the text's.
    const structure = scanStructure(text);
    closeOf = structure.closeOf;
    if (structure.deepAt >= 0) {
      const at = structure.deepAt;
      syntax.push(syntaxDiagnostic(lines, at, at + 1, `JSON nested deeper than ${MAX_DEPTH} levels; no destination file needs this. The file was not analysed further.`));
    } else {
      if (bom) {
        syntax.push(syntaxDiagnostic(lines, 0, 1, 'The file starts with a byte order mark; JSON must not (RFC 8259) and some tools reject it. Save it as UTF-8 without BOM.', 'PD002', 'warning'));
      }
      try {
        value = JSON.parse(body);
        strict = true;
      } catch {
        const errors: ParseError[] = [];
        value = parse(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
        const shift = bom ? 1 : 0;
        const at = new Set<number>();
        for (const e of errors.slice(0, MAX_SYNTAX_DIAGNOSTICS)) {
          if (at.has(e.offset)) continue; // one message per place
          at.add(e.offset);
          syntax.push(syntaxDiagnostic(lines, e.offset + shift, e.offset + shift + Math.max(e.length, 1), describe(e, body)));
        }
        if (errors.length > MAX_SYNTAX_DIAGNOSTICS) {
          const last = errors[MAX_SYNTAX_DIAGNOSTICS]!;
          syntax.push(syntaxDiagnostic(lines, last.offset + shift, last.offset + shift + 1, `${errors.length - MAX_SYNTAX_DIAGNOSTICS} more syntax errors not shown.`));
        }
        if (errors.length === 0) {
          // jsonc-parser accepted what JSON.parse refused: report it rather than guess.
          syntax.push(syntaxDiagnostic(lines, 0, 1, 'Invalid JSON.'));
        }
      }
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
