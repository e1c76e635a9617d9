import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, basic, call, clock, listsPath, tokenRequest, withSimulator } from './helpers';
import type { Simulator } from '../../src/simulator/server';

const REDIRECT = 'http://127.0.0.1:8765/callback';

async function authorize(sim: Simulator, scope = 'ads:read,ads:write,user_accounts:read', decision = 'allow'): Promise<URL> {
  const res = await fetch(`${sim.url}/oauth/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: sim.seed.clientId, redirect_uri: REDIRECT, response_type: 'code', scope, state: 'xyz-1', decision }),
  });
  assert.equal(res.status, 302);
  return new URL(res.headers.get('location') ?? '');
}

test('authorize page: an HTML form with Allow for loopback redirect URIs; others are rejected', async () => {
  await withSimulator({}, async (sim) => {
    const q = new URLSearchParams({ client_id: sim.seed.clientId, redirect_uri: REDIRECT, response_type: 'code', scope: 'ads:read', state: 's<1>' });
    const ok = await fetch(`${sim.url}/oauth/?${q}`);
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-type') ?? '', /text\/html/);
    const html = await ok.text();
    assert.match(html, /<form method="post" action="\/oauth\/">/);
    assert.match(html, /value="allow">Allow</);
    assert.ok(html.includes('s&lt;1&gt;') && !html.includes('s<1>'), 'values are escaped');

    for (const [key, value] of [
      ['redirect_uri', 'https://evil.example.com/cb'],
      ['redirect_uri', 'http://127.0.0.1.evil.example/cb'],
      ['client_id', '999'],
      ['response_type', 'token'],
      ['scope', 'ads:read,everything'],
    ] as const) {
      const bad = new URLSearchParams(q);
      bad.set(key, value);
      const r = await fetch(`${sim.url}/oauth/?${bad}`);
      assert.equal(r.status, 400, `${key}=${value}`);
    }
    const denied = await authorize(sim, 'ads:read', 'deny');
    assert.equal(denied.searchParams.get('error'), 'access_denied');
    assert.equal(denied.searchParams.get('code'), null);
  });
});

test('authorization_code → tokens with Pinterest lifetimes; the code is single-use and bound to redirect_uri', async () => {
  const c = clock();
  await withSimulator({ now: c.now }, async (sim) => {
    const back = await authorize(sim);
    assert.equal(back.origin + back.pathname, REDIRECT);
    assert.equal(back.searchParams.get('state'), 'xyz-1');
    const code = back.searchParams.get('code') ?? '';
    assert.ok(code.length > 10);

    assertError(await tokenRequest(sim, { grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:1/other' }), 400, 1, /authorization code/);
    const t = await tokenRequest(sim, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    assert.equal(t.status, 200, t.text);
    assert.equal(t.body.response_type, 'authorization_code');
    assert.equal(t.body.token_type, 'bearer');
    assert.match(t.body.access_token, /^pina_/);
    assert.match(t.body.refresh_token, /^pinr\./);
    assert.equal(t.body.expires_in, 2592000);
    assert.equal(t.body.refresh_token_expires_in, 5184000);
    assert.equal(t.body.refresh_token_expires_at, Math.floor(c.now() / 1000) + 5184000);
    assert.equal(t.body.scope, 'ads:read,ads:write,user_accounts:read');
    assertError(await tokenRequest(sim, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT }), 400, 1, /already used/);

    const me = await call(sim, 'GET', '/user_account', { token: t.body.access_token });
    assert.equal(me.body.id, sim.seed.userId);
    assert.equal((await call(sim, 'POST', listsPath(sim), { token: t.body.access_token, body: { name: 'x', records: '' } })).status, 200);
    assert.ok(!JSON.stringify([...Object.keys(sim.state.tokens)]).includes(t.body.access_token), 'tokens are stored as digests');
  });
});

test('refresh_token grant issues fresh tokens (continuous refresh), may narrow scopes, never widen them', async () => {
  const c = clock();
  await withSimulator({ now: c.now }, async (sim) => {
    const code = (await authorize(sim, 'ads:read,user_accounts:read')).searchParams.get('code') ?? '';
    const first = await tokenRequest(sim, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    c.advance(59 * 24 * 3600 * 1000);
    const r = await tokenRequest(sim, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.response_type, 'refresh_token');
    assert.notEqual(r.body.access_token, first.body.access_token);
    assert.ok(r.body.refresh_token && r.body.refresh_token !== first.body.refresh_token);
    assert.equal(r.body.refresh_token_expires_in, 5184000);
    const narrowed = await tokenRequest(sim, { grant_type: 'refresh_token', refresh_token: r.body.refresh_token, scope: 'ads:read' });
    assert.equal(narrowed.body.scope, 'ads:read');
    assertError(await tokenRequest(sim, { grant_type: 'refresh_token', refresh_token: r.body.refresh_token, scope: 'ads:write' }), 400, 1, /ads:write/);
    assertError(await tokenRequest(sim, { grant_type: 'refresh_token', refresh_token: first.body.access_token }), 400, 1, /refresh token/);
    c.advance(61 * 24 * 3600 * 1000);
    assertError(await tokenRequest(sim, { grant_type: 'refresh_token', refresh_token: r.body.refresh_token }), 400, 1, /expired/);
  });
});

test('client_credentials needs scope; its token only works where the spec lists the client_credentials scheme', async () => {
  await withSimulator({}, async (sim) => {
    assertError(await tokenRequest(sim, { grant_type: 'client_credentials' }), 400, 1, /scope/);
    const t = await tokenRequest(sim, { grant_type: 'client_credentials', scope: 'ads:read,ads:write' });
    assert.equal(t.status, 200, t.text);
    assert.equal(t.body.response_type, 'client_credentials');
    assert.equal(t.body.refresh_token, undefined);
    const token = t.body.access_token;
    assert.equal((await call(sim, 'GET', '/ad_accounts', { token })).status, 200);
    assert.equal((await call(sim, 'GET', `${listsPath(sim)}/1`, { token })).status, 404, 'customer_lists/get allows client_credentials');
    assertError(await call(sim, 'GET', listsPath(sim), { token }), 401, 3);
    assertError(await call(sim, 'POST', listsPath(sim), { token, body: { name: 'x', records: '' } }), 401, 3);
  });
});

test('token endpoint: HTTP Basic client auth (401 code 2), form body only, schema-checked grants', async () => {
  await withSimulator({}, async (sim) => {
    const form = { grant_type: 'client_credentials', scope: 'ads:read' };
    assertError(await tokenRequest(sim, form, basic(sim.seed.clientId, 'wrong')), 401, 2, 'Authentication failed.');
    assertError(await tokenRequest(sim, form, basic('999', sim.seed.clientSecret)), 401, 2);
    assertError(await tokenRequest(sim, form, ''), 401, 2);
    assertError(await tokenRequest(sim, { grant_type: 'password' }), 400, 1, /grant_type/);
    assertError(await tokenRequest(sim, { grant_type: 'authorization_code', code: 'x' }), 400, 1, /redirect_uri/);
    const json = await fetch(`${sim.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic(sim.seed.clientId, sim.seed.clientSecret), 'content-type': 'application/json' },
      body: JSON.stringify(form),
    });
    assert.equal(json.status, 400);
  });
});
