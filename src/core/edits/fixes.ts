/**
 * Quick fixes computed from a finding's `data` (each rule documents its shape) and the file's
 * current text. Pure: the language server turns the offsets into ranges, the CLI could apply them.
 *
 * Every edit goes through jsonc-parser's `modify` with the file's own indentation and line ending
 * (see style.ts), so a fix touches only the lines it must.
 */
import { en, type Text } from '../report/l10n';
import { modify, parseTree, findNodeAtLocation, type JSONPath, type Node } from 'jsonc-parser';
import { formatPointer, parsePointer } from '../json/pointer';
import { escapeJsonString } from '../json/string-offsets';
import { detectStyle, type FileStyle } from './style';
import { keyNodeAt, toJsonPath } from './json-path';
import type { TextEdit } from './text-edit';

export interface FixInput {
  code: string;
  pointer: string;
  data?: Record<string, unknown>;
  /** Offsets of the diagnostic in this text (used for fixes inside template strings). */
  start: number;
  end: number;
  /** Whether the diagnostic points inside a string value (an embedded template). */
  inner?: boolean;
}

export interface Fix {
  /** English template and arguments: the front end shows it with `say`, in its reader's language. */
  title: Text;
  edits: TextEdit[];
  preferred?: boolean;
}

const TRANSFORMATION = 'sha256(lower($))';
const ALREADY_HASHED = new Set(['Email_LC_SHA256', 'Phone_SHA256']);

function show(v: unknown): string {
  return typeof v === 'string' ? `\`${v}\`` : JSON.stringify(v);
}

class Editor {
  private tree: Node | undefined | null = null;
  readonly style: FileStyle;
  constructor(readonly text: string) {
    this.style = detectStyle(text);
  }
  root(): Node | undefined {
    if (this.tree === null) this.tree = parseTree(this.text, [], { allowTrailingComma: true }) ?? undefined;
    return this.tree;
  }
  path(pointer: string): JSONPath {
    return toJsonPath(this.root(), pointer);
  }
  set(path: JSONPath, value: unknown): TextEdit[] {
    return modify(this.text, path, value, { formattingOptions: this.style });
  }
  append(path: JSONPath, value: unknown): TextEdit[] {
    const node = this.root() ? findNodeAtLocation(this.root()!, path) : undefined;
    if (node?.type !== 'array') return this.set(path, [value]);
    return modify(this.text, [...path, node.children?.length ?? 0], value, { formattingOptions: this.style, isArrayInsertion: true });
  }
  node(path: JSONPath): Node | undefined {
    const r = this.root();
    return r ? findNodeAtLocation(r, path) : undefined;
  }
}

/** Several inserts into one object must be computed one after the other, on updated text. */
function sequential(text: string, steps: ((e: Editor) => TextEdit[])[]): TextEdit[] {
  let current = text;
  for (const step of steps) {
    const edits = step(new Editor(current));
    current = applyAll(current, edits);
  }
  if (current === text) return [];
  // One edit replacing the changed middle keeps the result exact and the diff minimal.
  let a = 0;
  while (a < text.length && a < current.length && text[a] === current[a]) a++;
  let b = 0;
  while (b < text.length - a && b < current.length - a && text[text.length - 1 - b] === current[current.length - 1 - b]) b++;
  return [{ offset: a, length: text.length - a - b, content: current.slice(a, current.length - b) }];
}

function applyAll(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.offset - x.offset)) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}

export function fixesFor(text: string, input: FixInput): Fix[] {
  const data = input.data ?? {};
  const ed = new Editor(text);
  const out: Fix[] = [];

  if (data.replacement !== undefined) {
    const r = data.replacement;
    if (input.inner && typeof r === 'string') {
      out.push({ title: en`Change to ${show(r)}`, edits: [{ offset: input.start, length: input.end - input.start, content: escapeJsonString(r) }], preferred: true });
    } else {
      out.push({ title: en`Change to ${show(r)}`, edits: ed.set(ed.path(input.pointer), r), preferred: true });
    }
  }
  if (Array.isArray(data.candidates)) {
    for (const c of data.candidates.slice(0, 5)) {
      if (typeof c === 'string') out.push({ title: en`Change to ${show(c)}`, edits: ed.set(ed.path(input.pointer), c) });
    }
  }
  const set = data.set as { pointer?: unknown; value?: unknown } | undefined;
  if (set && typeof set.pointer === 'string') {
    const name = parsePointer(set.pointer).pop() ?? '';
    out.push({ title: en`Set \`${name}\` to ${show(set.value)}`, edits: ed.set(ed.path(set.pointer), set.value), preferred: true });
  }
  if (typeof data.renameKey === 'string') {
    const key = keyNodeAt(ed.root(), ed.path(input.pointer));
    if (key) out.push({ title: en`Rename to ${show(data.renameKey)}`, edits: [{ offset: key.offset, length: key.length, content: JSON.stringify(data.renameKey) }], preferred: true });
  }
  if (data.insert !== undefined) {
    const base = parsePointer(input.pointer);
    if (typeof data.insert === 'string') {
      out.push({ title: en`Add \`${data.insert}\``, edits: ed.set(ed.path(formatPointer([...base, data.insert])), {}) });
    } else if (data.insert && typeof data.insert === 'object') {
      const entries = Object.entries(data.insert as Record<string, unknown>);
      const edits = sequential(text, entries.map(([k, v]) => (e: Editor) => e.set(e.path(formatPointer([...base, k])), v)));
      out.push({ title: en`Add ${entries.map(([k, v]) => `\`${k}\`: ${show(v)}`).join(', ')}`, edits, preferred: true });
    }
  }
  if (typeof data.insertKey === 'string') {
    const path = ['connection', 'customerData', data.insertKey];
    out.push({ title: en`Add \`${data.insertKey}\` to connection.customerData`, edits: ed.set(path, '') });
  }
  if (Array.isArray(data.fillNamespaces)) {
    const names = data.fillNamespaces.filter((n): n is string => typeof n === 'string');
    const base = ['identityNamespaces', 'pinterest_audience', 'acceptedGlobalNamespaces'];
    const edits = sequential(text, names.map((ns) => (e: Editor) => e.set([...base, ns], ALREADY_HASHED.has(ns) ? {} : { requiredTransformation: TRANSFORMATION })));
    out.push({ title: names.length > 1 ? en`Add the Pinterest namespaces ${names.join(', ')}` : en`Add the Pinterest namespace ${names.join(', ')}`, edits, preferred: true });
  }
  if (Array.isArray(data.addScopes)) {
    const scopes = data.addScopes.filter((s): s is string => typeof s === 'string');
    const path = ed.path(input.pointer);
    const last = path[path.length - 1];
    const node = ed.node(path);
    const edits = (last === 'scope' || last === 'scopes') && node?.type === 'array'
      ? sequential(text, scopes.map((s) => (e: Editor) => e.append(path, s)))
      : ed.set([...path, 'scope'], scopes);
    out.push({ title: scopes.length > 1 ? en`Add the scopes ${scopes.join(', ')}` : en`Add the scope ${scopes.join(', ')}`, edits, preferred: true });
  }
  if (data.insertPinterestIdentity === true) {
    out.push({
      title: en`Add the target identity \`pinterest_audience\``,
      edits: ed.set(['identityNamespaces', 'pinterest_audience'], {
        acceptsAttributes: false,
        acceptsCustomNamespaces: false,
        acceptedGlobalNamespaces: { Email: { requiredTransformation: TRANSFORMATION }, Email_LC_SHA256: {}, GAID: { requiredTransformation: TRANSFORMATION }, IDFA: { requiredTransformation: TRANSFORMATION } },
      }),
      preferred: true,
    });
  }
  if (data.insertField && typeof data.insertField === 'object') {
    const field = data.insertField as Record<string, unknown>;
    out.push({ title: en`Add the customer data field \`${String(field.name)}\``, edits: ed.append(['customerDataFields'], field), preferred: true });
  }
  if (typeof data.missingProperty === 'string' && typeof data.parent === 'string') {
    const value = data.placeholder !== undefined ? data.placeholder : '';
    out.push({ title: en`Add the missing property \`${data.missingProperty}\``, edits: ed.set(ed.path(formatPointer([...parsePointer(data.parent), data.missingProperty])), value) });
  }
  return out.filter((f) => f.edits.length > 0);
}

/** Adds `customerDataFields[]` entry `name` to a destination's text (PD303's fix, in another file). */
export function addCustomerDataField(destinationText: string, name: string): TextEdit[] {
  const ed = new Editor(destinationText);
  return ed.append(['customerDataFields'], { name, title: name, type: 'string', isRequired: true });
}
