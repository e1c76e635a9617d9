import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PinterestApiError,
  PinterestConfigError,
  createPinterestClient,
  envTokenProvider,
  staticTokenProvider,
  type TokenProvider,
} from '../../src/core/pinterest/index';
import { call, withClient } from './helpers';

const noFetch = (() => {
  throw new Error('fetch must not be called');
}) as unknown as typeof fetch;

test('401 code 2 (bad token): typed, with request id and what to do', async () => {
  // production at a loopback base URL: what a user of real Pinterest reads.
  await withClient({}, { environment: 'production', tokens: staticTokenProvider('pina_not-a-real-token') }, async ({ client }) => {
    const e = await call(client, 'GET', '/ad_accounts/1').then(() => assert.fail('should reject'), (x: unknown) => x);
    assert.ok(e instanceof PinterestApiError);
    assert.equal(e.status, 401);
    assert.equal(e.code, 2);
    assert.equal(e.pinterestMessage, 'Authentication failed.');
    assert.match(e.requestId ?? '', /^[0-9a-f]+$/);
    assert.equal(e.retryable, false);
    assert.equal(e.attempts, 1);
    assert.match(e.message, /did not accept the access token.*sign in again/);
    assert.ok(!e.message.includes('pina_not-a-real-token'));
  });
});

test('401 from a simulator (local): says to unset PINDEST_SIMULATOR_TOKEN, not to sign in again', async () => {
  await withClient({}, { tokens: staticTokenProvider('pina_not-a-real-token') }, async ({ client }) => {
    await assert.rejects(call(client, 'GET', '/ad_accounts/1'), (e: unknown) => {
      assert.ok(e instanceof PinterestApiError);
      assert.match(e.message, /^The simulator did not accept the token it was sent while reading ad account 1: unset PINDEST_SIMULATOR_TOKEN/);
      assert.doesNotMatch(e.message, /sign in|pina_not-a-real-token/i);
      return true;
    });
  });
});

test('401 code 3 (missing scope) names the scope the operation needs', async () => {
  await withClient({}, {}, async ({ sim }) => {
    const client = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.limitedAccessToken) });
    // Reads work with the limited token...
    await call(client, 'GET', `/ad_accounts/${sim.seed.adAccountId}`);
    // ...writes need ads:write.
    const e = await call(client, 'POST', `/ad_accounts/${sim.seed.adAccountId}/customer_lists`, { name: 'x', records: 'a@example.com' }).catch((x: unknown) => x);
    assert.ok(e instanceof PinterestApiError);
    assert.equal(e.status, 401);
    assert.equal(e.code, 3);
    assert.match(e.message, /lacks the ads:write scope needed for creating a customer list in ad account \d+/);
  });
});

test('403 code 29 on the read-only ad account: ask an owner for the AUDIENCE_MANAGER role', async () => {
  await withClient({}, {}, async ({ sim, client }) => {
    const id = sim.seed.readOnlyAdAccountId;
    const e = await call(client, 'POST', `/ad_accounts/${id}/customer_lists`, { name: 'x', records: 'a@example.com' }).catch((x: unknown) => x);
    assert.ok(e instanceof PinterestApiError);
    assert.equal(e.status, 403);
    assert.equal(e.code, 29);
    assert.equal(e.retryable, false);
    assert.equal(e.attempts, 1, 'the default policy does not retry 403 (AEP would)');
    assert.match(e.message, new RegExp(`lacks access to ad account ${id}.*ask an owner for the Audience \\(AUDIENCE_MANAGER\\) role`));
  });
});

test('404 for an unknown ad account, customer list and audience', async () => {
  await withClient({}, {}, async ({ sim, client }) => {
    const e = await call(client, 'GET', '/ad_accounts/123456789').catch((x: unknown) => x);
    assert.ok(e instanceof PinterestApiError);
    assert.equal(e.status, 404);
    assert.equal(e.code, 2);
    assert.match(e.message, /Ad account 123456789 was not found: check the id/);
    const l = await call(client, 'GET', `/ad_accounts/${sim.seed.adAccountId}/customer_lists/42`).catch((x: unknown) => x);
    assert.match((l as Error).message, /Customer list 42 was not found in ad account/);
    const a = await call(client, 'GET', `/ad_accounts/${sim.seed.adAccountId}/audiences/43`).catch((x: unknown) => x);
    assert.match((a as Error).message, /Audience 43 was not found/);
  });
});

test('400 for an invalid body: Pinterest\'s message kept, not retried, no record in the message', async () => {
  await withClient({}, {}, async ({ sim, client, events }) => {
    const e = await call(client, 'POST', `/ad_accounts/${sim.seed.adAccountId}/customer_lists`, { name: 'no records', list_type: 'EMAIL', secret: 'victim@example.com' }).catch((x: unknown) => x);
    assert.ok(e instanceof PinterestApiError);
    assert.equal(e.status, 400);
    assert.equal(e.code, 1);
    assert.match(e.pinterestMessage ?? '', /^Invalid parameters\./);
    assert.match(e.message, /rejected creating a customer list in ad account \d+ as invalid.*sending it again will not help/);
    assert.equal(events.filter((x) => x.type === 'retry').length, 0);
    assert.ok(!JSON.stringify([e, e.message, events]).includes('victim@example.com'));
  });
});

test('a server message that echoes the token or a record is scrubbed before it reaches an error', async () => {
  const token = 'pina_SECRETSECRETSECRET';
  const echo = (async (_url: URL, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { records: string };
    const auth = (init.headers as Record<string, string>).authorization;
    return new Response(JSON.stringify({ code: 1, message: `Invalid parameters. Bad record ${body.records.split(',')[0]} for ${auth} (IDFA CDDA802E-FB9C-47AD-9866-0794D394C912)` }), {
      status: 400,
      headers: { 'content-type': 'application/json', 'x-pinterest-rid': 'abc123' },
    });
  }) as unknown as typeof fetch;
  const client = createPinterestClient({ environment: 'production', tokens: staticTokenProvider(token), fetch: echo });
  const e = await call(client, 'PATCH', '/ad_accounts/1/customer_lists/2', { operation_type: 'ADD', records: 'Mixed.Case+tag@Example.org,b@example.com' }).catch((x: unknown) => x);
  assert.ok(e instanceof PinterestApiError);
  const all = JSON.stringify({ message: e.message, pm: e.pinterestMessage, e });
  for (const secret of [token, 'SECRETSECRET', 'Mixed.Case+tag@Example.org', 'CDDA802E']) assert.ok(!all.includes(secret), `no ${secret}`);
  assert.match(e.pinterestMessage ?? '', /Bad record .* for Bearer ••••/);
  assert.match(e.message, /request id abc123/);
});

test('refresh on 401 code 2: the provider refreshes once and the request is retried once', async () => {
  await withClient({}, {}, async ({ sim }) => {
    let current = 'pina_expired0000';
    let refreshes = 0;
    const tokens: TokenProvider = {
      accessToken: async () => current,
      refresh: async () => {
        refreshes++;
        current = sim.seed.accessToken;
        return current;
      },
    };
    const events: string[] = [];
    const client = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens, onEvent: (e) => events.push(`${e.type}:${e.status ?? ''}:${e.reason ?? ''}`) });
    const account = await call<{ id: string }>(client, 'GET', `/ad_accounts/${sim.seed.adAccountId}`);
    assert.equal(account.body.id, sim.seed.adAccountId);
    assert.equal(refreshes, 1);
    assert.deepEqual(events, ['request::', 'response:401:', 'retry:401:refresh', 'request::', 'response:200:']);

    // A refresh that still yields a rejected token: one refresh, then the 401 reaches the caller.
    let attempts = 0;
    const stale = createPinterestClient({
      environment: 'local',
      baseUrl: sim.baseUrl,
      tokens: { accessToken: async () => 'pina_stale', refresh: async () => (attempts++, 'pina_stale_too') },
    });
    const e = await call(stale, 'GET', `/ad_accounts/${sim.seed.adAccountId}`).catch((x: unknown) => x);
    assert.ok(e instanceof PinterestApiError);
    assert.equal(e.status, 401);
    assert.equal(e.attempts, 2);
    assert.equal(attempts, 1);

    // A provider that cannot refresh (returns undefined): the first 401 is final.
    const none = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: { accessToken: async () => 'pina_x', refresh: async () => undefined } });
    assert.equal(((await call(none, 'GET', `/ad_accounts/${sim.seed.adAccountId}`).catch((x: unknown) => x)) as PinterestApiError).attempts, 1);
  });
});

test('envTokenProvider: a missing or empty variable is named, a value is never echoed', async () => {
  for (const env of [{}, { PINTEREST_ACCESS_TOKEN: '' }, { PINTEREST_ACCESS_TOKEN: '   ' }]) {
    await assert.rejects(envTokenProvider(env).accessToken(), (e: unknown) => {
      assert.ok(e instanceof PinterestConfigError);
      assert.equal(e.reason, 'missing-token');
      assert.match(e.message, /set the PINTEREST_ACCESS_TOKEN environment variable/);
      return true;
    });
  }
  assert.equal(await envTokenProvider({ PINTEREST_ACCESS_TOKEN: ' pina_abc \n' }).accessToken(), 'pina_abc');
  await assert.rejects(envTokenProvider({ PINTEREST_ACCESS_TOKEN: 'pina_a\r\nX-Evil: 1' }).accessToken(), (e: unknown) => {
    assert.equal((e as PinterestConfigError).reason, 'invalid-token');
    assert.ok(!(e as Error).message.includes('pina_a'));
    return true;
  });
  // The client surfaces the provider's error untouched, before any I/O.
  const client = createPinterestClient({ environment: 'production', tokens: envTokenProvider({}), fetch: noFetch });
  await assert.rejects(call(client, 'GET', '/ad_accounts/1'), /PINTEREST_ACCESS_TOKEN/);
});

test('plain http to a non-loopback host is refused before any I/O, and before the token is read', async () => {
  let tokenReads = 0;
  const tokens: TokenProvider = { accessToken: async () => (tokenReads++, 'pina_token') };
  for (const baseUrl of ['http://example.com/v5', 'http://10.0.0.5:8080/v5', 'http://127.0.0.1.nip.io/v5', 'ftp://example.com/v5']) {
    const client = createPinterestClient({ environment: 'local', baseUrl, tokens, fetch: noFetch });
    await assert.rejects(call(client, 'GET', '/ad_accounts/1'), (e: unknown) => {
      assert.ok(e instanceof PinterestConfigError, baseUrl);
      assert.match(e.reason, /insecure-url|invalid-url/);
      return true;
    });
  }
  const insecure = createPinterestClient({ environment: 'local', baseUrl: 'http://example.com/v5', tokens, fetch: noFetch });
  await assert.rejects(call(insecure, 'GET', '/ad_accounts/1'), /Refusing to send the Pinterest access token over plain http to example\.com/);
  // A pre-rendered URL outside the base URL never gets the token either.
  const prod = createPinterestClient({ environment: 'production', tokens, fetch: noFetch });
  assert.equal(prod.baseUrl, 'https://api.pinterest.com/v5');
  await assert.rejects(prod.request({ method: 'GET', url: 'https://api.pinterest.com.evil.example/v5/user_account' }), { reason: 'invalid-url' });
  await assert.rejects(prod.request({ method: 'GET', url: 'https://api.pinterest.com/v4/user_account' }), { reason: 'invalid-url' });
  // Certificate checks switched off globally: refuse rather than hand the token to anyone.
  const tlsOff = createPinterestClient({ environment: 'production', tokens, fetch: noFetch, env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });
  await assert.rejects(call(tlsOff, 'GET', '/ad_accounts/1'), { reason: 'tls-disabled' });
  // local without a base URL says where to get one.
  await assert.rejects(call(createPinterestClient({ environment: 'local', tokens, fetch: noFetch }), 'GET', '/ad_accounts/1'), /needs a base URL/);
  assert.equal(tokenReads, 0);

  // Loopback over http is fine (the simulator), and https anywhere.
  const seen: string[] = [];
  const ok = (async (url: URL) => {
    seen.push(String(url));
    return new Response('{"id":"1"}', { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  for (const baseUrl of ['http://127.0.0.1:9/v5', 'http://localhost:9/v5', 'http://[::1]:9/v5', 'https://pinterest-proxy.example/v5/']) {
    await call(createPinterestClient({ environment: 'local', baseUrl, tokens, fetch: ok }), 'GET', '/ad_accounts/1');
  }
  assert.deepEqual(seen, ['http://127.0.0.1:9/v5/ad_accounts/1', 'http://localhost:9/v5/ad_accounts/1', 'http://[::1]:9/v5/ad_accounts/1', 'https://pinterest-proxy.example/v5/ad_accounts/1']);
});

test('calls that fail together on an expired token share one refresh', async () => {
  await withClient({}, {}, async ({ sim }) => {
    let current = 'pina_expired_shared';
    let refreshes = 0;
    const tokens: TokenProvider = {
      accessToken: async () => current,
      refresh: async () => {
        refreshes++;
        await new Promise((r) => setTimeout(r, 10));
        current = sim.seed.accessToken;
        return current;
      },
    };
    const client = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens });
    const read = (id: string) => call(client, 'GET', `/ad_accounts/${id}`);
    const results = await Promise.all([read(sim.seed.adAccountId), read(sim.seed.readOnlyAdAccountId), read(sim.seed.audienceManagerAdAccountId)]);
    assert.equal(results.length, 3);
    assert.equal(refreshes, 1);
  });
});
