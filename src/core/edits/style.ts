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

/** Looks at the first indented lines only: enough to decide, and O(1) on large files. */
export function detectStyle(text: string, fallback: { tabSize?: number; insertSpaces?: boolean } = {}): FileStyle {
  const crlf = text.indexOf('\r\n');
  const lf = text.indexOf('\n');
  const eol = crlf >= 0 && crlf < lf ? '\r\n' : '\n';
  let tabs = 0;
  let spaces = 0;
  let unit = 0;
  const sample = text.slice(0, 64 * 1024);
  const re = /\n([ \t]+)\S/g;
  let m: RegExpExecArray | null;
  let lines = 0;
  while ((m = re.exec(sample)) && lines < 200) {
    lines++;
    const ws = m[1]!;
    if (ws[0] === '\t') tabs++;
    else {
      spaces++;
      if (unit === 0 || ws.length < unit) unit = ws.length;
    }
  }
  const insertSpaces = lines === 0 ? (fallback.insertSpaces ?? true) : spaces >= tabs;
  const tabSize = insertSpaces && unit > 0 ? Math.min(unit, 8) : (fallback.tabSize ?? 2);
  return { tabSize, insertSpaces, eol, finalNewline: /\r?\n$/.test(text) };
}
