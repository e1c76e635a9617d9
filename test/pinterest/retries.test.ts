/**
 * Retries as AEP does them (Adobe, rate-limiting-retry-policy.md), through the real client against
 * the real simulator over HTTP: seeded faults, real 400/403/404 answers, the real rate limiter on a
 * virtual clock. No test asserts on wall-clock time: waits are recorded, not timed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { executePlan } from '../../src/core/execute/execute';
import { formatActivationText } from '../../src/core/execute/report';
import {
  PinterestAbortError,
  PinterestApiError,
  PinterestNetworkError,
  aepBestEffortPolicy,
  aepClock,
  aepConfigurableAggregationPolicy,
  aepRetryPolicy,
  createPinterestClient,
  defaultRetryTimeScale,
  noRetryPolicy,
  parseRetryTimeScale,
  serverDelayMs,
  staticTokenProvider,
  type ClientEvent,
  type PinterestError,
  type RetryPolicy,
} from '../../src/core/pinterest/index';
import { resolveActivation } from '../../src/core/plan/activation';
import { buildPlan, renderRequests } from '../../src/core/plan/plan';
import { Project } from '../../src/core/project/project';
import { startSimulator } from '../../src/simulator/index';
import { EXAMPLE_DIR, exampleFiles, type ExampleFiles } from '../helpers/example';
import { exampleProfiles } from '../helpers/plan';
import { call, createList, emails, virtualClock, withClient, type Harness } from './helpers';

interface Seen {
  sends: number;
  status?: number;
  aepWaits: number[];
  slept: number[];
  exhausted: boolean;
  /** The error's `retryable`: what the policy says of that status. */
  retryable: boolean;
}

/** One call under `policy` at AEP's waits × 0.001: how often it was sent, AEP's waits, what was slept. */
async function observe(policy: RetryPolicy, faults: string | undefined, call: (h: Harness) => Promise<unknown>): Promise<Seen> {
  return withClient({ faults, seed: 1 }, { retry: policy, retryTimeScale: 0.001 }, async (h) => {
    const e = (await call(h).then(
      () => undefined,
      (x: unknown) => x,
    )) as PinterestError | undefined;
    assert.ok(e, 'the call fails');
    assert.ok(e instanceof PinterestApiError || e instanceof PinterestNetworkError, String(e));
    return {
      sends: h.events.filter((x) => x.type === 'request').length,
      status: e instanceof PinterestApiError ? e.status : undefined,
      aepWaits: e.retries.map((r) => r.aepWaitMs),
      slept: h.sleeps,
      exhausted: e.retriesExhausted,
      retryable: e.retryable,
    };
  });
}

const readAccount = (h: Harness) => call(h.client, 'GET', `/ad_accounts/${h.sim.seed.adAccountId}`);
const readNoAccess = (h: Harness) => call(h.client, 'GET', `/ad_accounts/${h.sim.seed.noAccessAdAccountId}`);
/** A PATCH Pinterest refuses as invalid (400 code 1): the operation type is not one it knows. */
const invalidPatch = async (h: Harness) => {
  const listId = await createList(h.client, h.sim.seed.adAccountId, 'Invalid patch', emails(1));
  h.events.length = 0;
  return call(h.client, 'PATCH', `/ad_accounts/${h.sim.seed.adAccountId}/customer_lists/${listId}`, { operation_type: 'REPLACE', records: emails(2).join(',') });
};

test('best effort over HTTP: 429, 500, 502, 503, a real 403 and a dropped connection are sent 3 times, AEP waiting 15 s then 30 s, then dropped', async () => {
  for (const faults of ['429:1', '500:1', '502:1', '503:1', 'drop:1', undefined]) {
    const seen = await observe(aepBestEffortPolicy, faults, faults ? readAccount : readNoAccess);
    const what = faults ?? 'HTTP 403 (no role on the ad account)';
    assert.equal(seen.sends, 3, what);
    assert.deepEqual(seen.aepWaits, [15_000, 30_000], `${what}: AEP's own waits`);
    assert.deepEqual(seen.slept, [15, 30], `${what}: compressed ×0.001 in this run`);
    assert.equal(seen.exhausted, true, `${what}: AEP drops the call`);
    if (!faults) assert.equal(seen.status, 403);
    assert.equal(seen.retryable, true, `${what}: the error says AEP's policy retries it`);
  }
});

test('configurable aggregation over HTTP: 429, 502, 503 and a dropped connection are retried once, 30 min later; 500 and 403 are not retried', async () => {
  for (const faults of ['429:1', '502:1', '503:1', 'drop:1']) {
    const seen = await observe(aepConfigurableAggregationPolicy, faults, readAccount);
    assert.equal(seen.sends, 2, faults);
    assert.deepEqual(seen.aepWaits, [1_800_000], faults);
    assert.deepEqual(seen.slept, [1800], `${faults}: 30 min compressed ×0.001`);
    assert.equal(seen.exhausted, true, faults);
  }
  // "greater than 500": a 500 is not retried; neither is a 403.
  for (const [faults, call, status] of [['500:1', readAccount, 500], [undefined, readNoAccess, 403]] as const) {
    const seen = await observe(aepConfigurableAggregationPolicy, faults, call);
    assert.deepEqual({ sends: seen.sends, status: seen.status, waits: seen.aepWaits, exhausted: seen.exhausted, retryable: seen.retryable }, { sends: 1, status, waits: [], exhausted: false, retryable: false });
  }
});

test('a 400 is sent once under both policies and is not a drop; neither is a 404', async () => {
  for (const policy of [aepBestEffortPolicy, aepConfigurableAggregationPolicy]) {
    const invalid = await observe(policy, undefined, invalidPatch);
    assert.deepEqual({ sends: invalid.sends, status: invalid.status, exhausted: invalid.exhausted, slept: invalid.slept }, { sends: 1, status: 400, exhausted: false, slept: [] }, policy.name);
    const missing = await observe(policy, undefined, (h) => call(h.client, 'GET', `/ad_accounts/${h.sim.seed.adAccountId}/customer_lists/999999999`));
    assert.deepEqual({ sends: missing.sends, status: missing.status }, { sends: 1, status: 404 }, policy.name);
  }
});

test("the codes Adobe lists that the simulator never answers (408, 409, 420, 501, 504) follow Adobe's lists", () => {
  const codes = [400, 401, 403, 404, 408, 409, 420, 429, 500, 501, 502, 503, 504, 505];
  assert.deepEqual(codes.filter((s) => aepBestEffortPolicy.retryOn(s)), [403, 408, 409, 429, 500, 502, 503, 504]);
  assert.deepEqual(codes.filter((s) => aepConfigurableAggregationPolicy.retryOn(s)), [420, 429, 501, 502, 503, 504, 505]);
  assert.deepEqual([1, 2].map((n) => aepBestEffortPolicy.delayMs(n)), [15_000, 30_000]);
  assert.equal(aepBestEffortPolicy.maxAttempts, 3, 'two retries');
  assert.equal(aepConfigurableAggregationPolicy.maxAttempts, 2, 'one retry (the one Adobe documents)');
  // No answer at all is retried like a gateway timeout; a 2xx with an unreadable body is not retried.
  for (const p of [aepBestEffortPolicy, aepConfigurableAggregationPolicy]) {
    assert.equal(p.retryOn('network', { reason: 'timeout' }), true);
    assert.equal(p.retryOn('network', { reason: 'invalid-response' }), false);
  }
  assert.equal(noRetryPolicy.retryOn(503), false);
});

test("the policy follows the destination's aggregation type; local runs compress waits 1000-fold by default", () => {
  const files = exampleFiles();
  assert.equal(aepRetryPolicy(files.destination), aepConfigurableAggregationPolicy, 'the example uses configurable aggregation');
  assert.equal(aepRetryPolicy({ aggregation: { aggregationType: 'BEST_EFFORT' } }), aepBestEffortPolicy);
  assert.equal(aepRetryPolicy({}), aepBestEffortPolicy);
  assert.deepEqual((['local', 'production'] as const).map((e) => defaultRetryTimeScale(e)), [0.001, 1]);
  assert.equal(parseRetryTimeScale('0.01'), 0.01);
  assert.equal(parseRetryTimeScale('0'), 0);
  assert.match(String(parseRetryTimeScale('2')), /must be a number from 0 to 1/);
  assert.match(String(parseRetryTimeScale('fast')), /must be a number from 0 to 1/);
});

test('Retry-After is recorded beside AEP\'s wait but does not change it: against a real 2/min quota AEP retries at 15 s and 45 s', async () => {
  const clock = virtualClock();
  await withClient({ retryAfter: true, rateLimitPerMinute: 2, now: clock.now }, { retry: aepBestEffortPolicy, sleep: clock.sleep, now: clock.now }, async ({ sim, client }) => {
    const account = sim.seed.adAccountId;
    const listId = await createList(client, account, 'Slow', ['a@example.com']);
    const list = `/ad_accounts/${account}/customer_lists/${listId}`;
    await call(client, 'PATCH', list, { operation_type: 'ADD', records: 'b@example.com' });
    // The bucket (2/min) is empty: Pinterest answers 429 with Retry-After: 30. AEP waits 15 s
    // (half a token back: 429 again), then 30 s more (1.25 tokens): the retry passes.
    const r = await call(client, 'PATCH', list, { operation_type: 'ADD', records: 'c@example.com' });
    assert.equal(r.status, 200);
    assert.equal(r.attempts, 3);
    assert.deepEqual(
      r.retries.map((x) => ({ status: x.status, aep: x.aepWaitMs, waited: x.waitedMs, asked: x.serverAskedMs })),
      [
        { status: 429, aep: 15_000, waited: 15_000, asked: 30_000 },
        { status: 429, aep: 30_000, waited: 30_000, asked: 15_000 },
      ],
    );
    assert.deepEqual(clock.slept, [15_000, 30_000]);
  });
});

test('server hints are read from Retry-After (seconds or a date) and from x-ratelimit-reset only on an exhausted quota', () => {
  const now = () => Date.UTC(2026, 0, 1, 0, 0, 0);
  assert.equal(serverDelayMs({ 'retry-after': '7' }, now), 7000);
  assert.equal(serverDelayMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:12 GMT' }, now), 12_000);
  assert.equal(serverDelayMs({ 'x-ratelimit-reset': '5', 'x-ratelimit-remaining': '3' }, now, 503), undefined);
  assert.equal(serverDelayMs({ 'x-ratelimit-reset': '5', 'x-ratelimit-remaining': '0' }, now), 5000);
  assert.equal(serverDelayMs({ 'x-ratelimit-reset': '5' }, now, 429), 5000);
  assert.equal(serverDelayMs({ 'x-ratelimit-reset': String(now() / 1000 + 9) }, now, 429), 9000, 'a Unix time works too');
  assert.equal(serverDelayMs({}, now, 429), undefined);
});

/**
 * The example activation, optionally edited, planned and pushed with the AEP policy of its
 * destination and waits compressed ×0.001, against a simulator on `aep.now`: the run's (virtual)
 * clock plus the part of AEP's waits the run did not sleep, as `pindest push` does.
 */
function compressedRun() {
  const run = virtualClock();
  const aep = aepClock(run.now);
  return { run, aep };
}

async function pushExample(sim: Awaited<ReturnType<typeof startSimulator>>, { run, aep }: ReturnType<typeof compressedRun>, mutate: (f: ExampleFiles) => void = () => {}) {
  const files = exampleFiles();
  mutate(files);
  const names: [keyof ExampleFiles, string][] = [['destination', 'destination.json'], ['server', 'destination-server.json'], ['audienceTemplate', 'audience-template.json'], ['activation', 'activation.json']];
  const activation = resolveActivation(Project.fromTexts(names.map(([k, name]) => ({ path: join(EXAMPLE_DIR, name), text: JSON.stringify(files[k]) }))));
  const plan = buildPlan(activation, exampleProfiles());
  const client = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.accessToken), retry: aepRetryPolicy(activation.destination), retryTimeScale: 0.001, sleep: run.sleep, now: run.now, onEvent: aep.observe });
  return { report: await executePlan(activation, plan, client), plan, activation };
}

const bestEffort = (f: ExampleFiles) => {
  f.destination.aggregation = {
    aggregationType: 'BEST_EFFORT',
    bestEffortAggregation: { maxUsersPerRequest: 100, splitUserById: false, aggregationKey: { includeSegmentId: true, includeSegmentStatus: true } },
  };
};

test('a push whose membership call stays rate-limited: best effort drops it after 15 s and 30 s, and the report counts the dropped records by audience and identity type', async () => {
  // ads_write: a burst of 2 (the audience template's two list creates), then one request a minute.
  const clocks = compressedRun();
  const sim = await startSimulator({ port: 0, now: clocks.aep.now, rateLimits: { ads_write: 1 }, rateLimitBurst: 2 });
  try {
    const { report, plan, activation } = await pushExample(sim, clocks, bestEffort);
    assert.equal(report.outcome, 'failed');
    assert.equal(report.retry?.policy, 'aep-best-effort');
    const membership = report.calls.filter((c) => c.step === 'membership');
    assert.equal(membership.length, 1, 'the run stops at the dropped call');
    const dropped = membership[0]!;
    assert.equal(dropped.dropped, true);
    assert.equal(dropped.attempts, 3);
    assert.deepEqual(dropped.retries?.map((r) => [r.status, r.aepWaitMs, r.waitedMs]), [[429, 15_000, 15], [429, 30_000, 30]]);
    assert.match(report.failure!.message, /AEP would drop this call/);
    // The dropped batch's identities, by audience and identity type, from the plan.
    const first = plan.batches[renderRequests(activation, plan.batches, (a) => a.alias ?? '1')[0]!.batch]!;
    const want = new Map<string, number>();
    for (const p of first.profiles) for (const ids of Object.values(p.identityMap)) for (const { id } of ids) {
      const key = `${first.audience!.name} / ${p.origins[id]}`;
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    const got = new Map(report.counts.map((c) => [`${c.audience} / ${c.identityType}`, c.dropped]));
    assert.ok(want.size > 0);
    assert.deepEqual(got, want);
    assert.ok(report.counts.every((c) => c.accepted === 0 && c.rejected === c.dropped));
    const text = formatActivationText(report);
    assert.match(text, /retry after http-429: AEP waits 15 s \(this run waited 15 ms\)/);
    assert.match(text, /retry after http-429: AEP waits 30 s \(this run waited 30 ms\)/);
    assert.match(text, /dropped: AEP gives up on this call after its retries/);
    assert.match(text, /dropped by AEP/);
  } finally {
    await sim.close();
  }
});

test('the same push under configurable aggregation: the rate-limited calls go through on the retry 30 min later (slept 1.8 s, lived in full by the simulator)', async () => {
  const clocks = compressedRun();
  const sim = await startSimulator({ port: 0, now: clocks.aep.now, rateLimits: { ads_write: 1 }, rateLimitBurst: 4 });
  try {
    const { report } = await pushExample(sim, clocks);
    assert.equal(report.outcome, 'succeeded', report.failure?.message);
    assert.equal(report.retry?.policy, 'aep-configurable-aggregation');
    const retried = report.calls.filter((c) => c.retries?.length);
    assert.ok(retried.length > 0);
    assert.ok(retried.every((c) => c.step === 'membership' && c.attempts === 2 && c.retries![0]!.status === 429 && c.retries![0]!.aepWaitMs === 1_800_000));
    assert.ok(report.counts.every((c) => c.dropped === 0 && c.accepted === c.sent));
    assert.ok(retried.every((c) => c.retries![0]!.waitedMs === 1800));
    assert.equal(clocks.run.slept.reduce((a, b) => a + b, 0), 1800 * retried.length, 'the run itself slept the compressed waits only');
    assert.match(formatActivationText(report), /retry after http-429: AEP waits 30 min \(this run waited 1\.8 s\)/);
  } finally {
    await sim.close();
  }
});

test("the audience template's create call is sent once: a 429 is not retried under either policy, and no list is made", async () => {
  for (const [policy, mutate] of [['aep-best-effort', bestEffort], ['aep-configurable-aggregation', () => {}]] as const) {
    const clocks = compressedRun();
    // One write a minute: preflight reads pass, the create meets a 429 and is not repeated.
    const sim = await startSimulator({ port: 0, now: clocks.aep.now, rateLimits: { ads_write: 1 }, rateLimitBurst: 1 });
    try {
      // Spend the only write token first (a 429 is retried by both policies for other calls).
      const setup = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.accessToken) });
      await createList(setup, sim.seed.adAccountId, 'Spends the quota', ['a@example.com']);
      const before = Object.keys(sim.state.customerLists).length;
      const { report } = await pushExample(sim, clocks, mutate);
      assert.equal(report.retry?.policy, policy);
      const create = report.calls.find((c) => c.step === 'create-list')!;
      assert.equal(create.attempts, 1, policy);
      assert.equal(create.response?.code, 429);
      assert.equal(create.retries, undefined);
      assert.equal(report.outcome, 'failed');
      assert.equal(Object.keys(sim.state.customerLists).length, before, 'no list was made');
    } finally {
      await sim.close();
    }
  }
});

test('plumbing under heavy faults (a generous test policy): every call succeeds after retries and the counters equal what was sent', async () => {
  for (const faults of ['503:0.3', '429:0.3', 'drop:0.2', 'truncate:0.2']) {
    await withClient({ faults, seed: 7 }, {}, async (h) => {
      const account = h.sim.seed.adAccountId;
      const list = `/ad_accounts/${account}/customer_lists/${await createList(h.client, account, 'Faulty push', emails(10))}`;
      let uploaded = 10;
      let ambiguous = 0;
      for (let i = 0; i < 20; i++) {
        const records = emails(5, `b${i}-`);
        const r = await call(h.client, 'PATCH', list, { operation_type: 'ADD', records: records.join(',') });
        assert.equal(r.status, 200);
        assert.equal(r.retries.length, r.attempts - 1);
        ambiguous += r.ambiguousRetries;
        uploaded += records.length;
      }
      const final = await call<{ num_uploaded_user_records: number }>(h.client, 'GET', list);
      assert.equal(final.body.num_uploaded_user_records, uploaded, `${faults}: the simulator never applies a faulted write`);
      assert.ok(h.events.filter((e) => e.type === 'retry').length >= 3, faults);
      // A write retried after a broken connection is counted as possibly applied twice.
      assert.equal(ambiguous > 0, faults.startsWith('drop') || faults.startsWith('truncate'), faults);
    });
  }
});

test('abort during a real AEP wait (15 s) rejects promptly with an AbortError; so does abort before a request', { timeout: 5000 }, async () => {
  await withClient({ faults: '503:1' }, { sleep: undefined }, async ({ sim }) => {
    const controller = new AbortController();
    const client = createPinterestClient({
      environment: 'local',
      baseUrl: sim.baseUrl,
      tokens: staticTokenProvider(sim.seed.accessToken),
      retry: aepBestEffortPolicy,
      onEvent: (e) => {
        if (e.type === 'retry') setTimeout(() => controller.abort(), 5);
      },
    });
    const e = await call(client, 'GET', `/ad_accounts/${sim.seed.adAccountId}`, undefined, controller.signal).catch((x: unknown) => x);
    assert.ok(e instanceof PinterestAbortError);
    assert.equal(e.name, 'AbortError');
    assert.equal(e.attempts, 1);
    assert.deepEqual(e.retries.map((r) => r.aepWaitMs), [15_000]);

    const before = new AbortController();
    before.abort();
    const events: string[] = [];
    const c2 = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.accessToken), onEvent: (x) => events.push(x.type) });
    await assert.rejects(call(c2, 'GET', `/ad_accounts/${sim.seed.adAccountId}`, undefined, before.signal), { name: 'AbortError', attempts: 0 });
    assert.deepEqual(events, []);
  });
});

test('per-attempt timeout: no answer in time is retried like a 504, then a typed network error marked as dropped', { timeout: 5000 }, async () => {
  await withClient({ faults: 'latency:400' }, { timeoutMs: 40, retry: aepConfigurableAggregationPolicy, retryTimeScale: 0 }, async ({ sim, client, events }) => {
    const e = await call(client, 'GET', `/ad_accounts/${sim.seed.adAccountId}`).catch((x: unknown) => x);
    assert.ok(e instanceof PinterestNetworkError);
    assert.equal(e.reason, 'timeout');
    assert.equal(e.attempts, 2);
    assert.equal(e.retriesExhausted, true);
    assert.match(e.message, /did not answer in time while reading ad account \d+ \(2 attempts\)/);
    assert.deepEqual(events.map((x) => `${x.type}:${x.reason ?? ''}`), ['request:', 'retry:timeout', 'request:', 'error:timeout']);
    assert.deepEqual(events.filter((x) => x.type === 'retry').map((x) => [x.aepWaitMs, x.delayMs]), [[1_800_000, 0]]);
  });
});

test('pacing: with maxRequestsPerMinute at the quota a push never sees a 429; without it, AEP\'s retries meet them', async () => {
  const run = async (paced: boolean) => {
    const clock = virtualClock();
    return withClient(
      { rateLimitPerMinute: 20, now: clock.now },
      { retry: aepBestEffortPolicy, sleep: clock.sleep, now: clock.now, ...(paced ? { maxRequestsPerMinute: 20 } : {}) },
      async ({ sim, client, events }) => {
        const list = `/ad_accounts/${sim.seed.adAccountId}/customer_lists/${await createList(client, sim.seed.adAccountId, 'Paced', ['a@example.com'])}`;
        for (let i = 0; i < 40; i++) await call(client, 'PATCH', list, { operation_type: 'ADD', records: `p${i}@example.com` });
        const final = await call<{ num_uploaded_user_records: number }>(client, 'GET', list);
        assert.equal(final.body.num_uploaded_user_records, 41);
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

test('a refused connection (nothing answered) is retried by AEP like any call without an answer', async () => {
  const sim = await startSimulator({ port: 0 });
  const { baseUrl } = sim;
  await sim.close();
  const events: ClientEvent[] = [];
  const client = createPinterestClient({ environment: 'local', baseUrl, tokens: staticTokenProvider('pina_t'), retry: aepBestEffortPolicy, sleep: async () => {}, onEvent: (e) => events.push(e) });
  const e = await createList(client, '1', 'x', ['a@example.com']).catch((x: unknown) => x);
  assert.ok(e instanceof PinterestNetworkError);
  assert.equal(e.reason, 'connection');
  assert.equal(e.attempts, 3);
  assert.match(e.message, /Could not reach Pinterest while creating a customer list in ad account 1 \(3 attempts\).*\[ECONNREFUSED\]/);
  assert.deepEqual(events.filter((x) => x.type === 'retry').map((x) => x.reason), ['connection', 'connection']);
});

test('without a policy the client sends each call once', async () => {
  await withClient({ faults: '503:1' }, { retry: undefined }, async ({ sim, client, events }) => {
    const e = await call(client, 'GET', `/ad_accounts/${sim.seed.adAccountId}`).catch((x: unknown) => x);
    assert.ok(e instanceof PinterestApiError);
    assert.equal(e.attempts, 1);
    assert.equal(e.retriesExhausted, false);
    assert.equal(events.filter((x) => x.type === 'request').length, 1);
    assert.deepEqual(client.retry, { policy: 'none', description: noRetryPolicy.description, timeScale: 1 });
  });
});
