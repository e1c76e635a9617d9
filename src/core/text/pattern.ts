/**
 * Every regular expression that comes from a workspace file (a customer data field's `pattern`, the
 * delimiter of Pebble's `split`) runs here, on RE2 (re2js): time linear in the input, so a hostile
 * pattern such as `^(a+)+$` cannot hang the language server, `pindest validate` or a test run.
 *
 * Those patterns are written for Java's java.util.regex (Adobe's Pebble fork and, by our reading,
 * AEP's server). This module reads Java syntax: it rewrites what RE2 spells differently (`\uXXXX`,
 * octal `\0nn`, `\e`, `\cX`, `\h`, `\v`, POSIX `\p{Alpha}`, Java's `.`, the `d` and `u` flags,
 * `\Q…\E` inside classes) and refuses, with a reason and its place in the pattern, what RE2
 * cannot express (backreferences, lookahead, atomic groups, possessive quantifiers, class union
 * and intersection, the `x` and `U` flags, `\R`, `\X`, `\G`, `\Z`…). Lookbehind runs (re2js
 * has a linear-time one). Known remaining differences, all around line terminators and
 * non-ASCII text: Java's `$` also matches before a final line terminator; with `(?m)` Java's
 * `^`/`$` also see `\r`, U+0085, U+2028 and U+2029; Java's `\s` includes U+000B; Java's `(?i)`
 * without `u` folds ASCII only.
 */
import { RE2JS } from 're2js';

export interface PatternRefusal {
  /** `unsupported`: valid Java that RE2 cannot run; `invalid`: not a valid pattern; `too-large`: over our size bounds. */
  kind: 'unsupported' | 'invalid' | 'too-large';
  /** A sentence fragment ("it uses a backreference (`\1`), …") for the caller's message. */
  reason: string;
  /** The construct's place in the pattern text (the whole pattern when unknown). */
  offset: number;
  length: number;
}

export interface Pattern {
  readonly source: string;
  /** Java's Matcher.matches(): the whole value matches. undefined: the value is too long to check in bounded time. */
  matches(value: string): boolean | undefined;
  /** Java's Matcher.find(): some part of the value matches. undefined as for matches. */
  find(value: string): boolean | undefined;
  /** Java's String.split(regex, limit). undefined as for matches. */
  split(value: string, limit: number): string[] | undefined;
}

export type CompiledPattern = { ok: true; pattern: Pattern } | { ok: false; refusal: PatternRefusal };

/** Longer pattern texts are refused: compiling stays well under a second. */
export const MAX_PATTERN_LENGTH = 1000;
/** RE2 instructions; `[0-9]{1,18}` is about 40. Matching costs up to (instructions × input length). */
const MAX_PROGRAM_SIZE = 10_000;
/** Work bounds in (instructions × input characters): about 0.2 s at worst for each call. */
const MATCH_BUDGET = 1_000_000;
const SPLIT_BUDGET = 10_000_000;

const cache = new Map<string, CompiledPattern>();
const CACHE_SIZE = 256;

/** Compiles a Java-syntax pattern from a workspace file, or says why it cannot run. Never throws. */
export function compilePattern(source: string): CompiledPattern {
  let hit = cache.get(source);
  if (hit) return hit;
  hit = compileUncached(source);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(source, hit);
  return hit;
}

function compileUncached(source: string): CompiledPattern {
  const whole = { offset: 0, length: source.length };
  if (source.length > MAX_PATTERN_LENGTH) {
    return refuse({ kind: 'too-large', reason: `it is ${source.length} characters long, over pindest's limit of ${MAX_PATTERN_LENGTH}`, ...whole });
  }
  const translated = translate(source);
  if (typeof translated !== 'string') return refuse(translated);
  let re: RE2JS;
  try {
    re = RE2JS.compile(translated, RE2JS.LOOKBEHINDS);
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : 'unknown error';
    return refuse({ kind: 'invalid', reason: `it is not a regular expression RE2 can read (${detail})`, ...whole });
  }
  const size = re.programSize();
  if (size > MAX_PROGRAM_SIZE) {
    return refuse({ kind: 'too-large', reason: `it compiles to ${size} RE2 instructions, over pindest's limit of ${MAX_PROGRAM_SIZE}`, ...whole });
  }
  const within = (value: string, budget: number) => size * (value.length + 1) <= budget;
  return {
    ok: true,
    pattern: {
      source,
      matches: (value) => (within(value, MATCH_BUDGET) ? re.testExact(value) : undefined),
      find: (value) => (within(value, MATCH_BUDGET) ? re.test(value) : undefined),
      split: (value, limit) => (within(value, SPLIT_BUDGET) ? re.split(value, limit) : undefined),
    },
  };
}

function refuse(refusal: PatternRefusal): CompiledPattern {
  return { ok: false, refusal };
}

const POSIX: Record<string, string> = {
  Lower: 'lower', Upper: 'upper', ASCII: 'ascii', Alpha: 'alpha', Digit: 'digit', Alnum: 'alnum', Punct: 'punct',
  Graph: 'graph', Print: 'print', Blank: 'blank', Cntrl: 'cntrl', XDigit: 'xdigit', Space: 'space',
};
/** Java's \h and \v (Java 8+), as class contents. */
const HORIZONTAL = ' \\t\\x{A0}\\x{1680}\\x{180E}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}';
const VERTICAL = '\\n\\x{B}\\f\\r\\x{85}\\x{2028}\\x{2029}';
/** Java's `.` without DOTALL: anything but a line terminator; with UNIX_LINES only \n is one. */
const JAVA_DOT = '[^\\n\\r\\x{85}\\x{2028}\\x{2029}]';

const UNSUPPORTED_ESCAPES: Record<string, string> = {
  R: 'the linebreak matcher `\\R`',
  X: 'the grapheme cluster `\\X`',
  G: 'the end-of-previous-match anchor `\\G`',
  Z: 'the end anchor `\\Z` (use `$` or `\\z`)',
  N: 'a named character `\\N{…}`',
};

interface Flags {
  dotall: boolean;
  unixLines: boolean;
}

/** Java pattern syntax to RE2 syntax, or the first construct RE2 cannot express. */
function translate(src: string): string | PatternRefusal {
  let out = '';
  let i = 0;
  let inClass = false;
  // Flags that change how `.` is rewritten, per group (inline flags last until the group closes).
  const flags: Flags[] = [{ dotall: false, unixLines: false }];
  const top = () => flags[flags.length - 1]!;
  const at = (offset: number, length: number, kind: PatternRefusal['kind'], reason: string): PatternRefusal => ({ kind, reason, offset, length });
  const unsupported = (offset: number, length: number, what: string) => at(offset, length, 'unsupported', `it uses ${what}, which RE2 (a linear-time engine) cannot run`);

  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      const r = escape(src, i, inClass);
      if (!Array.isArray(r)) return r;
      out += r[0];
      i = r[1];
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        out += c;
      } else if (c === '[') {
        return unsupported(i, 1, 'a class inside a class (Java reads `[a[b]]` as a union; for POSIX classes write `\\p{Alpha}`)');
      } else if (c === '&' && src[i + 1] === '&') {
        return unsupported(i, 2, 'a class intersection `&&`');
      } else {
        out += c;
      }
      i++;
      continue;
    }
    switch (c) {
      case '[': {
        inClass = true;
        out += c;
        i++;
        if (src[i] === '^') out += src[i++];
        if (src[i] === ']') out += src[i++]; // A `]` first in a class is a literal in both dialects.
        continue;
      }
      case '(': {
        if (src[i + 1] !== '?') {
          flags.push({ ...top() });
          out += c;
          i++;
          continue;
        }
        const rest = src.slice(i + 2);
        if (rest.startsWith('=') || rest.startsWith('!')) return unsupported(i, 3, `a lookahead \`(?${rest[0]}\``);
        if (rest.startsWith('>')) return unsupported(i, 3, 'an atomic group `(?>`');
        if (rest.startsWith('<')) {
          // A lookbehind (re2js runs it in linear time) or a named group.
          flags.push({ ...top() });
          out += '(?';
          i += 2;
          continue;
        }
        const m = /^([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(rest);
        if (!m) return at(i, 3, 'invalid', `Java has no group \`(?${rest.slice(0, 1)}\``);
        const [all, on = '', off = '', end] = m;
        const scope = end === ':' ? { ...top() } : top();
        const keep = (set: string, value: boolean): string | PatternRefusal => {
          let kept = '';
          for (const f of set) {
            if (f === 'i' || f === 'm') kept += f;
            else if (f === 's') (scope.dotall = value), (kept += f);
            else if (f === 'd') scope.unixLines = value; // RE2's only line terminator is \n: UNIX_LINES.
            else if (f === 'u') continue; // RE2 folds case over Unicode, as Java's (?iu).
            else if (f === 'x') return unsupported(i, all.length + 2, 'the comments flag `(?x)`');
            else if (f === 'U') return unsupported(i, all.length + 2, 'the Unicode character class flag `(?U)`');
            else return at(i, all.length + 2, 'invalid', `it uses an unknown flag \`${f}\` in \`(?${all}\``);
          }
          return kept;
        };
        const keptOn = keep(on, true);
        if (typeof keptOn !== 'string') return keptOn;
        const keptOff = keep(off, false);
        if (typeof keptOff !== 'string') return keptOff;
        const spec = keptOn + (keptOff ? `-${keptOff}` : '');
        if (end === ':') {
          flags.push(scope);
          out += `(?${spec}:`;
        } else if (spec) {
          out += `(?${spec})`;
        }
        i += 2 + all.length;
        continue;
      }
      case ')':
        if (flags.length > 1) flags.pop();
        out += c;
        i++;
        continue;
      case '.':
        out += top().dotall ? '(?s:.)' : top().unixLines ? '[^\\n]' : JAVA_DOT;
        i++;
        continue;
      case '{': {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
        if (!m) return at(i, 1, 'invalid', 'Java reads `{` as the start of a repetition such as `{1,18}` (write `\\{` for a literal brace)');
        if (Number(m[1]) > 1000 || (m[3] && Number(m[3]) > 1000)) return unsupported(i, m[0].length, `the repetition \`${m[0]}\` (RE2 repeats at most 1000 times)`);
        out += m[0];
        i += m[0].length;
        if (src[i] === '+') return unsupported(i - m[0].length, m[0].length + 1, `a possessive quantifier \`${m[0]}+\``);
        continue;
      }
      case '*':
      case '+':
      case '?':
        out += c;
        i++;
        if (src[i] === '+') return unsupported(i - 1, 2, `a possessive quantifier \`${c}+\``);
        continue;
      default:
        out += c;
        i++;
    }
  }
  return out;

  /** One escape at `i` (a backslash): its RE2 text and where the pattern goes on. */
  function escape(s: string, i: number, inClass: boolean): [string, number] | PatternRefusal {
    const e = s[i + 1];
    if (e === undefined) return ['\\', i + 1]; // RE2 reports the trailing backslash.
    if (e === 'Q') {
      const end = s.indexOf('\\E', i + 2);
      const text = s.slice(i + 2, end < 0 ? s.length : end);
      return [[...text].map(literal).join(''), end < 0 ? s.length : end + 2];
    }
    if (e >= '1' && e <= '9') return unsupported(i, 2, `a backreference (\`\\${e}\`)`);
    if (e === 'k') return unsupported(i, 2, 'a named backreference (`\\k<…>`)');
    if (UNSUPPORTED_ESCAPES[e]) return unsupported(i, 2, UNSUPPORTED_ESCAPES[e]);
    if (e === 'b' && s[i + 2] === '{') return unsupported(i, 3, 'a grapheme boundary `\\b{g}`');
    if (e === '0') {
      // Java's octal escapes: \0n, \0nn, \0mnn with m at most 3.
      const d = /^[0-7]{1,3}/.exec(s.slice(i + 2))?.[0];
      if (!d) return at(i, 2, 'invalid', 'Java needs an octal digit after `\\0`');
      const digits = d.length === 3 && d[0]! > '3' ? d.slice(0, 2) : d;
      return [hex(parseInt(digits, 8)), i + 2 + digits.length];
    }
    if (e === 'x') {
      // \xhh and \x{h…} are the same in both dialects; RE2 checks the digits.
      const m = /^\{[^}]*\}|^[^{]{0,2}/.exec(s.slice(i + 2))!;
      return ['\\x' + m[0], i + 2 + m[0].length];
    }
    if (e === 'u') {
      const m = /^[0-9a-fA-F]{4}/.exec(s.slice(i + 2));
      if (!m) return at(i, 2, 'invalid', 'Java needs four hexadecimal digits after `\\u`');
      return [hex(parseInt(m[0], 16)), i + 6];
    }
    if (e === 'e') return [hex(0x1b), i + 2];
    if (e === 'c') {
      const x = s[i + 2];
      if (x === undefined) return at(i, 2, 'invalid', 'Java needs a character after `\\c`');
      return [hex(x.charCodeAt(0) ^ 64), i + 3];
    }
    if (e === 'h' || e === 'v') {
      const body = e === 'h' ? HORIZONTAL : VERTICAL;
      return [inClass ? body : `[${body}]`, i + 2];
    }
    if (e === 'H' || e === 'V') {
      if (inClass) return unsupported(i, 2, `\`\\${e}\` inside a class`);
      return [`[^${e === 'H' ? HORIZONTAL : VERTICAL}]`, i + 2];
    }
    if ((e === 'p' || e === 'P') && s[i + 2] === '{') {
      const close = s.indexOf('}', i + 3);
      if (close < 0) return ['\\' + e, i + 2]; // RE2 reports the unclosed name.
      let name = s.slice(i + 3, close);
      const length = close + 1 - i;
      const negated = e === 'P';
      if (POSIX[name]) {
        const cls = `[:${negated ? '^' : ''}${POSIX[name]}:]`;
        return [inClass ? cls : `[${cls}]`, close + 1];
      }
      if (name.startsWith('java')) return unsupported(i, length, `the Java-only class \`\\${e}{${name}}\``);
      if (/^In[A-Z]|^(block|blk)=/.test(name)) return unsupported(i, length, `the Unicode block \`\\${e}{${name}}\``);
      name = name.replace(/^(Is|script=|sc=|general_category=|gc=)/, '');
      return [`\\${e}{${name}}`, close + 1];
    }
    if (/[A-Za-z0-9]/.test(e)) return ['\\' + e, i + 2]; // RE2 knows it (\d, \w, \b…) or reports it.
    return [literal(e), i + 2]; // Java: a backslash before any other character quotes it.
  }
}

/** One character as a literal in RE2, in or out of a class. */
function literal(ch: string): string {
  if (/[0-9A-Za-z]/.test(ch) || ch.codePointAt(0)! > 127) return ch;
  if (/[!-/:-@[-`{-~]/.test(ch)) return '\\' + ch;
  return hex(ch.charCodeAt(0));
}

function hex(code: number): string {
  return `\\x{${code.toString(16).toUpperCase()}}`;
}
