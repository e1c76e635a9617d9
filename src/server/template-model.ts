/**
 * What a template can read, as a small structural type model built from the one catalogue of
 * template variables (core/template/variables.ts), filled in with this project's facts (its target
 * identities, customer data fields, audience namespaces and ids). Completion and hover walk it.
 */
import { en, say, type Text } from '../core/report/l10n';
import { serverTr } from './l10n';
import { asArray, asObject, asString, type Project } from '../core/project/project';
import type { FileKind } from '../core/project/kinds';
import { customerDataFieldNames } from '../core/rules/facts';
import { TEMPLATE_VARIABLES, type EntryKey, type VariableSpec } from '../core/template/variables';

export type TemplateType =
  | { kind: 'object'; name: string; doc: Doc; fields: Record<string, TemplateType>; any?: TemplateType }
  | { kind: 'array'; name: string; doc: Doc; of: TemplateType }
  | { kind: 'string' | 'number' | 'boolean' | 'any'; name: string; doc: Doc };

/** A fixed English sentence (translated by docText, keyed by the sentence) or a message. */
export type Doc = string | Text;

const obj = (name: string, doc: Doc, fields: Record<string, TemplateType>, any?: TemplateType): TemplateType => ({ kind: 'object', name, doc, fields, any });
const arr = (name: string, doc: Doc, of: TemplateType): TemplateType => ({ kind: 'array', name, doc, of });

export function typeLabel(t: TemplateType): string {
  return t.kind === 'array' ? say(en`list of ${t.of.name}`, serverTr()) : t.name;
}

function projectFacts(project: Project | undefined): { targets: string[]; fields: string[]; audienceNamespaces: string[]; audienceIds: string[] } {
  const dest = asObject(project?.ofKind('destination')[0]?.doc.value);
  const targets = Object.keys(asObject(dest?.identityNamespaces) ?? {});
  const fields = dest ? [...customerDataFieldNames(dest)] : [];
  const namespaces = new Set(['ups']);
  const ids = new Set<string>();
  for (const a of project?.ofKind('activation') ?? []) {
    for (const x of asArray(asObject(a.doc.value)?.audiences)) {
      const ns = asString(asObject(x)?.namespace);
      const id = asString(asObject(x)?.id);
      if (ns) namespaces.add(ns);
      if (id) ids.add(id);
    }
  }
  return { targets: targets.length ? targets : ['pinterest_audience'], fields, audienceNamespaces: [...namespaces], audienceIds: [...ids] };
}

function keysFor(key: EntryKey, facts: ReturnType<typeof projectFacts>): string[] {
  switch (key) {
    case 'target':
      return facts.targets;
    case 'namespace':
      return facts.audienceNamespaces;
    case 'audience':
      return facts.audienceIds;
    case 'field':
      return facts.fields;
    default:
      return [];
  }
}

/** A catalogue entry as a type, its maps' keys filled in with the project's facts. */
function toType(spec: VariableSpec, facts: ReturnType<typeof projectFacts>): TemplateType {
  if (spec.kind === 'array') return arr(spec.items?.type ?? 'any', spec.doc, spec.items ? toType(spec.items, facts) : { kind: 'any', name: 'any', doc: '' });
  if (spec.kind !== 'object') return { kind: spec.kind, name: spec.type, doc: spec.doc };
  const fields = Object.fromEntries(Object.entries(spec.fields ?? {}).map(([k, v]) => [k, toType(v, facts)]));
  if (!spec.entries) return obj(spec.type, spec.doc, fields);
  const of = toType(spec.entries.of, facts);
  for (const k of keysFor(spec.entries.key, facts)) fields[k] = of;
  return obj(spec.type, spec.doc, fields, of);
}

/** The template variables of a file kind, from the one catalogue (core/template/variables.ts). */
export function globalsFor(kind: FileKind | undefined, project: Project | undefined): Record<string, TemplateType> {
  const facts = projectFacts(project);
  const slot = kind === 'audience-template' ? 'audience' : 'server';
  return Object.fromEntries(Object.entries(TEMPLATE_VARIABLES[slot]).map(([name, spec]) => [name, toType(spec, facts)]));
}

export const LOOP: TemplateType = obj('Loop', en`The loop's state.`, {
  index: { kind: 'number', name: 'number', doc: en`0-based iteration.` },
  length: { kind: 'number', name: 'number', doc: en`Number of items.` },
  first: { kind: 'boolean', name: 'boolean', doc: en`True on the first iteration.` },
  last: { kind: 'boolean', name: 'boolean', doc: en`True on the last iteration.` },
  revindex: { kind: 'number', name: 'number', doc: en`Iterations left.` },
});

/** The type at a path, or undefined when the model does not know it. */
export function typeAt(scope: Record<string, TemplateType>, path: string[]): TemplateType | undefined {
  let t: TemplateType | undefined = scope[path[0]!];
  for (const seg of path.slice(1)) {
    if (!t) return undefined;
    if (t.kind === 'object') t = t.fields[seg] ?? t.any;
    else if (t.kind === 'array' && /^\d+$/.test(seg)) t = t.of;
    else return undefined;
  }
  return t;
}

export function membersOf(t: TemplateType | undefined): [string, TemplateType][] {
  return t?.kind === 'object' ? Object.entries(t.fields) : [];
}
