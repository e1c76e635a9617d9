/**
 * Edit Embedded Template's documents (`pindest-template:/…/destination-server.json/requestBody.pebble`,
 * see extension/template-fs.ts): plain Pebble text that lives in a JSON string of its host file.
 * The server checks them as they are typed by putting the unsaved Pebble text back into the host's
 * text (escaped, as saving will) and running the same rules, completion and hover as on the JSON
 * file; what lies in the template comes back positioned in the Pebble text.
 */
import { posix, resolve } from 'node:path';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { SOURCE, type Diagnostic } from '../core/diagnostics';
import { parseDocument } from '../core/json/document';
import { formatPointer } from '../core/json/pointer';
import type { Project, ProjectFile } from '../core/project/project';
import { validateFile, type ValidateOptions } from '../core/validate';
// The URI format and the template slots are the extension's (one definition; that module is pure).
import { readTemplate, TEMPLATE_PATHS, TEMPLATE_SCHEME } from '../core/template/embedded';
import type { TemplateAt } from './cursor';
import type { PageOf } from './rule-pages';
import { toLsp, type DiagnosticData } from './to-lsp';
import type { Workspace } from './workspace';

export interface TemplateHost {
  /** The host destination server file on disk. */
  path: string;
  /** JSON pointer of the template string in the host. */
  pointer: string;
  /** The same place as a jsonc-parser path. */
  jsonPath: (string | number)[];
}

/** The host file and template of a `pindest-template:` URI, or undefined for any other document. */
export function hostOf(uri: string): TemplateHost | undefined {
  let u: URI;
  try {
    u = URI.parse(uri);
  } catch {
    return undefined;
  }
  if (u.scheme !== TEMPLATE_SCHEME) return undefined;
  const slot = TEMPLATE_PATHS.find((t) => t.label === posix.basename(u.path, '.pebble'));
  if (!slot) return undefined;
  const path = resolve(u.with({ scheme: 'file', path: posix.dirname(u.path), query: '', fragment: '' }).fsPath);
  return { path, pointer: formatPointer(slot.path), jsonPath: slot.path };
}

export interface TemplateView {
  host: TemplateHost;
  /** The host as it will be once the template is saved: its text with this document's template. */
  file: ProjectFile;
  project: Project;
}

/**
 * The host file with the document's (unsaved) Pebble text in its template string, in its project.
 * Undefined when the host cannot be read or no longer has that string.
 */
export function templateView(workspace: Workspace, doc: TextDocument): TemplateView | undefined {
  const host = hostOf(doc.uri);
  if (!host) return undefined;
  const current = workspace.textOf(host.path);
  const at = current && readTemplate(current.text, host.jsonPath);
  if (!current || !at) return undefined;
  const text = current.text.slice(0, at.offset) + JSON.stringify(doc.getText()) + current.text.slice(at.offset + at.length);
  // Only destination server files have these templates (Edit Embedded Template opens them only).
  const file: ProjectFile = { path: host.path, kind: 'destination-server', doc: parseDocument(host.path, text) };
  return { host, file, project: workspace.projectWith(file) };
}

/** The caret in the Pebble text, for the template completion and hover (no escapes: offsets are the text's). */
export function plainTemplateAt(doc: TextDocument, offset: number): TemplateAt {
  const template = doc.getText();
  return { template, offset, raw: Array.from({ length: template.length + 1 }, (_, i) => i), plain: true };
}

/**
 * The host's findings in this template, ranged in the Pebble text: a finding with a place inside
 * the string keeps it; one about the whole string covers the whole text. Findings elsewhere in the
 * host stay on the JSON file.
 */
export function templateDiagnostics(view: TemplateView, doc: TextDocument, options: ValidateOptions, pageOf: PageOf): LspDiagnostic[] {
  const all: Diagnostic[] = validateFile(view.project, view.file, options);
  const length = doc.getText().length;
  return all
    .filter((d) => d.pointer === view.host.pointer)
    .map((d) => {
      const start = d.inner ? Math.min(d.inner.offset, length) : 0;
      const end = d.inner ? Math.min(d.inner.offset + Math.max(d.inner.length, 1), length) : length;
      // Related places are in the JSON file, not here.
      const placed: Diagnostic = { ...d, range: { start: doc.positionAt(start), end: doc.positionAt(end) }, related: undefined };
      return toLsp(placed, undefined, pageOf(d.code));
    });
}

/** A template finding's own replacement (a did-you-mean, `input.profiles`…), as an edit of the Pebble text. */
function replacementOf(d: LspDiagnostic): string | undefined {
  const data = d.data as DiagnosticData | undefined;
  if (d.source !== SOURCE || !data?.inner) return undefined;
  const r = data.fix?.replacement;
  return typeof r === 'string' ? r : undefined;
}

/**
 * Quick fixes in the Pebble editor: the replacements template findings carry, unescaped (the text
 * is the template itself). Fixes that edit JSON (another key, another file) stay on the JSON file.
 * With `source.fixAll` asked for, every such fix of the document that does not overlap another.
 */
export function templateActions(doc: TextDocument, params: CodeActionParams, diagnose: () => LspDiagnostic[]): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      const r = replacementOf(d);
      if (r !== undefined) out.push({ title: `Change to \`${r}\``, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [doc.uri]: [{ range: d.range, newText: r }] } } });
    }
  }
  if (only && wants(CodeActionKind.SourceFixAll)) {
    const edits: { range: LspDiagnostic['range']; newText: string }[] = [];
    const taken: [number, number][] = [];
    for (const d of diagnose()) {
      const r = replacementOf(d);
      const span: [number, number] = [doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)];
      if (r === undefined || taken.some(([a, b]) => span[0] <= b && a <= span[1])) continue;
      taken.push(span);
      edits.push({ range: d.range, newText: r });
    }
    if (edits.length) out.push({ title: 'Fix all auto-fixable Pinterest destination problems', kind: CodeActionKind.SourceFixAll, edit: { changes: { [doc.uri]: edits } } });
  }
  return out;
}
