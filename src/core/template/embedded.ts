/**
 * Templates live inside JSON strings (`requestBody.value`), where every quote, backslash, newline
 * and control character must be escaped. Authors write the template as text and the extension
 * escapes it for them (Adobe's docs send people to an online escaper); the two directions here are
 * exact inverses so an edit round-trips without touching anything else.
 */

/** The content of a JSON string literal (no surrounding quotes) holding `template`. */
export function escapeTemplate(template: string): string {
  // JSON.stringify escapes `"`, `\`, and U+0000–U+001F (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00XX`),
  // and a lone surrogate as `\udXXX`; everything else, including non-ASCII text, stays as written.
  return JSON.stringify(template).slice(1, -1);
}

const SIMPLE: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The template held by the content of a JSON string literal (no surrounding quotes). Throws a
 * SyntaxError naming the offset of an invalid escape, a raw control character or an unescaped
 * quote, as JSON.parse would reject the file there.
 */
export function unescapeTemplate(jsonStringContent: string): string {
  const s = jsonStringContent;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) throw new SyntaxError(`Unescaped quote at offset ${i}: write \\" inside a JSON string.`);
    if (c < 0x20) throw new SyntaxError(`Raw control character U+${c.toString(16).toUpperCase().padStart(4, '0')} at offset ${i}: JSON strings need it escaped (e.g. \\n).`);
    if (c !== 0x5c) continue;
    out += s.slice(from, i);
    const e = s[i + 1];
    if (e === undefined) throw new SyntaxError(`Lone backslash at the end (offset ${i}): write \\\\ for a backslash.`);
    if (e === 'u') {
      const hex = s.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxError(`Invalid \\u escape at offset ${i}: it needs four hex digits.`);
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
    } else {
      const v = SIMPLE[e];
      if (v === undefined) throw new SyntaxError(`Invalid escape \\${e} at offset ${i}: JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.`);
      out += v;
      i += 1;
    }
    from = i + 1;
  }
  return out + s.slice(from);
}
