// Sign-in secrets (app secret, authorization code, refresh token) go only over https or to a
// loopback simulator, through the same core check as the Pinterest client; a pasted token is
// checked for Pinterest's access-token prefix; token answers are read up to a cap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PinterestConfigError, accessTokenProblem, accessTokenShape } from '../../src/core/pinterest';
import { OAuthError, authorizeUrl, exchangeCode, refreshTokens } from '../../src/extension/oauth';
import { startFlood } from '../helpers/flood';

const client = { clientId: '1500100', clientSecret: 'app-secret-for-tests' };
const remote = ['http://pinterest.example.net/v5', 'http://10.0.0.5:8080/v5', 'http://127.0.0.1.nip.io/v5'];

/** A fetch that records whether anything was sent (nothing may be). */
function recordingFetch() {
  const calls: string[] = [];
  const fetchFn = (async (url: URL | string) => {
    calls.push(String(url));
    return new Response('{}', { status: 500 });
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
}

function refusesPlainHttp(host: string, secretWords: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof PinterestConfigError, String(e));
    assert.equal(e.reason, 'insecure-url');
    assert.match(e.message, new RegExp(`^Refusing to send the Pinterest app secret and ${secretWords.source} over plain http to ${host.replace(/\./g, '\\.')}: use https`));
    assert.doesNotMatch(e.message, /app-secret-for-tests|pinr\.|the-code/);
    return true;
  };
}

test('code exchange to a remote plain-http base URL is refused before any byte is sent', async () => {
  for (const baseUrl of remote) {
    const { calls, fetchFn } = recordingFetch();
    await assert.rejects(exchangeCode(baseUrl, client, 'the-code', 'http://127.0.0.1:1/callback', fetchFn), refusesPlainHttp(new URL(baseUrl).hostname, /the authorization code/));
    assert.deepEqual(calls, [], baseUrl);
  }
});

test('refresh to a remote plain-http base URL is refused before any byte is sent', async () => {
  const { calls, fetchFn } = recordingFetch();
  await assert.rejects(refreshTokens('http://pinterest.example.net/v5', client, { accessToken: 'pina_old', refreshToken: 'pinr.refresh-value' }, fetchFn), refusesPlainHttp('pinterest.example.net', /the refresh token/));
  assert.deepEqual(calls, []);
});

test('the authorization URL must be https (or loopback) too; https and loopback pass; no PKCE parameters', () => {
  assert.throws(() => authorizeUrl('http://www.pinterest.example/oauth/', '1', 'http://127.0.0.1:1/callback', 's'), /^PinterestConfigError: Refusing to send the Pinterest sign-in over plain http to www\.pinterest\.example/);
  assert.throws(() => authorizeUrl('not a url', '1', 'http://127.0.0.1:1/callback', 's'), { reason: 'invalid-url' });
  const url = new URL(authorizeUrl('https://www.pinterest.com/oauth/', '1', 'http://127.0.0.1:1/callback', 's'));
  assert.equal(`${url.origin}${url.pathname}`, 'https://www.pinterest.com/oauth/');
  // Pinterest's spec documents no PKCE (no code_challenge on the flow, no code_verifier on oauth/token): none is sent.
  assert.deepEqual([...url.searchParams.keys()].sort(), ['client_id', 'redirect_uri', 'response_type', 'scope', 'state']);
  assert.match(authorizeUrl('http://localhost:9/oauth/', '1', 'http://127.0.0.1:1/callback', 's'), /^http:\/\/localhost:9\/oauth\//);
});

test('loopback http is allowed: the exchange goes to 127.0.0.1, localhost and [::1] (a real one: helpers.test.ts)', async () => {
  for (const host of ['127.0.0.1', 'localhost', '[::1]']) {
    const seen: string[] = [];
    const fetchFn = (async (url: URL) => {
      seen.push(`${url.hostname}${url.pathname}`);
      return new Response(JSON.stringify({ access_token: 'pina_new', token_type: 'bearer', expires_in: 60, scope: 'ads:read' }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    const tokens = await exchangeCode(`http://${host}:9/v5/`, client, 'the-code', 'http://127.0.0.1:1/callback', fetchFn);
    assert.equal(tokens.accessToken, 'pina_new');
    assert.deepEqual(seen, [`${host}/v5/oauth/token`]);
  }
});

test('a huge token answer is cut off with a clear sign-in error; the connection is dropped', async () => {
  const flood = await startFlood({ limitBytes: 1024 * 1024 * 1024 });
  try {
    await assert.rejects(exchangeCode(`${flood.url}/v5`, client, 'the-code', 'http://127.0.0.1:1/callback'), (e: unknown) => {
      assert.ok(e instanceof OAuthError);
      assert.match(e.message, /^The answer to the token request was larger than 8 MiB and was not read: check pindest\.pinterest\.baseUrl/);
      return true;
    });
    assert.equal((await flood.ended).closedEarly, true);
    assert.equal(flood.requests[0]?.path, '/v5/oauth/token');
  } finally {
    await flood.close();
  }
});

test('a pasted token with the wrong prefix is refused with what to paste instead', () => {
  assert.equal(accessTokenShape('pina_AbC123.xyz'), undefined);
  assert.equal(accessTokenShape('  pina_AbC123.xyz \n'), undefined);
  assert.equal(accessTokenShape('pinr.eyJhbGciOiJS'), 'refresh-token');
  assert.equal(accessTokenShape('Bearer pina_AbC123'), 'wrong-prefix');
  assert.equal(accessTokenShape('AQAAAbcdefgh12345'), 'wrong-prefix');
  assert.equal(accessTokenShape(''), 'empty');
  assert.equal(accessTokenShape('pina_abc def'), 'unusual-characters');
  // Any length answers at once: longer than any token is refused without further looking.
  assert.equal(accessTokenShape(`pina_${'a'.repeat(5_000_000)}`), 'too-long');
  assert.equal(accessTokenProblem('pinr.eyJhbGciOiJS'), 'The pasted value is a refresh token (it starts with "pinr"): use the access token, which starts with "pina".');
  assert.equal(accessTokenProblem('AQAAAbcdefgh12345'), 'The pasted value is not a Pinterest access token: those start with "pina". Copy the access token again.');
});

test('a refused token request shows Pinterest\'s message without the secret, code or refresh token it echoes', async () => {
  const echo = (async (_url: URL, init: RequestInit) => {
    const form = new URLSearchParams(String(init.body));
    const message = `Invalid grant ${form.get('code') ?? form.get('refresh_token')} for client secret app-secret-for-tests (user ann@example.org)`;
    return new Response(JSON.stringify({ code: 1, message }), { status: 400, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  const refused = (e: unknown) => {
    assert.ok(e instanceof OAuthError, String(e));
    assert.match(e.message, /^Pinterest refused the token request \(HTTP 400: Invalid grant •••• for client secret •••• \(user \[email\]\)\)/);
    assert.doesNotMatch(e.message, /app-secret-for-tests|the-code-value|r3fresh|ann@/);
    return true;
  };
  await assert.rejects(exchangeCode('http://127.0.0.1:9/v5', client, 'the-code-value', 'http://127.0.0.1:1/callback', echo), refused);
  await assert.rejects(refreshTokens('http://127.0.0.1:9/v5', client, { accessToken: 'pina_old', refreshToken: 'r3fresh-value' }, echo), refused);
});
