/** What a rule is: one check, one stable code, one file (and one test file). */
import type { Finding, Severity } from '../diagnostics';
import type { FileKind } from '../project/kinds';
import { said, type Text } from '../report/l10n';
import type { Json, Project, ProjectFile } from '../project/project';

export interface RuleContext {
  readonly file: ProjectFile;
  /** The file's value; rules run only on files whose value is a JSON object. */
  readonly value: Json;
  readonly project: Project;
}

export interface Rule {
  readonly code: string;
  /** One line for documentation and `pindest rules`. */
  readonly title: string;
  readonly severity: Severity;
  readonly kinds: readonly FileKind[];
  /** Applies only to projects that target Pinterest (see Project.targetsPinterest). */
  readonly pinterestOnly?: boolean;
  check(ctx: RuleContext): Finding[];
}

/** A finding with the rule's code and default severity filled in. */
export function finding(rule: Pick<Rule, 'code' | 'severity'>, pointer: string, message: Text, extra: Partial<Finding> = {}): Finding {
  return { code: rule.code, severity: rule.severity, ...said(message), pointer, ...extra };
}
