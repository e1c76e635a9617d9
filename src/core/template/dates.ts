/**
 * Dates for the `date` filter: Java SimpleDateFormat patterns (format and parse) and ISO-8601.
 *
 * Pebble's date filter formats with SimpleDateFormat; Adobe's servers run in UTC, so UTC is the
 * default zone. Parsing follows SimpleDateFormat's lenient habits where they change results:
 * trailing input is ignored, out-of-range fields roll over, and `S` counts milliseconds
 * (so ".828461" adds 828461 ms, as Java does).
 */
import { en } from '../report/l10n';
import { ValueError } from './errors';

type Part = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; count: number };

const LETTERS = new Set('GyYMLdDEuaHkKhmsSzZX'.split(''));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMERIC = new Set('yYMLdDuHkKhmsS'.split(''));

const patternCache = new Map<string, Part[]>();

export function compilePattern(pattern: string): Part[] {
  const cached = patternCache.get(pattern);
  if (cached) return cached;
  const parts: Part[] = [];
  let i = 0;
  const literal = (text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else parts.push({ kind: 'literal', text });
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        literal("'");
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end === -1) throw new ValueError(en`Unterminated quote in date pattern "${pattern}".`);
      // '' inside a quoted section is one quote
      let text = pattern.slice(i + 1, end);
      let j = end;
      while (pattern[j + 1] === "'") {
        const next = pattern.indexOf("'", j + 2);
        if (next === -1) throw new ValueError(en`Unterminated quote in date pattern "${pattern}".`);
        text += "'" + pattern.slice(j + 2, next);
        j = next;
      }
      literal(text);
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      if (!LETTERS.has(c)) throw new ValueError(en`Unsupported letter "${c}" in date pattern "${pattern}".`);
      let j = i;
      while (pattern[j] === c) j++;
      parts.push({ kind: 'field', letter: c, count: j - i });
      i = j;
    } else {
      literal(c);
      i++;
    }
  }
  if (patternCache.size > 200) patternCache.clear();
  patternCache.set(pattern, parts);
  return parts;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return sign + pad(Math.floor(abs / 60), 2) + (colon ? ':' : '') + pad(abs % 60, 2);
}

/** Formats epoch milliseconds in a zone given as a fixed offset in minutes. */
export function formatDate(ms: number, pattern: string, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60000);
  if (Number.isNaN(d.getTime())) throw new ValueError(en`The date is out of range.`);
  let out = '';
  for (const p of compilePattern(pattern)) {
    if (p.kind === 'literal') {
      out += p.text;
      continue;
    }
    const n = p.count;
    switch (p.letter) {
      case 'G': out += d.getUTCFullYear() > 0 ? 'AD' : 'BC'; break;
      case 'y': case 'Y': {
        const y = d.getUTCFullYear();
        out += n === 2 ? pad(y % 100, 2) : pad(y, n);
        break;
      }
      case 'M': case 'L': {
        const m = d.getUTCMonth();
        out += n >= 4 ? MONTHS[m] : n === 3 ? MONTHS[m]!.slice(0, 3) : pad(m + 1, n);
        break;
      }
      case 'd': out += pad(d.getUTCDate(), n); break;
      case 'D': {
        const start = Date.UTC(d.getUTCFullYear(), 0, 1);
        out += pad(Math.floor((d.getTime() - start) / 86400000) + 1, n);
        break;
      }
      case 'E': out += n >= 4 ? DAYS[d.getUTCDay()] : DAYS[d.getUTCDay()]!.slice(0, 3); break;
      case 'u': out += pad(d.getUTCDay() === 0 ? 7 : d.getUTCDay(), n); break;
      case 'a': out += d.getUTCHours() < 12 ? 'AM' : 'PM'; break;
      case 'H': out += pad(d.getUTCHours(), n); break;
      case 'k': out += pad(d.getUTCHours() === 0 ? 24 : d.getUTCHours(), n); break;
      case 'K': out += pad(d.getUTCHours() % 12, n); break;
      case 'h': out += pad(d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12, n); break;
      case 'm': out += pad(d.getUTCMinutes(), n); break;
      case 's': out += pad(d.getUTCSeconds(), n); break;
      case 'S': out += pad(d.getUTCMilliseconds(), n); break;
      case 'z': out += offsetMinutes === 0 ? 'UTC' : 'GMT' + offsetText(offsetMinutes, true); break;
      case 'Z': out += offsetText(offsetMinutes, false); break;
      case 'X':
        if (offsetMinutes === 0) out += 'Z';
        else out += n === 1 ? offsetText(offsetMinutes, false).slice(0, 3) : offsetText(offsetMinutes, n >= 3);
        break;
    }
  }
  return out;
}

/** Parses `text` with a SimpleDateFormat pattern; returns epoch milliseconds. */
export function parseDate(text: string, pattern: string): number {
  const parts = compilePattern(pattern);
  let pos = 0;
  let year = 1970, month = 0, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
  let pm: boolean | undefined;
  let offset: number | undefined;
  const fail = (): never => {
    throw new ValueError(en`Could not parse "${text}" as a date with the pattern "${pattern}".`);
  };

  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.kind === 'literal') {
      if (!text.startsWith(p.text, pos)) fail();
      pos += p.text.length;
      continue;
    }
    const next = parts[i + 1];
    const abutting = next?.kind === 'field' && NUMERIC.has(next.letter);
    if ((p.letter === 'M' || p.letter === 'L') && p.count >= 3) {
      const idx = MONTHS.findIndex((m) => startsWithWord(text, pos, m) || startsWithWord(text, pos, m.slice(0, 3)));
      if (idx === -1) fail();
      pos += startsWithWord(text, pos, MONTHS[idx]!) ? MONTHS[idx]!.length : 3;
      month = idx;
      continue;
    }
    if (p.letter === 'E') {
      const idx = DAYS.findIndex((m) => startsWithWord(text, pos, m) || startsWithWord(text, pos, m.slice(0, 3)));
      if (idx === -1) fail();
      pos += startsWithWord(text, pos, DAYS[idx]!) ? DAYS[idx]!.length : 3;
      continue;
    }
    if (p.letter === 'a') {
      const t = text.slice(pos, pos + 2).toUpperCase();
      if (t !== 'AM' && t !== 'PM') fail();
      pm = t === 'PM';
      pos += 2;
      continue;
    }
    if (p.letter === 'G') {
      const t = text.slice(pos, pos + 2).toUpperCase();
      if (t !== 'AD' && t !== 'BC') fail();
      pos += 2;
      continue;
    }
    if (p.letter === 'z' || p.letter === 'Z' || p.letter === 'X') {
      const m = /^(?:Z|(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?|UTC|GMT)/.exec(text.slice(pos));
      if (!m) fail();
      const [all, sign, hh, mm] = m!;
      offset = sign ? (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm ?? 0)) : 0;
      pos += all.length;
      continue;
    }
    // numeric field: exact width when the next field is numeric and abuts it, greedy otherwise
    let end = pos;
    if (text[end] === '-' || text[end] === '+') end++;
    const limit = abutting ? pos + p.count : text.length;
    while (end < limit && end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    const digits = text.slice(pos, end);
    if (!/\d/.test(digits)) fail();
    let value = Number(digits);
    pos = end;
    switch (p.letter) {
      case 'y': case 'Y':
        if (p.count <= 2 && digits.length === 2) value = twoDigitYear(value);
        year = value;
        break;
      case 'M': case 'L': month = value - 1; break;
      case 'd': day = value; break;
      case 'D': month = 0; day = value; break;
      case 'H': hour = value; break;
      case 'k': hour = value === 24 ? 0 : value; break;
      case 'K': hour = value; break;
      case 'h': hour = value === 12 ? 0 : value; break;
      case 'm': minute = value; break;
      case 's': second = value; break;
      case 'S': millis = value; break;
      case 'u': break;
    }
  }
  if (pm && hour < 12) hour += 12;
  const utc = Date.UTC(year, month, day, hour, minute, second, millis);
  const d = new Date(utc);
  if (year >= 0 && year < 100) d.setUTCFullYear(year); // Date.UTC maps 0-99 to 1900-1999
  return d.getTime() - (offset ?? 0) * 60000;
}

function startsWithWord(text: string, pos: number, word: string): boolean {
  return text.slice(pos, pos + word.length).toLowerCase() === word.toLowerCase();
}

// SimpleDateFormat puts a 2-digit year within 80 years before and 20 years after now.
function twoDigitYear(yy: number): number {
  const now = new Date().getUTCFullYear();
  const century = Math.floor((now - 80) / 100) * 100;
  let y = century + yy;
  if (y < now - 80) y += 100;
  return y;
}

const ISO = /^([+-]?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** ISO-8601 (`2022-02-08T18:34:24.000+0000`, `2021-10-26T16:59:00.828461Z`); no zone = UTC. */
export function parseIso(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms));
  if (Number(y) >= 0 && Number(y) < 100) date.setUTCFullYear(Number(y));
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    offset = (zm[1] === '-' ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3] ?? 0));
  }
  const t = date.getTime() - offset * 60000;
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Offset in minutes of a Java time-zone id at an instant: UTC/GMT/Z, GMT+2, GMT+02:00, +0200,
 * or an IANA id such as Europe/Paris. Java treats an unknown id as GMT; so does this.
 */
export function zoneOffset(zone: string, ms: number): number {
  const z = zone.trim();
  if (/^(UTC|GMT|Z|UT)$/i.test(z)) return 0;
  const m = /^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: z,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }).formatToParts(new Date(ms));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return Math.round((local - Math.floor(ms / 1000) * 1000) / 60000);
  } catch {
    return 0;
  }
}
