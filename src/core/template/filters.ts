/**
 * Filters: Pebble's core set (CoreExtension and EscaperExtension's `escape` and `raw`) as Adobe's
 * fork exposes it, plus Adobe's `added`, `removed` and `toJson`; nothing else (no Twig `e`, no `keys`). Arguments arrive in the order of FILTER_SPECS params (undefined when not given).
 * Most filters pass null through, as Pebble's do. Problems throw ValueError; the evaluator adds
 * the position.
 */
import { sha256Hex } from '../identity/hash';
import { en, type Arg } from '../report/l10n';
import { FILTER_SPECS } from './catalog';
import { formatDate, parseDate, parseIso, zoneOffset } from './dates';
import { ValueError } from './errors';
import { escape, formEncode } from './escape';
import { decimalFormat, defaultNumberFormat } from './numbers';
import { compilePattern } from '../text/pattern';
import { ADDED, filterSegments, REMOVED } from './segments';
import { aType, isEmpty, isMap, javaTrim, newMap, stringValueOf, toJson, toOutput, typeText } from './values';

export type FilterFn = (input: unknown, args: readonly unknown[]) => unknown;

const DEFAULT_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ssZ";

function str(input: unknown): string {
  return typeof input === 'string' ? input : toOutput(input);
}

function num(v: unknown, what: Arg): number {
  if (typeof v !== 'number') throw new ValueError(en`${what} must be a number, not ${aType(v)}.`);
  return v;
}

function optString(v: unknown, what: Arg): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ValueError(en`${what} must be a string, not ${aType(v)}.`);
  return v;
}

const nullSafe = (f: (s: string) => string): FilterFn => (input) => (input === null || input === undefined ? null : f(str(input)));

function toUpperFirst(c: string): string {
  return c.toUpperCase().length === 1 ? c.toUpperCase() : c;
}

function compareSortable(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  throw new ValueError(en`Can not sort a list that mixes ${typeText(a)} and ${typeText(b)} values.`);
}

function sortList(input: unknown, name: string): unknown[] | null {
  if (input === null || input === undefined) return null;
  if (!Array.isArray(input)) throw new ValueError(en`"${name}" needs a list, not ${aType(input)}.`);
  return [...input].sort(compareSortable);
}

/** Java's String.split(regex, limit), on the linear-time engine every workspace pattern runs on. */
function javaSplit(s: string, delimiter: string, limit: number): string[] {
  const compiled = compilePattern(delimiter);
  if (!compiled.ok) {
    throw new ValueError(en`The split delimiter "${delimiter}" cannot be used: ${compiled.refusal.reason} (Java's split takes a regex; escape special characters).`);
  }
  const parts = compiled.pattern.split(s, limit);
  if (!parts) throw new ValueError(en`The text to split is ${s.length} characters long, too long for pindest to split with "${delimiter}" in bounded time.`);
  return parts;
}

/** Java's Base64.getDecoder(): the basic alphabet only, no whitespace, padding optional but exact. */
const BASE64 = /^([A-Za-z0-9+/]*)(={0,2})$/;

function base64decode(input: unknown): unknown {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'string') throw new ValueError(en`"base64decode" applies to a string, not ${aType(input)}.`);
  const m = BASE64.exec(input);
  const body = m?.[1] ?? '';
  const pad = m?.[2] ?? '';
  const ok = m !== null && body.length % 4 !== 1 && (pad === '' || (body.length % 4 !== 0 && (body.length + pad.length) % 4 === 0));
  if (!ok) throw new ValueError(en`"base64decode" needs a correctly Base64-encoded string (alphabet A-Z a-z 0-9 + /, optional = padding); "${abbreviated(input)}" is not.`);
  // Java's new String(bytes, UTF_8) replaces malformed sequences with U+FFFD, as Buffer does.
  return Buffer.from(body, 'base64').toString('utf8');
}

function abbreviated(s: string): string {
  return s.length > 20 ? s.slice(0, 17) + '...' : s;
}

/** CR, LF and CRLF each become one `<br />`. */
function nl2br(input: unknown): unknown {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'string') throw new ValueError(en`"nl2br" applies to a string, not ${aType(input)}.`);
  return input.replace(/\r\n?|\n/g, '<br />');
}

function date(input: unknown, args: readonly unknown[]): unknown {
  if (input === null || input === undefined) return null;
  const format = optString(args[0], en`The date format`) ?? DEFAULT_DATE_FORMAT;
  const existing = optString(args[1], 'existingFormat');
  const zone = optString(args[2], 'timeZone');
  let ms: number;
  if (typeof input === 'number') {
    ms = Math.trunc(input);
  } else if (typeof input === 'string') {
    if (existing !== undefined) {
      ms = parseDate(input, existing);
    } else {
      // Pebble tries its default pattern; ISO-8601 (Adobe's timestamps) is accepted as well.
      let parsed: number | undefined;
      try {
        parsed = parseDate(input, DEFAULT_DATE_FORMAT);
      } catch {
        parsed = parseIso(input);
      }
      if (parsed === undefined) {
        throw new ValueError(en`Could not parse "${input}" as a date: it is not ISO-8601; give its pattern with existingFormat="...".`);
      }
      ms = parsed;
    }
  } else {
    throw new ValueError(en`"date" needs a string or a number (epoch milliseconds), not ${aType(input)}.`);
  }
  return formatDate(ms, format, zone === undefined ? 0 : zoneOffset(zone, ms));
}

function merge(input: unknown, args: readonly unknown[]): unknown {
  const items = args[0];
  if (Array.isArray(input) && Array.isArray(items)) return [...input, ...items];
  if (isMap(input) && isMap(items)) {
    const out = newMap();
    for (const k of Object.keys(input)) out[k] = input[k];
    for (const k of Object.keys(items)) out[k] = items[k];
    return out;
  }
  throw new ValueError(en`"merge" joins two maps or two lists, not ${aType(input)} and ${aType(items)}.`);
}

function slice(input: unknown, args: readonly unknown[]): unknown {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'string' && !Array.isArray(input)) throw new ValueError(en`"slice" needs a string or a list, not ${aType(input)}.`);
  const from = args[0] === undefined || args[0] === null ? 0 : Math.trunc(num(args[0], 'fromIndex'));
  if (from < 0) throw new ValueError(en`fromIndex must not be negative.`);
  let to = input.length;
  if (args[1] !== undefined && args[1] !== null) {
    to = Math.trunc(num(args[1], 'toIndex'));
    if (to > input.length) throw new ValueError(en`toIndex must not exceed the input size (${input.length}).`);
    if (from >= to) throw new ValueError(en`toIndex must be greater than fromIndex.`);
  }
  return input.slice(from, to);
}

function replace(input: unknown, args: readonly unknown[]): unknown {
  if (input === null || input === undefined) return null;
  const pairs = args[0];
  if (!isMap(pairs)) throw new ValueError(en`"replace" needs a map of search -> replacement, e.g. replace({'a': 'b'}), not ${aType(pairs)}.`);
  let s = str(input);
  for (const k of Object.keys(pairs)) if (k !== '') s = s.split(k).join(stringValueOf(pairs[k]));
  return s;
}

function first(input: unknown): unknown {
  if (typeof input === 'string') return input.length ? input[0] : null;
  if (Array.isArray(input)) return input.length ? input[0] : null;
  return null;
}

function last(input: unknown): unknown {
  if (typeof input === 'string') return input.length ? input[input.length - 1] : null;
  if (Array.isArray(input)) return input.length ? input[input.length - 1] : null;
  return null;
}

function length(input: unknown): number {
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  if (isMap(input)) return Object.keys(input).length;
  return 0;
}

export const FILTER_IMPLS: Readonly<Record<string, FilterFn>> = {
  abbreviate: (input, args) => {
    if (input === null || input === undefined) return null;
    const s = str(input);
    const max = Math.trunc(num(args[0], en`The abbreviate length`));
    if (max < 0) throw new ValueError(en`The abbreviate length must not be negative.`);
    if (s.length < max || s.length <= 3) return s;
    if (max <= 3) return s.slice(0, max);
    return s.slice(0, max - 3) + '...';
  },
  abs: (input) => (input === null || input === undefined ? null : Math.abs(num(input, en`The input of "abs"`))),
  added: (input) => filterSegments(input, ADDED, en`The "added" filter`),
  base64decode,
  base64encode: nullSafe((s) => Buffer.from(s, 'utf8').toString('base64')),
  capitalize: nullSafe((s) => (s.length ? toUpperFirst(s[0]!) + s.slice(1) : s)),
  date,
  default: (input, args) => (isEmpty(input) ? args[0] : input),
  escape: (input, args) => {
    if (input === null || input === undefined) return null;
    return escape(str(input), optString(args[0], en`The escaping strategy`) ?? 'html');
  },
  first,
  join: (input, args) => {
    if (input === null || input === undefined) return null;
    const sep = args[0] === undefined || args[0] === null ? '' : str(args[0]);
    if (Array.isArray(input)) return input.map(stringValueOf).join(sep);
    if (isMap(input)) return Object.keys(input).map((k) => stringValueOf(input[k])).join(sep);
    throw new ValueError(en`"join" needs a list, not ${aType(input)}.`);
  },
  last,
  length,
  lower: nullSafe((s) => s.toLowerCase()),
  merge,
  nl2br,
  numberformat: (input, args) => {
    if (input === null || input === undefined) return null;
    const n = num(input, en`The input of "numberformat"`);
    const format = optString(args[0], en`The number format`);
    return format === undefined ? defaultNumberFormat(n) : decimalFormat(n, format);
  },
  raw: (input) => input,
  removed: (input) => filterSegments(input, REMOVED, en`The "removed" filter`),
  replace,
  reverse: (input) => {
    if (typeof input === 'string') return [...input].reverse().join('');
    if (Array.isArray(input)) return [...input].reverse();
    if (input === null || input === undefined) return null;
    throw new ValueError(en`"reverse" needs a list or a string, not ${aType(input)}.`);
  },
  rsort: (input) => sortList(input, 'rsort')?.reverse() ?? null,
  sha256: (input) => {
    if (input === null || input === undefined) return null;
    if (typeof input !== 'string') throw new ValueError(en`"sha256" hashes a string, not ${aType(input)}.`);
    return sha256Hex(input);
  },
  slice,
  sort: (input) => sortList(input, 'sort'),
  split: (input, args) => {
    if (input === null || input === undefined) return null;
    const delimiter = optString(args[0], en`The split delimiter`) ?? '';
    const limit = args[1] === undefined || args[1] === null ? 0 : Math.trunc(num(args[1], en`The split limit`));
    return javaSplit(str(input), delimiter, limit);
  },
  title: nullSafe((s) => {
    let out = '';
    let cap = true;
    for (const c of s) {
      if (/\s/.test(c)) cap = true;
      else if (cap) {
        out += toUpperFirst(c);
        cap = false;
        continue;
      }
      out += c;
    }
    return out;
  }),
  toJson: (input) => toJson(input),
  trim: nullSafe(javaTrim),
  upper: nullSafe((s) => s.toUpperCase()),
  urlencode: nullSafe(formEncode),
};

// Every name the parser accepts must have an implementation.
for (const name of Object.keys(FILTER_SPECS)) {
  if (!FILTER_IMPLS[name]) throw new Error(`filter ${name} has no implementation`);
}
