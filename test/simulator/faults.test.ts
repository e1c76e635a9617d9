import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FaultInjector, FaultSpecError, parseFaultSpec } from '../../src/simulator/faults';
import type { Simulator } from '../../src/simulator/server';
import { assertConforms, listsPath, withSimulator } from './helpers';

type Outcome = string;

/** One request, classified the way a client experiences it. */
async function attempt(sim: Simulator, method: string, path: string, body?: unknown): Promise<Outcome> {
  let res: Response;
  try {
    res = await fetch(`${sim.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${sim.seed.accessToken}`, 'content-type': 'application/json', connection: 'close' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return 'dropped';
  }
  let text: string;
  try {
    text = await res.text();
  } catch {
    return `truncated(${res.status})`;
  }
  if (res.headers.get('content-type')?.startsWith('application/json')) {
    const json = JSON.parse(text);
    assertConforms(method, new URL(`${sim.baseUrl}${path}`).pathname, res.status, json);
    if (res.status >= 400) return `${res.status}:${json.code}`;
  } else if (res.status >= 400) {
    return `${res.status}:html`;
  }
  return String(res.status);
}

const MIX = '429:0.15,500:0.1,502:0.1,503:0.1,drop:0.1,truncate:0.1,expire:0.1';

async function run(seed: number): Promise<{ outcomes: Outcome[]; list: Record<string, unknown> }> {
  // Faults are off for the setup: create the list on a clean simulator state first.
  let listId = '';
  const outcomes: Outcome[] = [];
  let list: Record<string, unknown> = {};
  await withSimulator({ faults: MIX, seed }, async (sim) => {
    // Retry the create until it lands (it may itself be faulted; that is part of the sequence).
    while (!listId) {
      const r = await attempt(sim, 'POST', listsPath(sim), { name: 'faulty', records: 'a0@example.com' });
      outcomes.push(r);
      if (r === '200') listId = Object.keys(sim.state.customerLists)[0] ?? '';
    }
    for (let i = 1; i <= 40; i++) {
      outcomes.push(await attempt(sim, 'PATCH', `${listsPath(sim)}/${listId}`, { operation_type: 'ADD', records: `a${i}@example.com` }));
    }
    const l = sim.state.customerLists[listId]!;
    list = { batches: l.numBatches, uploaded: l.numUploadedUserRecords, members: l.members.size };
  });
  return { outcomes, list };
}

test('fault spec grammar: kinds, probabilities, latency range; errors say what is wrong', () => {
  assert.deepEqual(parseFaultSpec('429:0.05, 500:0.02,latency:50-200,drop:0.01'), {
    probabilities: { '429': 0.05, '500': 0.02, drop: 0.01 },
    latency: { min: 50, max: 200 },
  });
  assert.deepEqual(parseFaultSpec('latency:30'), { probabilities: {}, latency: { min: 30, max: 30 } });
  assert.deepEqual(parseFaultSpec(''), { probabilities: {}, latency: null });
  for (const bad of ['404:0.1', '429', '429:2', '429:0.6,500:0.6', 'latency:9-3', 'drop:0.1,drop:0.2', 'expire:abc']) {
    assert.throws(() => parseFaultSpec(bad), FaultSpecError, bad);
  }
});

test('the same seed gives the same fault sequence; another seed a different one', () => {
  const seq = (seed: number) => {
    const f = new FaultInjector(parseFaultSpec(`${MIX},latency:10-90`), seed);
    return Array.from({ length: 200 }, () => f.decide());
  };
  assert.deepEqual(seq(7), seq(7));
  assert.notDeepEqual(seq(7), seq(8));
  const kinds = new Set(seq(7).map((d) => d.fault));
  for (const k of ['429', '500', '502', '503', 'drop', 'truncate', 'expire', null]) assert.ok(kinds.has(k as never), `kind ${k} occurs`);
  assert.ok(seq(7).every((d) => d.latencyMs >= 10 && d.latencyMs <= 90));
});

test('over HTTP: every fault kind is reproducible with a seed and a faulted write is never applied', async () => {
  const a = await run(42);
  const b = await run(42);
  assert.deepEqual(a.outcomes, b.outcomes, 'same seed, same outcomes');
  assert.deepEqual(a.list, b.list);
  const seen = new Set(a.outcomes);
  for (const o of ['200', '429:8', '500:500', '502:html', '503:503', 'dropped', 'truncated(200)', '401:2']) {
    assert.ok(seen.has(o), `outcome ${o} occurs in ${[...seen].join(', ')}`);
  }
  // Only requests answered 200 in full took effect: counters stay exact.
  const applied = a.outcomes.filter((o) => o === '200').length; // the create + successful ADDs
  assert.deepEqual(a.list, { batches: applied, uploaded: applied, members: applied });
});

test('each kind alone: drop, truncate, expire, 5xx and 429 storms leave the state untouched', async () => {
  for (const [spec, expected] of [
    ['drop:1', 'dropped'],
    ['truncate:1', 'truncated(200)'],
    ['expire:1', '401:2'],
    ['500:1', '500:500'],
    ['502:1', '502:html'],
    ['503:1', '503:503'],
    ['429:1', '429:8'],
  ] as const) {
    await withSimulator({ faults: spec, seed: 3 }, async (sim) => {
      const before = sim.state.nextId;
      const outcome = await attempt(sim, 'POST', listsPath(sim), { name: 'x', records: 'a@b.co' });
      assert.equal(outcome, expected, spec);
      assert.equal(Object.keys(sim.state.customerLists).length, 0, `${spec}: nothing created`);
      assert.equal(sim.state.nextId, before, `${spec}: no id consumed`);
    });
  }
});

test('a 429 storm carries rate-limit headers; latency delays responses by the configured range', async () => {
  await withSimulator({ faults: '429:1', seed: 1 }, async (sim) => {
    const r = await fetch(`${sim.baseUrl}${listsPath(sim)}`, { headers: { authorization: `Bearer ${sim.seed.accessToken}` } });
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('x-ratelimit-limit'), '1000');
    assert.equal(r.headers.get('x-ratelimit-remaining'), '0');
    assert.ok(Number(r.headers.get('x-ratelimit-reset')) >= 1);
    assert.equal(((await r.json()) as { code: number }).code, 8);
  });
  // The wait is recorded, not timed: each response is held for a latency drawn from the range.
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  await withSimulator({ faults: 'latency:60-80', seed: 1, sleep }, async (sim) => {
    assert.equal(await attempt(sim, 'GET', '/user_account'), '200');
    assert.equal(await attempt(sim, 'GET', '/user_account'), '200');
  });
  assert.equal(waits.length, 2);
  assert.ok(waits.every((ms) => ms >= 60 && ms <= 80), JSON.stringify(waits));
});
