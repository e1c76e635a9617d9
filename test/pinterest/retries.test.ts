import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PinterestAbortError,
  PinterestApiError,
  PinterestNetworkError,
  aepBestEffortPolicy,
  createPinterestClient,
  createRetryPolicy,
  defaultPolicy,
  noRetryPolicy,
  serverDelayMs,
  staticTokenProvider,
  type ClientEvent,
} from '../../src/core/pinterest/index';
import { emails, fastPolicy, virtualClock, withClient } from './helpers';

interface PushTotals {
  uploaded: number;
  removed: number;
  batches: number;
}

/** A small push: one create, 15 ADD and 5 REMOVE PATCHes through request() like the executor. */
async function push(h: Parameters<Parameters<typeof withClient>[2]>[0]): Promise<{ sent: PushTotals; list: PushTotals; attempts: number[]; ambiguous: number }> {
  const account = h.sim.seed.adAccountId;
  const list = await h.client.createCustomerList(account, { name: 'Faulty push', records: emails(10).join(',') });
  const sent: PushTotals = { uploaded: 10, removed: 0, batches: 1 };
  const attempts: number[] = [];
  let ambiguous = 0;
  for (let i = 0; i < 20; i++) {
    const remove = i % 4 === 3;
    const records = remove ? emails(2, `b${i - 3}-`) : emails(5, `b${i}-`);
    const r = await h.client.request({
      method: 'PATCH',
      url: `${h.sim.baseUrl}/ad_accounts/${account}/customer_lists/${list.id}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operation_type: remove ? 'REMOVE' : 'ADD', records: records.join(',') }),
    });
    assert.equal(r.status, 200);
    attempts.push(r.attempts);
    ambiguous += r.ambiguousRetries;
    if (remove) sent.removed += records.length;
    else sent.uploaded += records.length;
    sent.batches++;
  }
  const final = await h.client.getCustomerList(account, list.id);
  return {
    sent,
    list: { uploaded: final.num_uploaded_user_records!, removed: final.num_removed_user_records!, batches: final.num_batches! },
    attempts,
    ambiguous,
  };
}

for (const faults of ['503:0.3', '429:0.3', 'drop:0.2', 'truncate:0.2']) {
  test(`under ${faults} every call succeeds after retries and the list's counters equal what was sent`, async () => {
    await withClient({ faults, seed: 7 }, {}, async (h) => {
      const { sent, list, attempts, ambiguous } = await push(h);
      assert.deepEqual(list, sent, 'the simulator never applies a faulted write, so retries do not double count');
      const retries = h.events.filter((e) => e.type === 'retry');
      assert.ok(retries.length >= 3, `faults happened and were retried (${retries.length})`);
      assert.ok(attempts.some((a) => a > 1), 'attempts > 1 reported on some PATCH');
      assert.equal(h.events.filter((e) => e.type === 'error').length, 0);
      if (faults.startsWith('drop') || faults.startsWith('truncate')) {
        // A write retried after a broken connection is reported as possibly applied twice.
        assert.ok(ambiguous > 0, 'ambiguous retries counted');
        assert.ok(retries.every((e) => e.reason === (faults.startsWith('drop') ? 'connection' : 'truncated')));
      } else {
        assert.equal(ambiguous, 0);
        assert.ok(retries.every((e) => e.reason === `http-${faults.slice(0, 3)}`));
      }
    });
  });
}

test('giving up: the last error carries the attempt count and says what to do', async () => {
  await withClient({ faults: '503:1' }, { retry: createRetryPolicy({ maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 }) }, async ({ sim, client, sleeps }) => {
    const e = await client.getAdAccount(sim.seed.adAccountId).catch((x: unknown) => x);
    assert.ok(e instanceof PinterestApiError);
    assert.equal(e.status, 503);
    assert.equal(e.attempts, 3);
    assert.equal(e.retryable, true);
    assert.equal(sleeps.length, 2);
    assert.match(e.message, /Pinterest failed while reading ad account \d+ \(HTTP 503\) after 3 attempts: try again later/);
  });
  await withClient({ faults: 'drop:1' }, { retry: createRetryPolicy({ maxAttempts: 2, baseDelayMs: 1 }) }, async ({ sim, client }) => {
    const e = await client.getAdAccount(sim.seed.adAccountId).catch((x: unknown) => x);
    assert.ok(e instanceof PinterestNetworkError);
    assert.equal(e.reason, 'connection');
    assert.equal(e.attempts, 2);
  });
});

test('Retry-After is honoured: the client waits what Pinterest asks, and the retry then passes the rate limit', async () => {
  const clock = virtualClock();
  await withClient({ retryAfter: true, rateLimitPerMinute: 2, now: clock.now }, { retry: defaultPolicy, sleep: clock.sleep, now: clock.now }, async ({ sim, client, events }) => {
    const account = sim.seed.adAccountId;
    const list = await client.createCustomerList(account, { name: 'Slow', records: 'a@example.com' });
    await client.updateCustomerList(account, list.id, { operation_type: 'ADD', records: 'b@example.com' });
    // The bucket (2/min) is empty now: the next write is answered 429 with Retry-After: 30.
    const third = await client.updateCustomerList(account, list.id, { operation_type: 'ADD', records: 'c@example.com' });
    assert.equal(third.num_uploaded_user_records, 3);
    assert.deepEqual(clock.slept, [30_000]);
    const retry = events.find((e) => e.type === 'retry')!;
    assert.equal(retry.status, 429);
    assert.equal(retry.delayMs, 30_000);
    assert.deepEqual(events.find((e) => e.type === 'response' && e.status === 429)?.rateLimit, { limit: 2, remaining: 0, resetSeconds: 30 });
  });
  // Injected 429 faults carry Retry-After: 60/limit seconds too.
  await withClient({ retryAfter: true, faults: '429:0.5', seed: 3, rateLimitPerMinute: 6 }, { retry: defaultPolicy }, async ({ sim, client, sleeps }) => {
    const list = await client.createCustomerList(sim.seed.adAccountId, { name: 'x', records: 'a@example.com' });
    for (let i = 0; i < 4; i++) await client.updateCustomerList(sim.seed.adAccountId, list.id, { operation_type: 'ADD', records: `r${i}@example.com` });
    assert.ok(sleeps.length > 0);
    assert.ok(sleeps.every((ms) => ms === 10_000), `all waits are the 10 s asked for: ${sleeps.join(',')}`);
  });
});

test('server hints: Retry-After in seconds or as a date, x-ratelimit-reset only when the quota is exhausted', () => {
  const now = () => Date.UTC(2026, 0, 1, 0, 0, 0);
  assert.equal(serverDelayMs({ 'retry-after': '7' }, now), 7000);
  assert.equal(serverDelayMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:12 GMT' }, now), 12_000);
  assert.equal(serverDelayMs({ 'x-ratelimit-reset': '5', 'x-ratelimit-remaining': '3' }, now, 503), undefined);
  assert.equal(serverDelayMs({ 'x-ratelimit-reset': '5', 'x-ratelimit-remaining': '0' }, now), 5000);
  assert.equal(serverDelayMs({ 'x-ratelimit-reset': '5' }, now, 429), 5000);
  assert.equal(serverDelayMs({ 'x-ratelimit-reset': String(now() / 1000 + 9) }, now, 429), 9000, 'a Unix time works too');
  assert.equal(serverDelayMs({}, now, 429), undefined);
  // Full jitter within the exponential ceiling, capped.
  const p = createRetryPolicy({ baseDelayMs: 500, maxDelayMs: 30_000 });
  assert.equal(p.delayMs(1, {}, { random: () => 0.999999, now }), 499);
  assert.equal(p.delayMs(3, {}, { random: () => 0.5, now }), 1000);
  assert.equal(p.delayMs(20, {}, { random: () => 0.999999, now }), 29_999);
  assert.equal(p.delayMs(1, {}, { random: () => 0, now }), 0);
  assert.equal(p.delayMs(2, { 'retry-after': '1000' }, { random: () => 0, now }), 120_000, 'server waits are capped');
  // Which outcomes each policy retries.
  assert.deepEqual([429, 500, 502, 503, 504, 400, 401, 403, 404, 409].filter((s) => defaultPolicy.retryOn(s, 'GET')), [429, 500, 502, 503, 504]);
  assert.deepEqual([403, 408, 409, 429, 500, 501, 502, 503, 504, 400, 401, 404].filter((s) => aepBestEffortPolicy.retryOn(s, 'PATCH')), [403, 408, 409, 429, 500, 502, 503, 504]);
  assert.equal(defaultPolicy.retryOn('network', 'PATCH', { reason: 'truncated', mayHaveReachedServer: true }), true);
  const careful = createRetryPolicy({ retryWritesOnNetworkError: false });
  assert.equal(careful.retryOn('network', 'POST', { reason: 'connection', mayHaveReachedServer: true }), false);
  assert.equal(careful.retryOn('network', 'POST', { reason: 'connection', mayHaveReachedServer: false }), true, 'provably never sent');
  assert.equal(careful.retryOn('network', 'GET', { reason: 'timeout', mayHaveReachedServer: true }), true);
  assert.equal(defaultPolicy.maxAttempts, 6);
});

test("AEP's best-effort policy: 403 retried twice after 15 s and 30 s, then dropped; 400 not retried", async () => {
  let calls = 0;
  const status = { value: 403 };
  const fake = (async () => {
    calls++;
    return new Response(JSON.stringify({ code: 29, message: 'You are not permitted to access that resource.' }), { status: status.value, headers: { 'content-type': 'application/json', 'retry-after': '1' } });
  }) as unknown as typeof fetch;
  const sleeps: number[] = [];
  const client = createPinterestClient({ environment: 'production', tokens: staticTokenProvider('pina_t'), fetch: fake, retry: aepBestEffortPolicy, sleep: async (ms) => void sleeps.push(ms) });
  const e = await client.getAdAccount('549755885175').catch((x: unknown) => x);
  assert.equal((e as PinterestApiError).attempts, 3);
  assert.deepEqual(sleeps, [15_000, 30_000], 'Adobe ignores Retry-After');
  assert.equal(calls, 3);
  status.value = 400;
  await client.getAdAccount('549755885175').catch(() => {});
  assert.equal(calls, 4);
});

test('abort during a backoff wait rejects promptly with an AbortError; so does abort before and during a request', { timeout: 5000 }, async () => {
  await withClient({ faults: '503:1' }, { retry: createRetryPolicy({ baseDelayMs: 60_000, maxDelayMs: 60_000 }), random: () => 0.99, sleep: undefined }, async ({ sim }) => {
    const controller = new AbortController();
    const client = createPinterestClient({
      environment: 'local',
      baseUrl: sim.baseUrl,
      tokens: staticTokenProvider(sim.seed.accessToken),
      retry: createRetryPolicy({ baseDelayMs: 60_000, maxDelayMs: 60_000 }),
      random: () => 0.99,
      onEvent: (e) => {
        if (e.type === 'retry') setTimeout(() => controller.abort(), 5);
      },
    });
    const e = await client.getAdAccount(sim.seed.adAccountId, { signal: controller.signal }).catch((x: unknown) => x);
    assert.ok(e instanceof PinterestAbortError);
    assert.equal(e.name, 'AbortError');
    assert.equal(e.attempts, 1);

    const before = new AbortController();
    before.abort();
    const events: string[] = [];
    const c2 = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.accessToken), onEvent: (x) => events.push(x.type) });
    await assert.rejects(c2.getUserAccount({ signal: before.signal }), { name: 'AbortError', attempts: 0 });
    assert.deepEqual(events, []);
  });
  await withClient({ faults: 'latency:1000' }, { sleep: undefined }, async ({ sim, client }) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(client.getAdAccount(sim.seed.adAccountId, { signal: controller.signal }), (e: unknown) => e instanceof PinterestAbortError && e.attempts === 1);
  });
});

test('per-attempt timeout: a slow answer becomes a retryable timeout, then a typed network error', { timeout: 5000 }, async () => {
  await withClient({ faults: 'latency:400' }, { timeoutMs: 40, retry: createRetryPolicy({ maxAttempts: 2, baseDelayMs: 1 }) }, async ({ sim, client, events }) => {
    const e = await client.getAdAccount(sim.seed.adAccountId).catch((x: unknown) => x);
    assert.ok(e instanceof PinterestNetworkError);
    assert.equal(e.reason, 'timeout');
    assert.equal(e.attempts, 2);
    assert.match(e.message, /did not answer in time while reading ad account \d+ \(2 attempts\)/);
    assert.deepEqual(events.map((x) => `${x.type}:${x.reason ?? ''}`), ['request:', 'retry:timeout', 'request:', 'error:timeout']);
  });
});

test('pacing: with maxRequestsPerMinute at the quota a push never sees a 429; without it, it does', async () => {
  const run = async (paced: boolean) => {
    const clock = virtualClock();
    return withClient(
      { rateLimitPerMinute: 20, now: clock.now },
      { retry: defaultPolicy, sleep: clock.sleep, now: clock.now, ...(paced ? { maxRequestsPerMinute: 20 } : {}) },
      async ({ sim, client, events }) => {
        const list = await client.createCustomerList(sim.seed.adAccountId, { name: 'Paced', records: 'a@example.com' });
        for (let i = 0; i < 40; i++) await client.updateCustomerList(sim.seed.adAccountId, list.id, { operation_type: 'ADD', records: `p${i}@example.com` });
        const final = await client.getCustomerList(sim.seed.adAccountId, list.id);
        assert.equal(final.num_uploaded_user_records, 41);
        return { rejected: events.filter((e) => e.status === 429 && e.type === 'response').length, elapsedMs: clock.slept.reduce((a, b) => a + b, 0) };
      },
    );
  };
  const paced = await run(true);
  assert.equal(paced.rejected, 0);
  // 42 requests (41 writes and the final read, paced as one bucket) against a burst of 20 at
  // 20/min: 22 of them wait 3 s each, exactly.
  assert.equal(paced.elapsedMs, 22 * 3000);
  const unpaced = await run(false);
  assert.ok(unpaced.rejected > 0, 'without pacing the quota is discovered through 429s');
});

test('the fast test policy really is fast and bounded', () => {
  assert.equal(fastPolicy.maxAttempts, 12);
  assert.ok(fastPolicy.delayMs(12, { 'retry-after': '60' }, { random: () => 0.999, now: Date.now }) <= 2);
  assert.equal(noRetryPolicy.retryOn(503, 'GET'), false);
});

test('a refused connection provably sent nothing: even a policy that never repeats writes retries it', async () => {
  const { startSimulator } = await import('../../src/simulator/index');
  const sim = await startSimulator({ port: 0 });
  const { baseUrl } = sim;
  await sim.close();
  const events: ClientEvent[] = [];
  const client = createPinterestClient({
    environment: 'local',
    baseUrl,
    tokens: staticTokenProvider('pina_t'),
    retry: createRetryPolicy({ maxAttempts: 3, baseDelayMs: 1, retryWritesOnNetworkError: false }),
    sleep: async () => {},
    onEvent: (e) => events.push(e),
  });
  const e = await client.createCustomerList('1', { name: 'x', records: 'a@example.com' }).catch((x: unknown) => x);
  assert.ok(e instanceof PinterestNetworkError);
  assert.equal(e.reason, 'connection');
  assert.equal(e.attempts, 3);
  assert.match(e.message, /Could not reach Pinterest while creating a customer list in ad account 1 \(3 attempts\).*\[ECONNREFUSED\]/);
  assert.deepEqual(events.filter((x) => x.type === 'retry').map((x) => x.reason), ['connection', 'connection']);
});
