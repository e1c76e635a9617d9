/**
 * The Pebble template embedded in a JSON string (the destination server's `requestBody.value`):
 * read it unescaped, and write an edited template back escaped, changing only that string so the
 * rest of the file (comments, formatting, key order) stays byte for byte. Pure: no `vscode`.
 */
import { findNodeAtLocation, modify, parseTree, type Edit, type JSONPath } from 'jsonc-parser';

/** Where the template lives in a destination server file. */
export const REQUEST_BODY_PATH: JSONPath = ['httpTemplate', 'requestBody', 'value'];
export const URL_PATH: JSONPath = ['urlBasedDestination', 'url', 'value'];
export const TEMPLATE_PATHS: { label: string; path: JSONPath }[] = [
  { label: 'requestBody', path: REQUEST_BODY_PATH },
  { label: 'url', path: URL_PATH },
];

export interface EmbeddedTemplate {
  value: string;
  /** Offset and length of the whole string literal, quotes included. */
  offset: number;
  length: number;
}

export function readTemplate(jsonText: string, path: JSONPath = REQUEST_BODY_PATH): EmbeddedTemplate | undefined {
  const root = parseTree(jsonText, [], { allowTrailingComma: true, disallowComments: false });
  const node = root && findNodeAtLocation(root, path);
  if (!node || node.type !== 'string' || typeof node.value !== 'string') return undefined;
  return { value: node.value, offset: node.offset, length: node.length };
}

/**
 * Edits that store `template` at `path`, escaped; everything else in the file is untouched. Returns
 * an empty list when the value is already equal (saving an unchanged template does not dirty the file).
 */
export function templateEdits(jsonText: string, template: string, path: JSONPath = REQUEST_BODY_PATH, eol = detectEol(jsonText)): Edit[] {
  const current = readTemplate(jsonText, path);
  if (current?.value === template) return [];
  if (current) {
    // Replace exactly the string literal: jsonc's `modify` would do the same, but this keeps any
    // other literal the same even if the parser's idea of the surrounding object differs.
    return [{ offset: current.offset, length: current.length, content: JSON.stringify(template) }];
  }
  return modify(jsonText, path, template, { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
}

function detectEol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** `pindest-template:` URIs: the JSON file's path, then `#`-free query naming the template. */
export const TEMPLATE_SCHEME = 'pindest-template';
