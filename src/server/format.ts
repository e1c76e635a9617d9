/**
 * Formatting in the file's own style (indent unit, line ending, final newline) rather than the
 * editor's defaults, so formatting never turns into a whole-file diff of whitespace. It is served as
 * the `pindest/formatKeepingStyle` request behind a command, not as a formatting provider: VS Code's
 * JSON formatter already formats every JSON file, and a second provider for the same files makes
 * VS Code report "multiple formatters" until the user picks a default.
 */
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectStyle } from '../core/edits/style';
import type { FileKind } from '../core/project/kinds';
import { serviceFor } from './jsonls';

export function format(doc: TextDocument, kind: FileKind | undefined, range: Range | undefined, options: FormattingOptions): TextEdit[] {
  const text = doc.getText();
  const style = detectStyle(text, options);
  return serviceFor(kind).format(doc, range, { tabSize: style.tabSize, insertSpaces: style.insertSpaces, insertFinalNewline: style.finalNewline }) as TextEdit[];
}
