/**
 * Reading a template around the caret, for completion and hover: whether the caret is inside
 * `{{ }}` or `{% %}`, the dotted path being typed, and the local names in scope (loop variables of
 * the enclosing `for` tags, names bound by `set`). Tolerant by design: the text is mid-edit.
 */
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

const TAG = /\{%-?\s*(for|endfor|set)\b([^%]*?)-?%\}/g;

export interface Scope {
  types: Record<string, TemplateType>;
  /** Loop variable → the path it iterates (for example values). */
  origins: Record<string, string[]>;
}

export function scopeAt(template: string, offset: number, globals: Record<string, TemplateType>): Scope {
  const scope: Record<string, TemplateType> = { ...globals };
  const origins: Record<string, string[]> = {};
  const stack: { name: string; previous: TemplateType | undefined; previousLoop: TemplateType | undefined }[] = [];
  const before = template.slice(0, offset);
  for (const m of before.matchAll(TAG)) {
    const [, tag, rest] = m;
    if (tag === 'for') {
      const f = /^\s*([A-Za-z_]\w*)\s+in\s+([A-Za-z_][\w.]*)/.exec(rest!);
      if (!f) continue;
      const iterable = typeAt(scope, f[2]!.split('.'));
      const name = f[1]!;
      stack.push({ name, previous: scope[name], previousLoop: scope.loop });
      scope[name] = iterable?.kind === 'array' ? iterable.of : iterable?.kind === 'object' && iterable.any ? iterable.any : { kind: 'any', name: 'any', doc: 'Loop item.' };
      scope.loop = LOOP;
      origins[name] = f[2]!.split('.');
    } else if (tag === 'endfor') {
      const s = stack.pop();
      if (!s) continue;
      if (s.previous) scope[s.name] = s.previous;
      else delete scope[s.name];
      if (!stack.some((x) => x.name === s.name)) delete origins[s.name];
      if (s.previousLoop) scope.loop = s.previousLoop;
      else delete scope.loop;
    } else {
      const s = /^\s*([A-Za-z_]\w*)\s*=\s*([A-Za-z_][\w.]*)?/.exec(rest!);
      if (!s) continue;
      scope[s[1]!] = (s[2] && typeAt(scope, s[2].split('.'))) || { kind: 'any', name: 'any', doc: `Set by \`{% set ${s[1]} %}\`.` };
    }
  }
  return { types: scope, origins };
}

export function caretIn(template: string, offset: number): TemplateCaret {
  const before = template.slice(0, offset);
  const open = Math.max(before.lastIndexOf('{{'), before.lastIndexOf('{%'));
  const close = Math.max(before.lastIndexOf('}}'), before.lastIndexOf('%}'));
  const words = /[A-Za-z_][\w]*(?:\.[A-Za-z_0-9]\w*)*\.?$|$/.exec(before)!;
  const typed = words[0];
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
