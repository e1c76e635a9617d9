/**
 * Lexer: template source -> flat token list with source offsets.
 *
 * Follows Pebble's LexerImpl: `{{ }}` print, `{% %}` execute, `{# #}` comment; a `-` just inside
 * a delimiter trims ALL whitespace (Java's \s, so CR and LF too) on that side. Unlike stock
 * Pebble, no newline is trimmed after a plain `%}`: Adobe's rendered output keeps it (see
 * examples/pebble-cases/13-*.json). Closing delimiters only count outside brackets, so
 * `{{ {'a': {'b': 1}} }}` works. The lexer never throws: problems are collected and lexing goes on.
 */
import { en, say, type Text } from '../report/l10n';
import type { Span } from './errors';

export type TokenType =
  | 'text'
  | 'printOpen'
  | 'printClose'
  | 'tagOpen'
  | 'tagClose'
  | 'name'
  | 'number'
  | 'string'
  | 'op'
  | 'punct'
  | 'eof';

export interface Token {
  type: TokenType;
  /** Text after trimming, the name, the operator, the punctuation or the unescaped string. */
  value: string;
  offset: number;
  length: number;
}

export interface LexProblem {
  message: string;
  text?: Text;
  span: Span;
}

const WORD_OPERATORS = ['is not', 'contains', 'equals', 'and', 'not', 'or', 'is'];
const SYMBOL_OPERATORS = ['==', '!=', '<=', '>=', '..', '<', '>', '+', '-', '*', '/', '%', '~'];
const PUNCTUATION = '()[]{}?:.,|=';
const NAME = /[\p{L}_][\p{L}\p{Nd}_]*/uy;
const NUMBER = /[0-9]+(?:\.[0-9]+)?L?/y;
const IS_NOT = /is[ \t\r\n]+not(?![\p{L}\p{Nd}_])/uy;
const WORD_CHAR = /[\p{L}\p{Nd}_]/u;
const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

// Java's \s: space, \t, \n, \x0B, \f, \r.
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function rtrim(s: string): string {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end);
}

export function lex(source: string): { tokens: Token[]; problems: LexProblem[] } {
  const tokens: Token[] = [];
  const problems: LexProblem[] = [];
  const n = source.length;
  let pos = 0;
  let trimNext = false;

  const problem = (message: Text, offset: number, length: number) => problems.push({ message: say(message), text: message, span: { offset, length } });

  while (pos < n) {
    // DATA: find the next opening delimiter.
    let open = -1;
    for (let i = source.indexOf('{', pos); i !== -1 && i + 1 < n; i = source.indexOf('{', i + 1)) {
      const c = source[i + 1];
      if (c === '{' || c === '%' || c === '#') {
        open = i;
        break;
      }
    }
    let textStart = pos;
    const textEnd = open === -1 ? n : open;
    if (trimNext) {
      while (textStart < textEnd && isSpace(source.charCodeAt(textStart))) textStart++;
      trimNext = false;
    }
    let text = source.slice(textStart, textEnd);
    const trimBefore = open !== -1 && source[open + 2] === '-';
    if (trimBefore) text = rtrim(text);
    if (text.length > 0) tokens.push({ type: 'text', value: text, offset: textStart, length: text.length });
    if (open === -1) break;

    const kind = source[open + 1];
    const openLength = trimBefore ? 3 : 2;
    pos = open + openLength;

    if (kind === '#') {
      const close = source.indexOf('#}', pos);
      if (close === -1) {
        problem(en`Unclosed comment: add "#}" to end it.`, open, openLength);
        pos = n;
        break;
      }
      if (close > pos && source[close - 1] === '-') trimNext = true;
      pos = close + 2;
      continue;
    }

    const isPrint = kind === '{';
    const closer = isPrint ? '}}' : '%}';
    tokens.push({ type: isPrint ? 'printOpen' : 'tagOpen', value: isPrint ? '{{' : '{%', offset: open, length: openLength });
    const brackets: { char: string; offset: number }[] = [];
    let closed = false;
    const problemsBefore = problems.length;

    while (pos < n) {
      const c = source.charCodeAt(pos);
      if (isSpace(c)) {
        pos++;
        continue;
      }
      if (brackets.length > 0 && source.startsWith(closer, pos) && (!isPrint || brackets[brackets.length - 1]!.char !== '{')) {
        // `{{ (a }}`: report the bracket, not a missing "}}" at the end of the template
        const b = brackets[brackets.length - 1]!;
        problem(en`Unclosed "${b.char}": add "${PAIRS[b.char]}".`, b.offset, 1);
        brackets.length = 0;
      }
      if (brackets.length === 0) {
        if (source[pos] === '-' && source.startsWith(closer, pos + 1)) {
          trimNext = true;
          tokens.push({ type: isPrint ? 'printClose' : 'tagClose', value: closer, offset: pos, length: 3 });
          pos += 3;
          closed = true;
          break;
        }
        if (source.startsWith(closer, pos)) {
          tokens.push({ type: isPrint ? 'printClose' : 'tagClose', value: closer, offset: pos, length: 2 });
          pos += 2;
          closed = true;
          break;
        }
      }
      pos = lexExpressionToken(source, pos, tokens, brackets, problem);
    }
    if (!closed) {
      const b = brackets[brackets.length - 1];
      if (b) problem(en`Unclosed "${b.char}": add "${PAIRS[b.char]}".`, b.offset, 1);
      else if (problems.length === problemsBefore) problem(en`Unclosed "${isPrint ? '{{' : '{%'}": add "${closer}".`, open, openLength);
      // Close it anyway so the parser can report what it can.
      tokens.push({ type: isPrint ? 'printClose' : 'tagClose', value: closer, offset: n, length: 0 });
    }
  }
  tokens.push({ type: 'eof', value: '', offset: n, length: 0 });
  return { tokens, problems };
}

/** Lexes one token inside `{{ }}` / `{% %}`; returns the new position. */
function lexExpressionToken(
  source: string,
  pos: number,
  tokens: Token[],
  brackets: { char: string; offset: number }[],
  problem: (message: Text, offset: number, length: number) => void,
): number {
  const ch = source[pos]!;

  // Operators come before names, as in Pebble: word operators need a non-word character after.
  IS_NOT.lastIndex = pos;
  const isNot = IS_NOT.exec(source);
  if (isNot) {
    tokens.push({ type: 'op', value: 'is not', offset: pos, length: isNot[0].length });
    return pos + isNot[0].length;
  }
  for (const op of WORD_OPERATORS) {
    if (source.startsWith(op, pos) && !WORD_CHAR.test(source[pos + op.length] ?? ' ')) {
      tokens.push({ type: 'op', value: op, offset: pos, length: op.length });
      return pos + op.length;
    }
  }
  for (const op of SYMBOL_OPERATORS) {
    if (source.startsWith(op, pos)) {
      tokens.push({ type: 'op', value: op, offset: pos, length: op.length });
      return pos + op.length;
    }
  }

  NAME.lastIndex = pos;
  const name = NAME.exec(source);
  if (name) {
    tokens.push({ type: 'name', value: name[0], offset: pos, length: name[0].length });
    return pos + name[0].length;
  }

  NUMBER.lastIndex = pos;
  const num = NUMBER.exec(source);
  if (num) {
    const text = num[0].endsWith('L') ? num[0].slice(0, -1) : num[0];
    tokens.push({ type: 'number', value: text, offset: pos, length: num[0].length });
    return pos + num[0].length;
  }

  if (PUNCTUATION.includes(ch)) {
    if (ch === '(' || ch === '[' || ch === '{') {
      brackets.push({ char: ch, offset: pos });
    } else if (ch === ')' || ch === ']' || ch === '}') {
      const last = brackets[brackets.length - 1];
      if (!last) {
        problem(en`Unexpected "${ch}": there is no opening bracket for it.`, pos, 1);
        return pos + 1;
      }
      if (PAIRS[last.char] !== ch) {
        problem(en`Unclosed "${last.char}": expected "${PAIRS[last.char]}" before "${ch}".`, last.offset, 1);
      }
      brackets.pop();
    }
    tokens.push({ type: 'punct', value: ch, offset: pos, length: 1 });
    return pos + 1;
  }

  if (ch === '"' || ch === "'") {
    let i = pos + 1;
    while (i < source.length && source[i] !== ch) {
      if (source[i] === '\\') i++;
      i++;
    }
    if (i >= source.length) {
      problem(en`Unclosed string: add the closing ${ch}.`, pos, 1);
      // keep it as a string so the parser does not add a second, misleading error
      tokens.push({ type: 'string', value: source.slice(pos + 1), offset: pos, length: source.length - pos });
      return source.length;
    }
    const raw = source.slice(pos + 1, i);
    if (ch === '"' && raw.includes('#{')) {
      problem(en`String interpolation "#{...}" is not supported here: use the ~ operator to join strings.`, pos, i + 1 - pos);
    }
    tokens.push({ type: 'string', value: unescape(raw, ch), offset: pos, length: i + 1 - pos });
    return i + 1;
  }

  problem(en`Unexpected character "${ch}".`, pos, 1);
  return pos + 1;
}

// Pebble unescapes only the quote character and then backslash pairs; "\n" stays backslash + n.
function unescape(raw: string, quote: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.split('\\' + quote).join(quote).split('\\\\').join('\\');
}
