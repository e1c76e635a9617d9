/**
 * Maps ajv's errors to findings a person can act on. Union schemas (anyOf/oneOf) make ajv report
 * every branch; only the branch that came closest is kept, so one mistake gives one message.
 */
import type { ErrorObject } from 'ajv';
import type { Finding } from '../diagnostics';
import { childPointer, parsePointer, formatPointer, valueAt } from '../json/pointer';
import { en, said, type Text } from '../report/l10n';
import { listText, suggest } from '../text/suggest';

export const SCHEMA_CODES = {
  required: 'PD010',
  type: 'PD011',
  enum: 'PD012',
  constraint: 'PD013',
} as const;

function typeName(v: unknown): Text {
  if (v === null) return en`null`;
  if (Array.isArray(v)) return en`an array`;
  if (typeof v === 'object') return en`an object`;
  if (typeof v === 'string') return en`a string`;
  if (typeof v === 'number') return Number.isInteger(v) ? en`an integer` : en`a number`;
  return typeof v === 'boolean' ? en`a boolean` : en`a ${typeof v}`;
}

/** A JSON schema type with its article: ajv's type names, each a phrase to translate. */
function article(t: string): Text {
  switch (t) {
    case 'object': return en`an object`;
    case 'array': return en`an array`;
    case 'string': return en`a string`;
    case 'number': return en`a number`;
    case 'integer': return en`an integer`;
    case 'boolean': return en`a boolean`;
    case 'null': return en`a null`;
    default: return /^[aeiou]/.test(t) ? en`an ${t}` : en`a ${t}`;
  }
}

function name(pointer: string): Text {
  const last = pointer.split('/').pop() ?? '';
  return pointer === '' ? en`The document` : /^\d+$/.test(last) ? en`Item ${last}` : en`\`${last.replace(/~1/g, '/').replace(/~0/g, '~')}\``;
}

/** `types` joined by "or", each with its article. */
function oneOf(types: string[]): Text {
  return types.slice(1).reduce<Text>((all, t) => en`${all} or ${article(t)}`, article(types[0]!));
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
        ...said(p ? en`Missing required property \`${missing}\` in ${name(p)}.` : en`Missing required property \`${missing}\`.`),
        pointer: childPointer(p, missing),
        data: { missingProperty: missing, parent: p },
      };
    }
    case 'type': {
      const expected = oneOf(String(params.type).split(','));
      return { code: SCHEMA_CODES.type, severity: 'error', ...said(en`${name(p)} must be ${expected}, not ${typeName(value)}.`), pointer: p };
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
        ...said(value === '' ? en`${name(p)} is empty; use ${listText(allowed)}.` : hint
          ? en`${shown} is not an allowed value of ${name(p)}; did you mean \`${hint}\`? Values are case-sensitive.`
          : en`${shown} is not an allowed value of ${name(p)}; use ${listText(allowed)}.`),
        pointer: p,
        data: hint ? { replacement: hint } : { allowed },
      };
    }
    case 'additionalProperties':
      return {
        code: 'PD014',
        severity: 'warning',
        ...said(en`Unknown property \`${String(params.additionalProperty)}\`.`),
        pointer: childPointer(p, String(params.additionalProperty)),
        at: 'key',
      };
    case 'anyOf':
    case 'oneOf':
      return { code: SCHEMA_CODES.constraint, severity: 'error', ...said(en`${name(p)} does not match any allowed shape.`), pointer: p };
    default:
      return { code: SCHEMA_CODES.constraint, severity: 'error', ...said(en`${name(p)} ${constraintMessage(e)}.`), pointer: p };
  }
}

function constraintMessage(e: ErrorObject): Text {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return en`must be ${String(params.comparison)} ${String(params.limit)}`;
    case 'minLength':
      return params.limit === 1 ? en`must not be empty` : en`must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return en`must be at most ${String(params.limit)} characters long`;
    case 'minItems':
      return params.limit === 1 ? en`must not be empty` : en`must have at least ${String(params.limit)} items`;
    case 'maxItems':
      return en`must have at most ${String(params.limit)} items`;
    case 'pattern':
      return en`must match the pattern \`${String(params.pattern)}\``;
    case 'format':
      return en`must be a valid ${String(params.format)}`;
    case 'uniqueItems':
      return en`must not repeat items (items ${String(params.j)} and ${String(params.i)} are the same)`;
    default:
      return e.message ? en`${e.message}` : en`is not valid`;
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
