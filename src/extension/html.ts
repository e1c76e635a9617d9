/**
 * HTML escaping for the preview webview. Pure (no `vscode`), so it is unit-tested in plain Node.
 * Every value that reaches the webview's HTML goes through `html` (text) or `attr` (attribute value,
 * always written inside double quotes): both escape the five characters that can end a text run or
 * an attribute, so `<img onerror>`, `</script>` and `"><svg onload>` stay text.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text content: any value, rendered as text. `null`/`undefined` become the empty string. */
export function html(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c]!);
}

/** An attribute value, for `name="${attr(v)}"`. Control characters are dropped as well. */
export function attr(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  return html(value).replace(/[\u0000-\u001f\u007f]/g, '');
}

/**
 * A tagged template that escapes every interpolated value unless it is `Safe` (the output of
 * another `h` call): `h\`<td>${name}</td>\``. Arrays are joined, each item handled the same way.
 */
export class Safe {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function h(strings: TemplateStringsArray, ...values: unknown[]): Safe {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += piece(v) + strings[i + 1]!;
  });
  return new Safe(out);
}

function piece(v: unknown): string {
  if (v instanceof Safe) return v.value;
  if (Array.isArray(v)) return v.map(piece).join('');
  if (v === false) return '';
  return html(v);
}

/**
 * A translated message whose `{n}` placeholders are HTML (`Safe`) or values to escape: the
 * message's own text is escaped, so a translation cannot inject markup either.
 */
export function hfill(message: string, ...parts: unknown[]): Safe {
  return new Safe(message.split(/(\{\d+\})/).map((s, i) => (i % 2 ? (parts[Number(s.slice(1, -1))] === undefined ? html(s) : piece(parts[Number(s.slice(1, -1))])) : html(s))).join(''));
}
