/**
 * The value model. Template data is JSON data: plain objects are Pebble maps, arrays are lists.
 * Printing follows Adobe's Pebble fork, whose data are Jackson nodes: scalars print raw, numbers
 * like Java, maps and lists as compact JSON, null as nothing.
 */
import type { Expr } from './ast';
import { en, type Text } from '../report/l10n';

/** One entry of a map being iterated: `{% for e in map %}{{ e.key }}={{ e.value }}`. */
export class MapEntry {
  constructor(
    readonly key: string,
    readonly value: unknown,
  ) {}

  // Jackson writes a Map.Entry as a one-key object.
  toJSON(): Record<string, unknown> {
    const o: Record<string, unknown> = Object.create(null);
    o[this.key] = this.value;
    return o;
  }
}

/** `loop` inside a for: one object per loop run, updated in place for each iteration. */
export class LoopInfo {
  index = 0;
  revindex = 0;
  first = true;
  last = false;
  length = 0;
}

export type PebbleMap = Record<string, unknown>;

export function isMap(v: unknown): v is PebbleMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof MapEntry);
}

/** A fresh map that cannot be poisoned by a "__proto__" key. */
export function newMap(): PebbleMap {
  return Object.create(null) as PebbleMap;
}

export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'list';
  if (v instanceof MapEntry) return 'map entry';
  if (typeof v === 'object') return 'map';
  return typeof v;
}

// The type names of errors, as messages so that a front end can translate them.
const A_TYPE: Readonly<Record<string, Text>> = {
  null: en`a null`,
  list: en`a list`,
  'map entry': en`a map entry`,
  map: en`a map`,
  string: en`a string`,
  number: en`a number`,
  boolean: en`a boolean`,
};
const TYPE: Readonly<Record<string, Text>> = {
  null: en`null`,
  list: en`list`,
  'map entry': en`map entry`,
  map: en`map`,
  string: en`string`,
  number: en`number`,
  boolean: en`boolean`,
};

/** "a list", "a map", … for a type name (typeName's or typeof's). */
export function aTypeNamed(name: string): Text {
  return A_TYPE[name] ?? en`a ${name}`;
}

/** "a list", "a map", … for `v`: typeName with its article, translatable. */
export function aType(v: unknown): Text {
  return aTypeNamed(typeName(v));
}

/** typeName(v), translatable. */
export function typeText(v: unknown): Text | string {
  const t = typeName(v);
  return TYPE[t] ?? t;
}

/** Java's Double.toString for non-integers; integers print without ".0". */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) return String(n);
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
  return (mantissa.includes('.') ? mantissa : mantissa + '.0') + 'E' + (exponent.startsWith('+') ? exponent.slice(1) : exponent);
}

export function toJson(v: unknown): string {
  if (v === undefined) return 'null';
  return JSON.stringify(v) ?? 'null';
}

/** What `{{ v }}` writes. */
export function toOutput(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof MapEntry) return v.key + '=' + toOutput(v.value);
  if (typeof v === 'object') return toJson(v);
  return String(v);
}

/** Java's String.valueOf: like toOutput but null is "null" (used by `+` on strings and join). */
export function stringValueOf(v: unknown): string {
  return v === null || v === undefined ? 'null' : toOutput(v);
}

/** Pebble's EmptyTest: null, a blank string, an empty list or map. */
export function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return javaTrim(v).length === 0;
  if (Array.isArray(v)) return v.length === 0;
  if (isMap(v)) {
    for (const _ in v) return false;
    return true;
  }
  return false;
}

/** Java's String.trim: strips characters up to U+0020 only. */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && s.charCodeAt(end - 1) <= 32) end--;
  return s.slice(start, end);
}

/** Pebble's equals: numbers by value, everything else structurally (Java equals on lists/maps). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === null || b === null) return a === b;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof MapEntry || b instanceof MapEntry) {
    return a instanceof MapEntry && b instanceof MapEntry && a.key === b.key && deepEqual(a.value, b.value);
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!deepEqual((a as PebbleMap)[k], (b as PebbleMap)[k])) return false;
  }
  return true;
}

/** Names that plain objects inherit; reading them must not leak Object.prototype members. */
export function isInheritedName(key: string): boolean {
  return key in Object.prototype;
}

/**
 * `obj.key` / `obj[key]` in non-strict mode: anything missing is null, never an error.
 * Lists take numeric indexes (and Java's `size`); map entries expose key and value.
 */
export function getMember(obj: unknown, key: unknown): unknown {
  if (obj === null || typeof obj !== 'object') return null;
  if (Array.isArray(obj)) {
    if (typeof key === 'number') return Number.isInteger(key) ? (obj[key] ?? null) : null;
    if (typeof key === 'string') {
      if (/^[0-9]+$/.test(key)) return obj[Number(key)] ?? null;
      if (key === 'size' || key === 'length') return obj.length;
    }
    return null;
  }
  if (obj instanceof MapEntry) {
    if (key === 'key') return obj.key;
    if (key === 'value') return obj.value ?? null;
    return null;
  }
  if (typeof key !== 'string') {
    if (typeof key !== 'number' && typeof key !== 'boolean') return null;
    key = String(key);
  }
  const k = key as string;
  if (!Object.prototype.hasOwnProperty.call(obj, k)) return null;
  const v = (obj as PebbleMap)[k];
  return v === undefined ? null : v;
}

/** Fast path for a member name known at compile time not to be inherited from Object.prototype. */
export function getOwnName(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== 'object') return null;
  if (Array.isArray(obj) || obj instanceof MapEntry) return getMember(obj, key);
  const v = (obj as PebbleMap)[key];
  return v === undefined ? null : v;
}

/**
 * `a.b.c` split into the object it starts from and its run of static, non-inherited names
 * (`['b', 'c']`), which both render paths read with `getOwnName`. Shared so the generated-function
 * path and the evaluator split a chain identically.
 */
export function staticMemberChain(e: Expr): { base: Expr; keys: string[] } {
  const keys: string[] = [];
  let node: Expr = e;
  while (node.type === 'member' && node.key.type === 'literal' && typeof node.key.value === 'string' && !isInheritedName(node.key.value)) {
    keys.unshift(node.key.value);
    node = node.object;
  }
  return { base: node, keys };
}
