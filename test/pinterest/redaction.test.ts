import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createPinterestClient, redactHeaders, redactPath, scrubText, type ClientEvent, type TokenProvider } from '../../src/core/pinterest/index';
import { call, createList, emails, fastPolicy, withClient } from './helpers';

test('redactHeaders shows only the scheme of credentials; redactPath keeps ids and drops the query', () => {
  assert.deepEqual(
    redactHeaders({ Authorization: 'Bearer pina_abcdefghijklmnop', 'Content-Type': 'application/json', Cookie: 'a=b', 'X-Pinterest-Rid': 'r1' }),
    { authorization: 'Bearer ••••', 'content-type': 'application/json', cookie: '••••', 'x-pinterest-rid': 'r1' },
  );
  assert.deepEqual(redactHeaders(new Headers({ authorization: 'Basic dXNlcjpwYXNz' })), { authorization: 'Basic ••••' });
  assert.deepEqual(redactHeaders([['Proxy-Authorization', 'secret']]), { 'proxy-authorization': '••••' });
  assert.deepEqual(redactHeaders(undefined), {});
  assert.equal(redactPath('https://api.pinterest.com/v5/ad_accounts/549755885175/customer_lists?bookmark=abc&x=a@b.co'), '/v5/ad_accounts/549755885175/customer_lists');
  const hex = createHash('sha256').update('a@example.com').digest('hex');
  assert.equal(
    scrubText(`bad ${hex} and A.B@Example.com, IDFA cdda802e-fb9c-47ad-9866-0794d394c912, token pina_XyZ123 and Bearer abc\u0000`),
    'bad [hash] and [email], IDFA [device id], token •••• and Bearer ••••',
  );
});

test('no event or error of a faulty run ever contains the token or a record', async () => {
  const records = [...emails(40, 'person'), ...emails(5, 'gone')];
  const hashed = records.map((r) => createHash('sha256').update(r).digest('hex'));
  const faults = '429:0.1,500:0.08,502:0.08,503:0.08,drop:0.08,truncate:0.08,expire:0.1';
  await withClient({ faults, seed: 11 }, {}, async ({ sim }) => {
    const events: ClientEvent[] = [];
    const errors: unknown[] = [];
    let refreshes = 0;
    const tokens: TokenProvider = { accessToken: async () => sim.seed.accessToken, refresh: async () => (refreshes++, sim.seed.accessToken) };
    const client = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens, retry: fastPolicy, sleep: async () => {}, onEvent: (e) => events.push(e) });
    const account = sim.seed.adAccountId;
    const attempt = async <T>(p: Promise<T>) => p.catch((e: unknown) => void errors.push(e));
    const lists = `/ad_accounts/${account}/customer_lists`;
    const patch = (c: typeof client, listId: string, operation_type: string, sent: string[]) => attempt(call(c, 'PATCH', `${lists}/${listId}`, { operation_type, records: sent.join(',') }));

    const listId = await createList(client, account, 'Redaction', records.slice(0, 10));
    for (let i = 10; i < 40; i += 5) await patch(client, listId, 'ADD', records.slice(i, i + 5));
    await patch(client, listId, 'ADD', hashed);
    await patch(client, listId, 'REMOVE', records.slice(40));
    // Failures of every kind, with records in their bodies.
    await attempt(createList(client, sim.seed.readOnlyAdAccountId, 'denied', records));
    await patch(client, '999', 'ADD', records);
    await patch(client, listId, 'MERGE', records);
    await attempt(client.request({ method: 'POST', url: `${client.baseUrl}${lists}`, body: `{"name":"broken","records":"${records[0]}"` }));
    const limited = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: { accessToken: async () => sim.seed.limitedAccessToken }, retry: fastPolicy, sleep: async () => {}, onEvent: (e) => events.push(e) });
    await patch(limited, listId, 'ADD', records);
    const bad = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: { accessToken: async () => 'pina_wrongwrongwrong' }, retry: fastPolicy, sleep: async () => {}, onEvent: (e) => events.push(e) });
    await patch(bad, listId, 'ADD', records);

    assert.ok(errors.length >= 6, `failures collected (${errors.length})`);
    assert.ok(events.some((e) => e.type === 'retry' && e.reason === 'refresh'), 'an expired token was refreshed');
    assert.ok(events.some((e) => e.type === 'retry' && e.reason === 'truncated'));
    const text = JSON.stringify(events) + errors.map((e) => `${String(e)} ${(e as Error).stack ?? ''} ${JSON.stringify(e)}`).join('\n');
    for (const secret of [sim.seed.accessToken, sim.seed.limitedAccessToken, 'pina_wrongwrongwrong', ...records, ...hashed]) {
      assert.ok(!text.includes(secret), 'a token or record leaked into an event or error');
    }
    assert.ok(!/@example\.com/.test(text));
  });
});

// Each Pinterest token prefix: access (pina), refresh (pinr., the spec's example), client credentials (pinc_).
const PREFIXED_TOKENS = ['pina_AbC123.xyz', 'pina.Zz9', 'pinr.eyJhbGciOiJSexample', 'pinr_Yy8', 'pinc_Xx7.q'];

test('every Pinterest token prefix is masked in a client error and in a log line', async () => {
  const { createServer } = await import('node:http');
  const { redact } = await import('../../src/extension/redact');
  // A server whose error message echoes tokens back, as a misbehaving proxy might.
  const server = createServer((_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 1, message: `Invalid tokens ${PREFIXED_TOKENS.join(' ')} refresh_token=r3fr3sh` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as { port: number }).port;
    const client = createPinterestClient({ environment: 'local', baseUrl: `http://127.0.0.1:${port}/v5`, tokens: { accessToken: async () => 'pina_unrelated' }, retry: fastPolicy, sleep: async () => {} });
    const e = await call(client, 'GET', '/ad_accounts/1').then(() => assert.fail('should reject'), (x: unknown) => x as Error);
    const shown = `${e.message} ${(e as { pinterestMessage?: string }).pinterestMessage ?? ''}`;
    assert.match(shown, /Invalid tokens/, 'the server message reached the error');
    const logged = redact(`token refresh failed: ${PREFIXED_TOKENS.join(', ')} refresh_token=r3fr3sh`);
    for (const token of [...PREFIXED_TOKENS, 'r3fr3sh']) {
      assert.ok(!shown.includes(token), `${token.slice(0, 5)} in the client error: ${shown}`);
      assert.ok(!logged.includes(token), `${token.slice(0, 5)} in the log line: ${logged}`);
    }
    assert.equal(logged.split('••••').length - 1, PREFIXED_TOKENS.length + 1);
  } finally {
    server.close();
  }
});

test('a long server message shaped like many addresses is masked in a client error and in a log line without hanging', async () => {
  const { createServer } = await import('node:http');
  const { redact } = await import('../../src/extension/redact');
  // 20,000 characters of "a@a@…": the unanchored email pattern backtracked for minutes on this.
  const message = `Record ann@example.org rejected near ${'a@'.repeat(10_000)}`;
  const server = createServer((_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 1, message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as { port: number }).port;
    const client = createPinterestClient({ environment: 'local', baseUrl: `http://127.0.0.1:${port}/v5`, tokens: { accessToken: async () => 'pina_unrelated' }, retry: fastPolicy, sleep: async () => {} });
    const e = await call(client, 'GET', '/ad_accounts/1').then(() => assert.fail('should reject'), (x: unknown) => x as Error);
    const shown = (e as { pinterestMessage?: string }).pinterestMessage ?? '';
    assert.match(shown, /^Record \[email\] rejected near a@a@/);
    assert.ok(!e.message.includes('ann@example.org'), e.message.slice(0, 200));
    const logged = redact(`push failed: ${message} (also bob@example.com)`);
    assert.ok(logged.startsWith('push failed: Record [email] rejected near a@a@'));
    assert.ok(logged.endsWith('(also [email])'), logged.slice(-40));
  } finally {
    server.close();
  }
});
