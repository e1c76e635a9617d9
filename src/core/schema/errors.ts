/**
 * Maps ajv's errors to findings a person can act on. Union schemas (anyOf/oneOf) make ajv report
 * every branch; only the branch that came closest is kept, so one mistake gives one message.
 */
import type { ErrorObject } from 'ajv';
import type { Finding } from '../diagnostics';
import { childPointer, parsePointer, formatPointer, valueAt } from '../json/pointer';
import { listOf, suggest } from '../text/suggest';

export const SCHEMA_CODES = {
  required: 'PD010',
  type: 'PD011',
  enum: 'PD012',
  constraint: 'PD013',
} as const;

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  return 'a ' + typeof v;
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? 'an ' + t : 'a ' + t;
}

function name(pointer: string): string {
  const last = pointer.split('/').pop() ?? '';
  return pointer === '' ? 'The document' : /^\d+$/.test(last) ? `Item ${last}` : '`' + last.replace(/~1/g, '/').replace(/~0/g, '~') + '`';
}

/** Keeps, for each union, the errors of the branch with the fewest errors. */
function pruneUnions(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  let kept = errors.filter((e) => e.keyword !== 'if');
  for (const u of unions) {
    if (u.keyword === 'oneOf' && (u.params as { passingSchemas?: unknown }).passingSchemas) continue;
    const prefix = u.schemaPath + '/';
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of kept) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    if (byBranch.size === 0) continue;
    const best = [...byBranch.values()].sort((a, b) => a.length - b.length)[0]!;
    kept = kept.filter((e) => e === u ? false : !e.schemaPath.startsWith(prefix) || best.includes(e));
  }
  return kept;
}

export function schemaFindings(errors: ErrorObject[] | null | undefined, root: unknown): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of pruneUnions(errors ?? [])) {
    const f = toFinding(e, root);
    if (!f) continue;
    const key = f.pointer + '\0' + f.message;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

function toFinding(e: ErrorObject, root: unknown): Finding | undefined {
  const p = e.instancePath;
  const value = valueAt(root, p);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return {
        code: SCHEMA_CODES.required,
        severity: 'error',
        message: `Missing required property \`${missing}\`${p ? ' in ' + name(p) : ''}.`,
        pointer: childPointer(p, missing),
        data: { missingProperty: missing, parent: p },
      };
    }
    case 'type': {
      const expected = String(params.type).split(',').map(article).join(' or ');
      return { code: SCHEMA_CODES.type, severity: 'error', message: `${name(p)} must be ${expected}, not ${typeName(value)}.`, pointer: p };
    }
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue]) ?? [];
      const strings = allowed.filter((a): a is string => typeof a === 'string');
      const hint = typeof value === 'string' ? suggest(value, strings) : undefined;
      const shown = typeof value === 'string' ? '`' + value + '`' : JSON.stringify(value);
      return {
        code: SCHEMA_CODES.enum,
        severity: 'error',
        // An empty string has nothing to quote: "`` is not allowed" reads as a rendering bug.
        message: value === '' ? `${name(p)} is empty; use ${listOf(allowed)}.` : hint
          ? `${shown} is not an allowed value of ${name(p)}; did you mean \`${hint}\`? Values are case-sensitive.`
          : `${shown} is not an allowed value of ${name(p)}; use ${listOf(allowed)}.`,
        pointer: p,
        data: hint ? { replacement: hint } : { allowed },
      };
    }
    case 'additionalProperties':
      return {
        code: 'PD014',
        severity: 'warning',
        message: `Unknown property \`${String(params.additionalProperty)}\`.`,
        pointer: childPointer(p, String(params.additionalProperty)),
        at: 'key',
      };
    case 'anyOf':
    case 'oneOf':
      return { code: SCHEMA_CODES.constraint, severity: 'error', message: `${name(p)} does not match any allowed shape.`, pointer: p };
    default:
      return { code: SCHEMA_CODES.constraint, severity: 'error', message: `${name(p)} ${constraintMessage(e)}.`, pointer: p };
  }
}

function constraintMessage(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'minItems':
      return params.limit === 1 ? 'must not be empty' : `must have at least ${String(params.limit)} items`;
    case 'maxItems':
      return `must have at most ${String(params.limit)} items`;
    case 'pattern':
      return `must match the pattern \`${String(params.pattern)}\``;
    case 'format':
      return `must be a valid ${String(params.format)}`;
    case 'uniqueItems':
      return `must not repeat items (items ${String(params.j)} and ${String(params.i)} are the same)`;
    default:
      return e.message ?? 'is not valid';
  }
}

/**
 * One typo, one finding: a misspelt key gets PD014's "did you mean" with its rename fix, so what
 * the key's absence causes (the schema's "missing required property", a rule's "must set") is
 * dropped while the near miss is there. Renaming the key brings back whatever still applies.
 */
export function withoutTypoCascade<F extends Finding>(findings: F[], value: unknown): F[] {
  const meant = new Set<string>();
  for (const f of findings) {
    const hint = f.code === 'PD014' ? f.data?.renameKey : undefined;
    if (typeof hint !== 'string') continue;
    const target = formatPointer([...parsePointer(f.pointer).slice(0, -1), hint]);
    if (valueAt(value, target) === undefined) meant.add(target);
  }
  if (meant.size === 0) return findings;
  // Below an absent key there is nothing either: what points there is about the absence too.
  const about = (pointer: string) => [...meant].some((m) => pointer === m || pointer.startsWith(m + '/'));
  return findings.filter((f) => f.code === 'PD014' || !about(f.pointer));
}
