/**
 * The formatting style a JSON file already uses (indent unit, line ending, final newline), so that
 * every edit we compute (quick fixes, formatting) writes in the file's own style instead of the
 * editor's defaults: a fix must not reformat lines the user did not ask to change.
 */
import type { FormattingOptions } from 'jsonc-parser';

export interface FileStyle extends FormattingOptions {
  tabSize: number;
  insertSpaces: boolean;
  eol: string;
  finalNewline: boolean;
}

/**
 * Looks at the first indented lines only (enough to decide, and O(1) on large files). The indent unit
 * is the most frequent change of indentation between consecutive lines, as VS Code guesses it, so
 * one misindented line does not decide the style.
 */
export function detectStyle(text: string, fallback: { tabSize?: number; insertSpaces?: boolean } = {}): FileStyle {
  const crlf = text.indexOf('\r\n');
  const lf = text.indexOf('\n');
  const eol = crlf >= 0 && crlf < lf ? '\r\n' : '\n';
  let tabs = 0;
  let spaces = 0;
  const deltas = new Map<number, number>();
  let previous = 0;
  let lines = 0;
  const re = /\n([ \t]*)\S/g;
  const sample = text.slice(0, 64 * 1024);
  let m: RegExpExecArray | null;
  while ((m = re.exec(sample)) && lines < 500) {
    lines++;
    const ws = m[1]!;
    if (ws.length === 0) {
      previous = 0;
      continue;
    }
    if (ws[0] === '\t') {
      tabs++;
      continue;
    }
    spaces++;
    const delta = Math.abs(ws.length - previous);
    if (delta > 0 && delta <= 8) deltas.set(delta, (deltas.get(delta) ?? 0) + 1);
    previous = ws.length;
  }
  const indented = tabs + spaces > 0;
  const insertSpaces = indented ? spaces >= tabs : (fallback.insertSpaces ?? true);
  let unit = 0;
  let best = 0;
  for (const [delta, count] of deltas) if (count > best || (count === best && delta < unit)) [unit, best] = [delta, count];
  const tabSize = insertSpaces && unit > 0 ? unit : (fallback.tabSize ?? 2);
  return { tabSize, insertSpaces, eol, finalNewline: /\r?\n$/.test(text) };
}
