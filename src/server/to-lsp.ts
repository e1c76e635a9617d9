/**
 * Core diagnostics to LSP diagnostics: code, source `pindest`, and in `data` the JSON pointer and
 * the finding's fix data, so code actions can be computed from the diagnostic alone.
 *
 * PD001 (JSON syntax) is dropped for documents VS Code's built-in JSON support also validates
 * (language id `json`; for `jsonc` only comments and trailing commas, which that mode accepts but
 * Adobe's API rejects, are kept): the built-in server already underlines every syntax error, and
 * one mistake must give one entry in Problems, not two.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { SOURCE, type Diagnostic } from '../core/diagnostics';
import { localize } from './l10n';

export interface DiagnosticData {
  pointer: string;
  at?: 'key' | 'value';
  inner?: boolean;
  fix?: Record<string, unknown>;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;
const SYNTAX = 'PD001';

export function keepForLanguage(d: Diagnostic, languageId: string): boolean {
  if (d.code !== SYNTAX) return true;
  if (languageId === 'json') return false;
  if (languageId === 'jsonc') return /comment|trailing comma/i.test(d.message);
  return true;
}

/** `uri` is the document's: related places of a core finding are in the same file. `page`: the code's rule page. */
export function toLsp(d: Diagnostic, uri?: string, page?: string): LspDiagnostic {
  const data: DiagnosticData = { pointer: d.pointer };
  if (d.at) data.at = d.at;
  if (d.inner) data.inner = true;
  if (d.data) data.fix = d.data;
  const out: LspDiagnostic = { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: SOURCE, message: localize(d.text, d.message), data };
  if (page) out.codeDescription = { href: page };
  if (uri && d.related?.length) out.relatedInformation = d.related.map((r) => ({ location: { uri, range: r.range }, message: localize(r.text, r.message) }));
  return out;
}
