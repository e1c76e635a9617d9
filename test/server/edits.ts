/** Applies LSP text edits to a text, as the client would (edits are against the original text). */
import type { TextEdit } from 'vscode-languageserver-protocol/node';
import { offsetAt } from './client';

export function applyEdits(text: string, edits: TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
