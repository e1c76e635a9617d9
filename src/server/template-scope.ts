/**
 * Reading a template around the caret, for completion and hover: whether the caret is inside
 * `{{ }}` or `{% %}`, the dotted path being typed, and the local names in scope (loop variables of
 * the enclosing `for` tags, names bound by `set`, from the core's scope walker over the parsed
 * template). Tolerant by design: the text is mid-edit.
 */
import { en } from '../core/report/l10n';
import { localsAt } from '../core/template/scope';
import { LOOP, typeAt, type TemplateType } from './template-model';

export interface TemplateCaret {
  /** Inside a print `{{` or a tag `{%`; undefined in plain text. */
  inside?: 'print' | 'tag';
  /** The identifier path before the caret (`input.prof` → ['input', 'prof']). */
  path: string[];
  /** Decoded offset where the last segment starts (replacement start). */
  segmentStart: number;
  /** After a `|`: a filter name is being typed. */
  filter: boolean;
  /** The first word of a tag is being typed. */
  tagName: boolean;
}

export interface Scope {
  types: Record<string, TemplateType>;
  /** Loop variable → the path it iterates (for example values). */
  origins: Record<string, string[]>;
}

/** The template's variables at `offset`: the globals and the locals the core's scope walker finds there. */
export function scopeAt(template: string, offset: number, globals: Record<string, TemplateType>): Scope {
  const types: Record<string, TemplateType> = { ...globals };
  const origins: Record<string, string[]> = {};
  for (const local of localsAt(template, offset)) {
    const from = local.from ? typeAt(types, local.from) : undefined;
    if (local.kind === 'loopState') types.loop = LOOP;
    else if (local.kind === 'loop') {
      types[local.name] = from?.kind === 'array' ? from.of : from?.kind === 'object' && from.any ? from.any : { kind: 'any', name: 'any', doc: en`Loop item.` };
      if (local.from) origins[local.name] = local.from;
      else delete origins[local.name];
    } else {
      types[local.name] = from ?? { kind: 'any', name: 'any', doc: en`Set by \`{% set ${local.name} %}\`.` };
      delete origins[local.name];
    }
  }
  return { types, origins };
}

const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);
const isIdentStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);

/** The dotted identifier typed just before `offset` (`input.prof`), found by one backward scan. */
function typedBefore(before: string): string {
  let s = before.length;
  while (s > 0 && (isWord(before[s - 1]) || before[s - 1] === '.')) s--;
  let typed = before.slice(s);
  const dots = typed.lastIndexOf('..');
  if (dots >= 0) typed = typed.slice(dots + 2);
  let i = 0;
  while (i < typed.length && !isIdentStart(typed[i])) i++;
  return typed.slice(i);
}

export function caretIn(template: string, offset: number): TemplateCaret {
  const before = template.slice(0, offset);
  const open = Math.max(before.lastIndexOf('{{'), before.lastIndexOf('{%'));
  const close = Math.max(before.lastIndexOf('}}'), before.lastIndexOf('%}'));
  const typed = typedBefore(before);
  const path = typed.split('.');
  const segmentStart = offset - path[path.length - 1]!.length;
  if (open < 0 || close > open) return { path, segmentStart, filter: false, tagName: false };
  const inside = before[open + 1] === '{' ? 'print' : 'tag';
  const lead = before.slice(open + 2, offset - typed.length);
  return {
    inside,
    path,
    segmentStart,
    filter: /\|\s*$/.test(lead),
    tagName: inside === 'tag' && /^-?\s*$/.test(lead),
  };
}

/** The identifier path under the caret, for hover: `input.profiles` when on `profiles`. */
export function pathAt(template: string, offset: number): { path: string[]; start: number; end: number } | undefined {
  const isWord = (c: string | undefined) => c !== undefined && /[\w.]/.test(c);
  let s = offset;
  while (s > 0 && isWord(template[s - 1])) s--;
  let e = offset;
  while (e < template.length && /\w/.test(template[e]!)) e++;
  const chain = template.slice(s, e).replace(/^\.+/, '');
  if (!/^[A-Za-z_]/.test(chain)) return undefined;
  return { path: chain.split('.').filter(Boolean), start: s, end: e };
}
