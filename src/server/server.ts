/**
 * Wires the LSP connection to the features. Server wiring only: every answer comes from the core
 * (validation, edits, templates) or from vscode-json-languageservice (schema completion, hover,
 * style-keeping formatting on request); each handler runs through the Runner.
 */
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Logger } from './log';
import { Runner } from './runner';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';
import { rulePages } from './rule-pages';
import { Validator } from './validation';
import { pathOf, Workspace } from './workspace';
import { registerFeatures } from './features';
import { setSnippetLocale } from './snippets';
import { serverTr, setServerLocale } from './l10n';
import { en, say, type Text } from '../core/report/l10n';

export function startServer(connection: Connection): void {
  const log: Logger = {
    info: (m) => connection.console.info(m),
    error: (m) => connection.console.error(m),
  };
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(documents);
  const runner = new Runner(log);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let validator: Validator | undefined;
  let canPullConfiguration = false;
  // A typo in `pindest.rules` is said once, where the user looks, and the other entries still apply.
  // Said once per distinct mistake: other pindest settings changing do not repeat it.
  let warned = '';
  const warnRules = (problems: Text[]) => {
    const text = problems.map((p) => say(p)).join(' ');
    if (text === warned) return;
    warned = text;
    if (!text) return;
    log.error(`pindest.rules: ${text}`);
    void connection.window.showWarningMessage(say(en`Setting pindest.rules: ${problems.map((p) => say(p, serverTr())).join(' ')}`, serverTr()));
  };

  connection.onInitialize((params): InitializeResult => {
    settings = readSettings(params.initializationOptions, DEFAULT_SETTINGS);
    workspace.setGlobs(settings.fileGlobs);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    validator = new Validator(connection, documents, workspace, log, settings.validationDelay);
    validator.rules = settings.rules;
    validator.pageOf = rulePages((params.initializationOptions as { extensionPath?: unknown } | undefined)?.extensionPath, params.locale);
    setSnippetLocale(params.locale);
    setServerLocale(params.locale);
    warnRules(settings.ruleProblems);
    registerFeatures({ connection, documents, workspace, runner, log, validator });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['"', '.', '|', '{', ' ', ':'], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite', 'source.fixAll'] },
        documentLinkProvider: { resolveProvider: false },
        // Symbols, folding and formatting are VS Code's own for JSON (see features.ts).
      },
      serverInfo: { name: 'pindest' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    runner.guard('configuration', () => {
      const globs = settings.fileGlobs;
      settings = readSettings(change.settings, settings);
      if (settings.fileGlobs !== globs) workspace.setGlobs(settings.fileGlobs);
      if (validator) validator.delay = settings.validationDelay;
      if (validator) validator.rules = settings.rules;
      warnRules(settings.ruleProblems);
      for (const d of documents.all()) validator?.schedule(d.uri);
    });
  });

  documents.onDidOpen((e) => runner.guard('open', () => {
    validator?.schedule(e.document.uri, 0);
  }));
  documents.onDidChangeContent((e) => runner.guard('change', () => {
    validator?.schedule(e.document.uri);
    const path = pathOf(e.document.uri);
    if (path) validator?.scheduleFolder(path, e.document.uri);
  }));
  documents.onDidClose((e) => runner.guard('close', () => {
    workspace.forget(e.document.uri);
    validator?.clear(e.document.uri);
    // Siblings now read the file from disk: its unsaved edits are gone.
    const path = pathOf(e.document.uri);
    if (path) validator?.scheduleFolder(path, e.document.uri);
  }));

  connection.onDidChangeWatchedFiles((params) => runner.guard('watched files', () => {
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (!path) continue;
      workspace.invalidate(path);
      validator?.scheduleFolder(path, change.uri);
    }
  }));

  documents.listen(connection);
}
