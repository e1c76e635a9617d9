/**
 * Content Security Policy for the webviews. Pure: unit-tested in plain Node.
 * `default-src 'none'`; scripts only with the per-render nonce; styles and fonts only from the
 * extension's own resources (`cspSource`); images from the extension or data: URIs (the flow
 * picture is inline SVG, which needs nothing). No inline event handlers, no eval, no network.
 */
import { randomBytes } from 'node:crypto';

/** 128 random bits, base64: a fresh nonce per render (never Math.random or a clock). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface CspOptions {
  /** `webview.cspSource` of the panel. */
  cspSource: string;
  nonce: string;
}

export function buildCsp({ cspSource, nonce }: CspOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('The CSP nonce must be at least 16 base64 characters.');
  // VS Code passes one or more source expressions (code-server: "'self' https://…"); nothing else.
  const sources = cspSource.trim().split(/\s+/);
  if (!cspSource.trim() || sources.some((s) => !(s === "'self'" || /^[a-z][a-z0-9+.-]*:(\/\/[^\s;,'"]*)?$/i.test(s)))) {
    throw new Error('The webview cspSource must be a list of source expressions.');
  }
  const directives: [string, string][] = [
    ['default-src', "'none'"],
    ['script-src', `'nonce-${nonce}'`],
    ['style-src', `${cspSource} 'nonce-${nonce}'`],
    ['font-src', cspSource],
    ['img-src', `${cspSource} data:`],
    ['connect-src', "'none'"],
    ['frame-src', "'none'"],
    ['form-action', "'none'"],
    ['base-uri', "'none'"],
  ];
  return directives.map(([k, v]) => `${k} ${v}`).join('; ') + ';';
}
