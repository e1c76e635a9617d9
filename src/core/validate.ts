/**
 * The validate step of the pipeline: syntax, schema, semantic and cross-file rules for every file
 * of a project, located in the text. Pure and synchronous; never throws on any input.
 */
import type { Diagnostic, Finding } from './diagnostics';
import { place } from './json/place';
import { en, said } from './report/l10n';
import type { FileKind } from './project/kinds';
import { asObject, type Project, type ProjectFile } from './project/project';
import { RULES, type Rule } from './rules';
import { applyRuleLevels, type RuleLevels } from './rules/severity';
import { SCHEMA_CODES, schemaFindings, withoutTypoCascade } from './schema/errors';
import { validatorFor } from './schema/schemas';

export interface FileReport {
  path: string;
  kind: FileKind | undefined;
  diagnostics: Diagnostic[];
}

export interface ValidateOptions {
  /** Defaults to every rule; the template checks plug in here. */
  rules?: readonly Rule[];
  /** Told when a rule throws (a bug), for the caller's log; the finding itself says only which rule. */
  onInternalError?: (rule: string, error: unknown) => void;
  /** Per-code severities (`off` removes a code), applied before one typo's findings are merged. */
  levels?: RuleLevels;
}

const SCHEMA_CODE_SET = new Set<string>(Object.values(SCHEMA_CODES));
const UNKNOWN_PROPERTY = 'PD014';

export function validateFile(project: Project, file: ProjectFile, options: ValidateOptions = {}): Diagnostic[] {
  return applyRuleLevels(findingsOf(project, file, options), options.levels ?? {});
}

function findingsOf(project: Project, file: ProjectFile, options: ValidateOptions): Diagnostic[] {
  const { doc } = file;
  const out: Diagnostic[] = [...doc.syntax];
  if (doc.value === undefined) return out;
  if (!file.kind) {
    out.push({ code: 'PD003', severity: 'warning', ...said(en`Not a destination project file: name it destination.json, destination-server.json, audience-template.json or activation.json (or *.<kind>.json).`), pointer: '', range: doc.range(0, 0) });
    return out;
  }
  const value = asObject(doc.value);
  if (!value) {
    out.push(place(doc, { code: SCHEMA_CODES.type, severity: 'error', ...said(en`A ${file.kind} file holds a JSON object.`), pointer: '' }));
    return out;
  }

  const validate = validatorFor(file.kind);
  validate(value);
  // While the text is broken (mid-edit), its recovered value is incomplete: report what is there
  // (wrong types, values, keys), not what seems missing or what other files would make of it.
  const broken = doc.syntax.some((d) => d.severity === 'error');
  const schema = schemaFindings(validate.errors, value).filter((f) => !broken || f.code !== SCHEMA_CODES.required);
  const semantic: Finding[] = [];
  const pinterest = project.targetsPinterest;
  const rules = options.rules ?? RULES;
  for (const rule of broken ? rules.filter((r) => r.code === UNKNOWN_PROPERTY) : rules) {
    if (!rule.kinds.includes(file.kind) || (rule.pinterestOnly && !pinterest)) continue;
    try {
      semantic.push(...rule.check({ file, value, project }));
    } catch (e) {
      // An exception's text can quote the file (an email, a token) or a local path: it goes to the
      // caller's log, and the finding says only which check failed.
      options.onInternalError?.(rule.code, e);
      semantic.push({ code: 'PD000', severity: 'error', ...said(en`Internal error in rule ${rule.code}: this check could not finish on this file; please report it. Other checks ran.`), pointer: '' });
    }
  }
  // A rule's specific message replaces the schema's generic one at the same place.
  const ruled = new Set(semantic.map((f) => f.pointer));
  // With PD014 off, the findings it would have replaced stay: a typo is never reported nowhere.
  const levelled = applyRuleLevels([...schema.filter((f) => !(SCHEMA_CODE_SET.has(f.code) && ruled.has(f.pointer))), ...semantic], options.levels ?? {});
  const findings = withoutTypoCascade(levelled, value);
  for (const f of findings) out.push(place(doc, f));
  return out.sort(byPosition);
}

export function validateProject(project: Project, options: ValidateOptions = {}): FileReport[] {
  return project.files.map((file) => ({ path: file.path, kind: file.kind, diagnostics: validateFile(project, file, options) }));
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
