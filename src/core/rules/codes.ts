/**
 * Every finding code the core can emit: the text-level and schema codes (produced outside the rule
 * registry) and the code of every registered rule. Rule pages (docs/rules/), severity settings and
 * SARIF rule lists are all keyed by this list.
 */
import { SCHEMA_CODES } from '../schema/errors';
import { RULES } from './index';

export interface CodeInfo {
  readonly code: string;
  readonly title: string;
}

/** Codes no rule of the registry produces: the JSON text, the file, the schema, an internal error. */
const BASE: readonly CodeInfo[] = [
  { code: 'PD000', title: 'Internal error in a rule (other checks still ran)' },
  { code: 'PD001', title: 'JSON syntax as Adobe’s API reads it (no comments or trailing commas)' },
  { code: 'PD002', title: 'No byte order mark at the start of the file' },
  { code: 'PD003', title: 'The file is one of the four project kinds' },
  { code: 'PD004', title: 'The file can be read' },
  { code: 'PD005', title: 'No duplicate keys in an object' },
  { code: 'PD006', title: 'The file is UTF-8' },
  { code: 'PD007', title: 'No lone surrogate escapes in strings' },
  { code: SCHEMA_CODES.required, title: 'Required properties are present' },
  { code: SCHEMA_CODES.type, title: 'Values have the type the schema says' },
  { code: SCHEMA_CODES.enum, title: 'Values are one of the allowed values' },
  { code: SCHEMA_CODES.constraint, title: 'Values meet the schema’s constraints (length, range, pattern, count)' },
];

export const CODES: readonly CodeInfo[] = [...BASE, ...RULES.map((r) => ({ code: r.code, title: r.title }))];

export const CODE_SET: ReadonlySet<string> = new Set(CODES.map((c) => c.code));

/** The rule page's path relative to the extension's (or package's) root. */
export function rulePagePath(code: string, language = 'en'): string {
  return language === 'fr' ? `docs/rules/fr/${code}.md` : `docs/rules/${code}.md`;
}
