/** Escaping strategies of the `escape` filter and Java's form URL encoding. */
import { en } from '../report/l10n';
import { ValueError } from './errors';

export const ESCAPE_STRATEGIES = ['html', 'js', 'json', 'url_param'] as const;

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const JS: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '/': '\\/', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

export function escape(s: string, strategy: string): string {
  switch (strategy) {
    case 'html':
      return s.replace(/[&<>"']/g, (c) => HTML[c]!);
    case 'js':
      return s.replace(/[\\'"/\u0000-\u001f\u2028\u2029]/g, (c) => JS[c] ?? '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
    case 'json':
      return JSON.stringify(s).slice(1, -1);
    case 'url_param':
      return encodeURIComponent(wellFormed(s)).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
    default:
      throw new ValueError(en`Unknown escaping strategy "${strategy}": use ${ESCAPE_STRATEGIES.join(', ')}.`);
  }
}

/** java.net.URLEncoder.encode(s, UTF-8): letters, digits and . - * _ stay; space becomes +. */
export function formEncode(s: string): string {
  return encodeURIComponent(wellFormed(s))
    .replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, '+');
}

// Java encodes a lone surrogate as "?"; encodeURIComponent would throw.
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?');
}
