// The webview Content Security Policy: nonce-only scripts, no inline handlers, no network.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCsp, createNonce } from '../../src/extension/csp';

const SRC = 'https://*.vscode-cdn.net';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => { const [k, ...v] = d.split(/\s+/); return [k!, v]; }));
}

test('nonces are fresh, 128-bit and base64', () => {
  const seen = new Set(Array.from({ length: 200 }, createNonce));
  assert.equal(seen.size, 200);
  for (const n of seen) assert.match(n, /^[A-Za-z0-9+/]{22}==$/);
});

test('policy: default none, scripts only by nonce, no unsafe-*, no connect/frame/form', () => {
  const nonce = createNonce();
  const d = directives(buildCsp({ cspSource: SRC, nonce }));
  assert.deepEqual(d.get('default-src'), ["'none'"]);
  assert.deepEqual(d.get('script-src'), [`'nonce-${nonce}'`]);
  assert.deepEqual(d.get('style-src'), [SRC, `'nonce-${nonce}'`]);
  assert.deepEqual(d.get('connect-src'), ["'none'"]);
  assert.deepEqual(d.get('frame-src'), ["'none'"]);
  assert.deepEqual(d.get('form-action'), ["'none'"]);
  assert.deepEqual(d.get('base-uri'), ["'none'"]);
  assert.doesNotMatch(buildCsp({ cspSource: SRC, nonce }), /unsafe-(inline|eval|hashes)|\*(?!\.vscode-cdn)|data:.*script/);
});

test('refuses weak nonces and source lists smuggled through cspSource', () => {
  assert.throws(() => buildCsp({ cspSource: SRC, nonce: 'abc' }), /nonce/);
  assert.throws(() => buildCsp({ cspSource: SRC, nonce: "x'; script-src *" }), /nonce/);
  assert.throws(() => buildCsp({ cspSource: "https://a; script-src 'unsafe-inline'", nonce: createNonce() }), /cspSource/);
  assert.throws(() => buildCsp({ cspSource: "https://a 'unsafe-inline'", nonce: createNonce() }), /cspSource/);
  assert.throws(() => buildCsp({ cspSource: '', nonce: createNonce() }), /cspSource/);
  // code-server's form: several sources
  assert.match(buildCsp({ cspSource: "'self' https://*.vscode-cdn.net", nonce: createNonce() }), /style-src 'self' https:\/\/\*\.vscode-cdn\.net 'nonce-/);
});
