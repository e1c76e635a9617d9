/**
 * Code actions: each quick fix is computed from the diagnostic's own data (the finding's fix data
 * and pointer, see to-lsp.ts) by the core's edits module, against the document's current text. The
 * one cross-file fix (a missing customerDataFields entry for `customerData.X` in a template) edits
 * the destination file. Escape/unescape of `httpTemplate.requestBody.value` are refactors offered at
 * the caret.
 */
import { en, say } from '../core/report/l10n';
import { serverTr } from './l10n';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { addCustomerDataField, fixesFor, type Fix } from '../core/edits/fixes';
import { escapeTemplate, unescapeTemplate } from '../core/edits/template-escape';
import type { TextEdit } from '../core/edits/text-edit';
import { SOURCE } from '../core/diagnostics';
import { destinationsFor } from '../core/rules/facts';
import { caretAt } from './cursor';
import type { DiagnosticData } from './to-lsp';
import { uriOf, type Workspace } from './workspace';

const BODY = ['httpTemplate', 'requestBody', 'value'];

function toLsp(doc: TextDocument, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.content }));
}

/** The core's fixes of one of our diagnostics, against the document's current text. */
function coreFixes(doc: TextDocument, d: Diagnostic): Fix[] {
  if (d.source !== SOURCE || !d.data || typeof d.data !== 'object') return [];
  const data = d.data as DiagnosticData;
  return fixesFor(doc.getText(), { code: String(d.code), pointer: data.pointer ?? '', data: data.fix ?? {}, start: doc.offsetAt(d.range.start), end: doc.offsetAt(d.range.end), inner: data.inner });
}

function quickFixes(workspace: Workspace, doc: TextDocument, d: Diagnostic): CodeAction[] {
  if (d.source !== SOURCE || !d.data || typeof d.data !== 'object') return [];
  const fix = (d.data as DiagnosticData).fix ?? {};
  const out: CodeAction[] = coreFixes(doc, d).map((f) => ({
    title: say(f.title, serverTr()),
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: f.preferred,
    edit: { changes: { [doc.uri]: toLsp(doc, f.edits) } },
  }));
  if (typeof fix.addCustomerDataField === 'string') {
    const { project, file } = workspace.projectOf(doc);
    const destination = destinationsFor(file, project)[0];
    const current = destination ? workspace.textOf(destination.path) : undefined;
    if (destination && current) {
      const destDoc = TextDocument.create(uriOf(destination.path), 'json', current.version ?? 0, current.text);
      const edit: WorkspaceEdit = { changes: { [destDoc.uri]: toLsp(destDoc, addCustomerDataField(current.text, fix.addCustomerDataField)) } };
      out.push({ title: say(en`Add \`${fix.addCustomerDataField}\` to the destination's customerDataFields`, serverTr()), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit });
    }
  }
  return out;
}

function templateRefactors(workspace: Workspace, doc: TextDocument, params: CodeActionParams): CodeAction[] {
  const { file } = workspace.projectOf(doc);
  if (file.kind !== 'destination-server') return [];
  const text = doc.getText();
  const caret = caretAt(text, doc.offsetAt(params.range.start));
  const inBody = BODY.every((seg, i) => caret.path[i] === seg) || (caret.path.length === 3 && caret.path[0] === 'httpTemplate' && caret.path[1] === 'requestBody');
  if (!inBody) return [];
  const out: CodeAction[] = [];
  const valueStart = file.doc.locate('/httpTemplate/requestBody/value')?.valueStart ?? findValueStart(text);
  if (valueStart !== undefined) {
    const edits = escapeTemplate(text, valueStart);
    if (edits) out.push({ title: say(en`Escape the request body template into a JSON string`, serverTr()), kind: CodeActionKind.RefactorRewrite, edit: { changes: { [doc.uri]: toLsp(doc, edits) } } });
  }
  const unescape = unescapeTemplate(text, BODY);
  if (unescape) out.push({ title: say(en`Unescape the request body template to JSON (escape it again before pushing)`, serverTr()), kind: CodeActionKind.RefactorRewrite, edit: { changes: { [doc.uri]: toLsp(doc, unescape) } } });
  return out;
}

/** For text no parser accepts (a pasted multi-line body): the value after requestBody's "value" key. */
function findValueStart(text: string): number | undefined {
  const body = text.indexOf('"requestBody"');
  if (body < 0) return undefined;
  const m = /"value"\s*:\s*/g;
  m.lastIndex = body;
  const hit = m.exec(text);
  return hit ? hit.index + hit[0].length : undefined;
}

/**
 * `source.fixAll`, as ESLint's: every finding of the file whose fix is unambiguous (its only fix,
 * and a preferred one: choices such as `local` or `production`, and placeholders such as an empty
 * value for a missing property, are left to the user), in one edit; a fix whose edits touch or
 * overlap an earlier one's is left for the next run, so no edit is applied on top of another.
 */
function fixAll(doc: TextDocument, diagnostics: Diagnostic[]): CodeAction | undefined {
  const taken: { start: number; end: number }[] = [];
  const edits: TextEdit[] = [];
  for (const d of diagnostics) {
    const fixes = coreFixes(doc, d);
    const fix = fixes.length === 1 && fixes[0]!.preferred ? fixes[0]! : undefined;
    if (!fix || fix.edits.length === 0) continue;
    const spans = fix.edits.map((e) => ({ start: e.offset, end: e.offset + e.length }));
    if (spans.some((s) => taken.some((t) => s.start <= t.end && t.start <= s.end))) continue;
    taken.push(...spans);
    edits.push(...fix.edits);
  }
  if (edits.length === 0) return undefined;
  return { title: say(en`Fix all auto-fixable Pinterest destination problems`, serverTr()), kind: CodeActionKind.SourceFixAll, edit: { changes: { [doc.uri]: toLsp(doc, edits) } } };
}

/** `diagnose`: the document's diagnostics now (fix-all works on all of them, not the request's). */
export function codeActions(workspace: Workspace, doc: TextDocument, params: CodeActionParams, diagnose?: (doc: TextDocument) => Diagnostic[]): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) for (const d of params.context.diagnostics) out.push(...quickFixes(workspace, doc, d));
  if (wants(CodeActionKind.RefactorRewrite)) out.push(...templateRefactors(workspace, doc, params));
  // Only when asked for (Fix All, source actions, on save): never in the light bulb's list.
  if (only && diagnose && wants(CodeActionKind.SourceFixAll)) {
    const all = fixAll(doc, diagnose(doc));
    if (all) out.push(all);
  }
  return out;
}
