/**
 * Where the caret is in a JSON file: the JSON path, whether on a property name, the string literal
 * around it, and, when that string is an embedded template, the caret's offset in the decoded
 * template. jsonc-parser's scanner-based `getLocation` tolerates text that is mid-edit.
 */
import { getLocation, type JSONPath, type Node } from 'jsonc-parser';
import { decodedToRawOffsets } from '../core/json/string-offsets';
import type { FileKind } from '../core/project/kinds';

export interface Caret {
  offset: number;
  path: JSONPath;
  atKey: boolean;
  /** The string literal the caret is in (quotes included), if any. */
  literal?: { start: number; end: number; value: string };
}

export interface TemplateAt {
  template: string;
  /** Caret offset in the decoded template. */
  offset: number;
  /** Raw offsets in the file for decoded offsets 0..length. */
  raw: number[];
  /** The text is the template itself (Edit Embedded Template's editor), not a JSON string: inserted text is not escaped. */
  plain?: boolean;
}

export function caretAt(text: string, offset: number): Caret {
  const loc = getLocation(text, offset);
  const node: Node | undefined = loc.previousNode;
  let literal: Caret['literal'];
  // A property name comes back as a 'property' node spanning the name's literal.
  if ((node?.type === 'string' || node?.type === 'property') && offset > node.offset && offset <= node.offset + node.length) {
    const closed = node.length >= 2 && text.charCodeAt(node.offset + node.length - 1) === 34;
    if (!closed || offset < node.offset + node.length) literal = { start: node.offset, end: node.offset + node.length, value: String(node.value ?? '') };
  }
  return { offset, path: loc.path, atKey: loc.isAtPropertyKey, literal };
}

function matches(path: JSONPath, pattern: (string | number | '*')[]): boolean {
  return path.length === pattern.length && pattern.every((p, i) => p === '*' || p === path[i]);
}

export function pathIs(path: JSONPath, ...patterns: (string | number | '*')[][]): boolean {
  return patterns.some((p) => matches(path, p));
}

/** Whether the string at `path` is rendered as a template (same slots as the core's templateStrings). */
export function isTemplateSlot(kind: FileKind | undefined, path: JSONPath): boolean {
  if (kind === 'audience-template') return path[0] === 'metadataTemplate' && path.length > 1;
  if (kind !== 'destination-server') return false;
  return pathIs(path, ['urlBasedDestination', 'url', 'value'], ['httpTemplate', 'requestBody', 'value'], ['httpTemplate', 'queryParameters', 'value'], ['httpTemplate', 'headers', '*', 'value', 'value']);
}

/** The decoded template and the caret in it, when the caret is inside a template string. */
export function templateAt(text: string, caret: Caret, kind: FileKind | undefined): TemplateAt | undefined {
  if (!caret.literal || caret.atKey || !isTemplateSlot(kind, caret.path)) return undefined;
  const raw = decodedToRawOffsets(text, caret.literal.start);
  let decodedOffset = 0;
  while (decodedOffset < raw.length - 1 && raw[decodedOffset]! < caret.offset) decodedOffset++;
  return { template: caret.literal.value, offset: decodedOffset, raw };
}
