/** Registers the request handlers (completion, hover, actions, links, symbols, folding, formatting). */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Logger } from './log';
import type { Runner } from './runner';
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

export function registerFeatures(_ctx: ServerContext): void {}
