/**
 * Debounced validation and publishing. Each document has at most one pending run; a newer edit
 * replaces it, and a result computed for an older version is dropped rather than published. A change
 * to any file of a project re-validates the project's other open documents (cross-file rules).
 */
import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname } from 'node:path';
import type { RuleLevels } from '../core/rules/severity';
import { validateFile } from '../core/validate';
import { describeError, type Logger } from './log';
import { afterWork } from './memory';
import type { PageOf } from './rule-pages';
import { keepForLanguage, toLsp } from './to-lsp';
import { hostOf, templateDiagnostics, templateView } from './template-doc';
import { pathOf, type OpenDocuments, type Workspace } from './workspace';

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  delay: number;
  /** Severity per code from the settings (`pindest.rules`). */
  rules: RuleLevels = {};
  /** Each code's rule page, for `codeDescription.href`. */
  pageOf: PageOf = () => undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: OpenDocuments,
    private readonly workspace: Workspace,
    private readonly log: Logger,
    delay: number,
  ) {
    this.delay = delay;
  }

  /** Schedules `uri` after the debounce delay (replacing a pending run). */
  schedule(uri: string, delay = this.delay): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.run(uri);
    }, delay));
  }

  /** Schedules every open document in the folder of `path`, except `except`. */
  scheduleFolder(path: string, except?: string): void {
    const folder = dirname(path);
    for (const d of this.documents.all()) {
      if (d.uri === except) continue;
      // A template editor belongs to its host's folder (its host or a sibling changed).
      const p = pathOf(d.uri) ?? hostOf(d.uri)?.path;
      if (p && dirname(p) === folder) this.schedule(d.uri);
    }
  }

  /** A closed document's diagnostics disappear, and nothing pending for it runs. */
  clear(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The diagnostics of an open document now (also used by tests of the pipeline and the bench). */
  diagnose(doc: TextDocument): LspDiagnostic[] {
    const options = { levels: this.rules, onInternalError: (rule: string, e: unknown) => this.log.error(`Rule ${rule} failed: ${describeError(e)}`) };
    // Edit Embedded Template's editor: its template's findings, in the Pebble text, as it is typed.
    if (hostOf(doc.uri)) {
      const view = templateView(this.workspace, doc);
      return view ? templateDiagnostics(view, doc, options, this.pageOf) : [];
    }
    const { project, file } = this.workspace.projectOf(doc);
    // A JSON file that is none of our kinds (sample profiles, package.json) gets no diagnostics.
    if (!file.kind) return [];
    return validateFile(project, file, options)
      .filter((d) => keepForLanguage(d, doc.languageId))
      .map((d) => toLsp(d, doc.uri, this.pageOf(d.code)));
  }

  private run(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    let diagnostics: LspDiagnostic[];
    try {
      diagnostics = this.diagnose(doc);
    } catch (e) {
      this.log.error(`Validation failed: ${describeError(e)}`);
      return;
    }
    // Superseded (edited or closed meanwhile): a newer run is scheduled, or nothing should show.
    if (this.documents.get(uri)?.version !== version) return;
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
    afterWork(doc.getText().length);
  }
}
