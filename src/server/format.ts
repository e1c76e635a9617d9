/**
 * Symbols, folding and formatting, from vscode-json-languageservice. Formatting writes in the file's
 * own style (indent unit, line ending, final newline) rather than the editor's defaults, so
 * formatting a file never turns into a whole-file diff of whitespace.
 */
import type { DocumentSymbol, FoldingRange, FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectStyle } from '../core/edits/style';
import type { FileKind } from '../core/project/kinds';
import { jsonTree, serviceFor } from './jsonls';

const LIMIT = 5000;

export function symbols(doc: TextDocument, kind: FileKind | undefined): DocumentSymbol[] {
  return serviceFor(kind).findDocumentSymbols2(doc, jsonTree(doc, kind), { resultLimit: LIMIT }) as DocumentSymbol[];
}

export function folding(doc: TextDocument, kind: FileKind | undefined): FoldingRange[] {
  return serviceFor(kind).getFoldingRanges(doc, { rangeLimit: LIMIT }) as FoldingRange[];
}

export function format(doc: TextDocument, kind: FileKind | undefined, range: Range | undefined, options: FormattingOptions): TextEdit[] {
  const text = doc.getText();
  const style = detectStyle(text, options);
  return serviceFor(kind).format(doc, range, { tabSize: style.tabSize, insertSpaces: style.insertSpaces, insertFinalNewline: style.finalNewline }) as TextEdit[];
}
