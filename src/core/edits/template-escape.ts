/**
 * Refactors for a template embedded in a JSON string (`httpTemplate.requestBody.value`):
 * - escape: a body written as a JSON object or array, or a string holding raw line breaks and tabs
 *   (pasted text, which JSON forbids), becomes one valid JSON string literal;
 * - unescape: a string whose content is itself JSON becomes that JSON, laid out in the file's style,
 *   for reading and editing (escape it again before pushing: Adobe takes only a string).
 */
import { modify, parseTree, findNodeAtLocation, type JSONPath } from 'jsonc-parser';
import { detectStyle } from './style';
import type { TextEdit } from './text-edit';

/** From an opening quote, the offset after the closing one, crossing raw line breaks (broken text). */
export function rawStringEnd(text: string, quote: number): number {
  for (let i = quote + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  return text.length;
}

/** Escape edits for the value starting at `valueStart`, or undefined when it is already a clean string. */
export function escapeTemplate(text: string, valueStart: number): TextEdit[] | undefined {
  const c = text.charCodeAt(valueStart);
  if (c === 34) {
    const end = rawStringEnd(text, valueStart);
    const raw = text.slice(valueStart + 1, end - 1);
    if (!/[\u0000-\u001f]/.test(raw)) return undefined;
    const fixed = raw.replace(/\r\n|\r|\n|\t|[\u0000-\u001f]/g, (ch) =>
      ch === '\t' ? '\\t' : ch === '\r\n' || ch === '\n' || ch === '\r' ? '\\n' : '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
    return [{ offset: valueStart + 1, length: raw.length, content: fixed }];
  }
  if (c !== 123 && c !== 91) return undefined;
  const tree = parseTree(text, [], { allowTrailingComma: true });
  let node = tree;
  // Find the object/array node starting exactly at valueStart.
  const stack = tree ? [tree] : [];
  node = undefined;
  while (stack.length) {
    const n = stack.pop()!;
    if (n.offset === valueStart && (n.type === 'object' || n.type === 'array')) {
      node = n;
      break;
    }
    if (n.offset <= valueStart && valueStart < n.offset + n.length) stack.push(...(n.children ?? []));
  }
  if (!node) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(node.offset, node.offset + node.length));
  } catch {
    return undefined;
  }
  return [{ offset: node.offset, length: node.length, content: JSON.stringify(JSON.stringify(value, null, 2)) }];
}

/** Unescape edits for the string at `path`, or undefined when its content is not JSON. */
export function unescapeTemplate(text: string, path: JSONPath): TextEdit[] | undefined {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const node = tree ? findNodeAtLocation(tree, path) : undefined;
  if (node?.type !== 'string' || typeof node.value !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(node.value);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  return modify(text, path, value, { formattingOptions: detectStyle(text) });
}
