/** Offset-based text edits, the pure currency of quick fixes (front ends turn them into ranges). */
import type { Edit } from 'jsonc-parser';

export type TextEdit = Edit;

/** Applies edits given against the same original text (non-overlapping), in any order. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}
