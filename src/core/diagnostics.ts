/**
 * The one shape every finding of the core takes, whatever produced it (JSON syntax, schema,
 * semantic rule, cross-file rule, template check). Front ends only translate it.
 */
import type { Text } from './report/l10n';

export type Severity = 'error' | 'warning' | 'info';

/** 0-based, as in LSP. `character` counts UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** What a rule reports: where (a JSON pointer into the file's value) and what. */
export interface Finding {
  /** Stable code, `PD` + number. */
  code: string;
  severity: Severity;
  /** One or two sentences: what is wrong and what to do. */
  message: string;
  /** `message` as its template and arguments, for a front end that shows it in another language. */
  text?: Text;
  /** RFC 6901 pointer of the offending node; '' is the whole document. */
  pointer: string;
  /** Point at the property name rather than its value (e.g. an unknown key). */
  at?: 'key' | 'value';
  /**
   * For findings inside a string value (an embedded template): the offset and length within the
   * decoded string, mapped to the exact characters of the JSON text when located.
   */
  inner?: { offset: number; length: number };
  /** Input for the finding's quick fix. */
  data?: Record<string, unknown>;
}

/** A located finding. */
export interface Diagnostic extends Finding {
  range: Range;
  /** Other places in the same file that belong to this finding (e.g. the other duplicate key). */
  related?: { message: string; text?: Text; range: Range }[];
}

export const SOURCE = 'pindest';
