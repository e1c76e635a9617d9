/**
 * Maps offsets inside a decoded JSON string value back to the characters of its literal in the
 * file, so an error at template line 7 column 12 lands on the exact character even when the
 * template is escaped (`\"`, `\n`, `\u00e9` each count as one decoded character).
 */

/**
 * `literalStart` is the offset of the opening quote. Returns raw offsets for decoded offsets
 * 0..length (the last one is the closing quote).
 */
export function decodedToRawOffsets(text: string, literalStart: number): number[] {
  const raw: number[] = [];
  let i = literalStart + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) break;
    raw.push(i);
    if (c === 92) {
      i += text.charCodeAt(i + 1) === 117 /* u */ ? 6 : 2;
    } else {
      i++;
    }
  }
  raw.push(i);
  return raw;
}

/** Encodes a string as the content of a JSON string literal (no surrounding quotes). */
export function escapeJsonString(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
