/** Registers the request handlers; each runs through the Runner (cancellation, no crash). */
import type { Connection, DocumentFormattingParams, Range, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './code-actions';
import { complete } from './completion';
import { hover } from './hover';
import { forgetTree } from './jsonls';
import { documentLinks } from './links';
import type { Logger } from './log';
import { format } from './format';
import { FORMAT_KEEPING_STYLE } from './requests';
import type { Runner } from './runner';
import { hostOf, templateActions } from './template-doc';
import type { Validator } from './validation';
import type { Workspace } from './workspace';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
  runner: Runner;
  log: Logger;
  validator: Validator;
}

export function registerFeatures({ connection, documents, workspace, runner, validator }: ServerContext): void {
  const withDoc = <T>(uri: string, fallback: T, work: (doc: TextDocument) => T | Promise<T>) => {
    const doc = documents.get(uri);
    return doc ? work(doc) : fallback;
  };
  const kindOf = (doc: TextDocument) => workspace.fileOf(doc).kind;

  connection.onCompletion((p, token) => runner.run('completion', token, null, () => withDoc(p.textDocument.uri, null, (doc) => complete(workspace, doc, p.position))));
  connection.onHover((p, token) => runner.run('hover', token, null, () => withDoc(p.textDocument.uri, null, (doc) => hover(workspace, doc, p.position))));
  // Edit Embedded Template's Pebble editor: only the template findings' replacements (the core's fixes edit JSON text).
  connection.onCodeAction((p, token) => runner.run('code actions', token, [], () => withDoc(p.textDocument.uri, [], (doc) => (hostOf(doc.uri) ? templateActions(doc, p, () => validator.diagnose(doc)) : codeActions(workspace, doc, p, (d) => validator.diagnose(d))))));
  connection.onDocumentLinks((p, token) => runner.run('links', token, [], () => (hostOf(p.textDocument.uri) ? [] : withDoc(p.textDocument.uri, [], (doc) => documentLinks(workspace, doc)))));
  // No symbols, folding or formatting provider: VS Code's JSON language features give the same
  // (from the same library) for every JSON file, and a second provider shows two outlines and a
  // formatter conflict. The style-keeping formatting stays available as a request (a command).
  connection.onRequest(FORMAT_KEEPING_STYLE, (p: DocumentFormattingParams & { range?: Range }, token) => runner.run('formatting', token, [], () => withDoc(p.textDocument.uri, [], (doc) => format(doc, kindOf(doc), p.range, p.options))));
  documents.onDidClose((e) => forgetTree(e.document.uri));
}
