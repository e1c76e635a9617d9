/**
 * Test activations over real HTTP: the plan of the example, the real client, the simulator.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { executePlan } from '../../src/core/execute/execute';
import { formatActivationJson, formatActivationText } from '../../src/core/execute/report';
import { createPinterestClient, staticTokenProvider } from '../../src/core/pinterest';
import { resolveActivation } from '../../src/core/plan/activation';
import { buildPlan } from '../../src/core/plan/plan';
import { Project } from '../../src/core/project/project';
import type { SourceProfile } from '../../src/core/profiles';
import { startSimulator } from '../../src/simulator';
import { EXAMPLE_DIR, exampleFiles, type ExampleFiles } from '../helpers/example';
import { exampleProfiles } from '../helpers/plan';
import { fastPolicy as fast } from '../pinterest/helpers';

function activationOf(mutate: (f: ExampleFiles) => void = () => {}) {
  const files = exampleFiles();
  mutate(files);
  const names: [keyof ExampleFiles, string][] = [['destination', 'destination.json'], ['server', 'destination-server.json'], ['audienceTemplate', 'audience-template.json'], ['activation', 'activation.json']];
  return resolveActivation(Project.fromTexts(names.map(([k, name]) => ({ path: join(EXAMPLE_DIR, name), text: JSON.stringify(files[k]) }))));
}

async function push(options: { faults?: string; seed?: number; token?: (s: { accessToken: string; limitedAccessToken: string }) => string; mutate?: (f: ExampleFiles) => void; profiles?: SourceProfile[]; signal?: AbortSignal } = {}) {
  const sim = await startSimulator({ port: 0, faults: options.faults, seed: options.seed, rateLimitPerMinute: 100_000 });
  try {
    const activation = activationOf(options.mutate);
    const plan = buildPlan(activation, options.profiles ?? exampleProfiles());
    const token = options.token ? options.token(sim.seed) : sim.seed.accessToken;
    const client = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(token), retry: fast });
    const report = await executePlan(activation, plan, client, { signal: options.signal });
    // Read back what the simulator holds (through the retrying client: faults hit reads too).
    const reader = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.accessToken), retry: fast });
    const lists = new Map<string, { num_uploaded_user_records?: number; num_removed_user_records?: number; num_batches?: number }>();
    for (const l of report.lists) lists.set(l.audience, (await reader.request<{ num_uploaded_user_records?: number }>({ method: 'GET', url: `${sim.baseUrl}/ad_accounts/549755885175/customer_lists/${l.customerListId}` })).body);
    return { report, plan, lists, seed: sim.seed, audiences: Object.keys(sim.state.audiences).length };
  } finally {
    await sim.close();
  }
}

/** What the plan intends for each audience's list: records added, records removed, calls. */
function intended(plan: ReturnType<typeof buildPlan>) {
  const out = new Map<string, { add: number; remove: number; calls: number }>();
  for (const r of plan.requests) {
    const audience = plan.batches[r.batch]!.audience!.name;
    const body = JSON.parse(r.body) as { operation_type: string; records: string };
    const n = body.records.split(',').filter(Boolean).length;
    const x = out.get(audience) ?? { add: 0, remove: 0, calls: 0 };
    if (body.operation_type === 'ADD') x.add += n;
    else x.remove += n;
    x.calls++;
    out.set(audience, x);
  }
  return out;
}

test('the example activates with the writes AEP makes only: a list per audience, no Pinterest audience, every record counted once', async () => {
  const { report, plan, lists, audiences } = await push();
  assert.equal(report.outcome, 'succeeded', report.failure?.message);
  assert.deepEqual(report.calls.map((c) => c.step), ['preflight', 'create-list', 'create-list', 'membership', 'membership', 'membership', 'membership', 'verify', 'verify']);
  // Every write is AEP's; pindest's own calls are reads, labelled as such.
  assert.ok(report.calls.every((c) => (c.by === 'aep') === (c.request.method !== 'GET')));
  assert.ok(!report.calls.some((c) => c.request.uri.endsWith('/user_account')), 'no user account preflight');
  assert.equal(audiences, 0, 'no CUSTOMER_LIST audience is created by default');
  assert.ok(report.notes.some((n) => /CUSTOMER_LIST audience/.test(n) && /--create-audience/.test(n)));
  assert.deepEqual(report.lists.map((l) => l.origin), ['created', 'created']);
  for (const [audience, want] of intended(plan)) {
    const list = lists.get(audience)!;
    assert.equal(list.num_uploaded_user_records, want.add, audience);
    assert.equal(list.num_removed_user_records, want.remove, audience);
    assert.equal(list.num_batches, 1 + want.calls, audience);
  }
  assert.equal(report.summary.membershipRequests, plan.requests.length);
  assert.equal(report.summary.records, report.summary.accepted);
  const sent = report.counts.reduce((n, c) => n + c.sent, 0);
  assert.equal(sent, [...intended(plan).values()].reduce((n, x) => n + x.add + x.remove, 0));
  assert.ok(report.counts.every((c) => c.accepted === c.sent && c.rejected === 0));
  assert.ok(report.calls.every((c) => c.requestId && c.response?.code === 200));
});

test('under random faults the final counters equal what the plan intended, and the report is exact (8 seeds)', async () => {
  let retried = 0;
  let succeeded = 0;
  for (let seed = 1; seed <= 8; seed++) {
    const { report, plan, lists } = await push({ faults: '429:0.15,500:0.05,502:0.05,503:0.05,drop:0.05,truncate:0.05,latency:0-3', seed });
    // The audience template's create is sent once (see src/core/pinterest/retry.ts): a faulted
    // create fails the run there, sent once, nothing made twice.
    if (report.outcome === 'failed' && report.calls.at(-1)?.step === 'create-list') {
      assert.equal(report.calls.at(-1)!.attempts, 1, `seed ${seed}`);
      continue;
    }
    succeeded++;
    assert.equal(report.outcome, 'succeeded', `seed ${seed}: ${report.failure?.message}`);
    for (const [audience, want] of intended(plan)) {
      const list = lists.get(audience)!;
      assert.equal(list.num_uploaded_user_records, want.add, `seed ${seed} ${audience}`);
      assert.equal(list.num_removed_user_records, want.remove, `seed ${seed} ${audience}`);
    }
    // Each record is counted once, whatever the retries: sent = what the plan sends, all accepted.
    const sent = report.counts.reduce((n, c) => n + c.sent, 0);
    assert.equal(sent, [...intended(plan).values()].reduce((n, x) => n + x.add + x.remove, 0), `seed ${seed}`);
    assert.ok(report.counts.every((c) => c.accepted === c.sent), `seed ${seed}`);
    retried += report.calls.filter((c) => c.attempts > 1).length;
  }
  assert.ok(retried > 0, 'the faults did make the client retry');
  assert.ok(succeeded >= 4, `at least half the seeds get past the creates (${succeeded} of 8)`);
});

test('a user without audience access is refused before anything is written, with what to do', async () => {
  const { report } = await push({ mutate: (f) => (f.activation.connection.customerData.adAccountId = '549756359984') });
  assert.equal(report.outcome, 'refused');
  assert.match(report.failure!.message, /ANALYST on ad account 549756359984/);
  assert.match(report.failure!.whatToDo, /AUDIENCE_MANAGER/);
  assert.ok(report.calls.every((c) => c.step === 'preflight'));
});

test('the ad account is read through the destination\'s ad account field, whatever its name', async () => {
  const { report } = await push({
    mutate: (f) => {
      // Rename the field everywhere it is written (destination, templates, connection), then point it at another account.
      for (const k of Object.keys(f) as (keyof ExampleFiles)[]) f[k] = JSON.parse(JSON.stringify(f[k]).replaceAll('adAccountId', 'account_id'));
      f.activation.connection.customerData.account_id = '549756359984';
    },
  });
  assert.equal(report.outcome, 'refused');
  assert.match(report.failure!.message, /on ad account 549756359984/);
});

test('an unknown ad account and a bad token are refused at preflight', async () => {
  const unknown = await push({ mutate: (f) => (f.activation.connection.customerData.adAccountId = '1234') });
  assert.equal(unknown.report.outcome, 'refused');
  assert.match(unknown.report.failure!.message, /Ad account 1234/);
  const badToken = await push({ token: () => 'pina_not_a_real_token' });
  assert.equal(badToken.report.outcome, 'refused');
  assert.match(badToken.report.failure!.whatToDo, /Unset PINDEST_SIMULATOR_TOKEN to send the simulator's seeded token/);
});

test('a policy violation refuses the activation: nothing is sent', async () => {
  const { report } = await push({ mutate: (f) => (f.activation.labels = { audiences: { [f.activation.audiences[1].id]: ['C2'] } }) });
  assert.equal(report.outcome, 'refused');
  assert.equal(report.calls.length, 0);
  assert.match(report.failure!.message, /3rd party export restriction/);
});

test('cancelling stops between calls and says what was sent', async () => {
  const controller = new AbortController();
  const sim = await startSimulator({ port: 0 });
  try {
    const activation = activationOf();
    const plan = buildPlan(activation, exampleProfiles());
    const client = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.accessToken), retry: fast });
    const report = await executePlan(activation, plan, client, {
      signal: controller.signal,
      onProgress: (p) => p.phase === 'membership' && p.done === 2 && controller.abort(),
    });
    assert.equal(report.outcome, 'cancelled');
    assert.equal(report.calls.filter((c) => c.step === 'membership').length, 2);
  } finally {
    await sim.close();
  }
});

test('no raw identifier and no token in the report, in either format', async () => {
  const { report, seed } = await push({ faults: '503:0.2', seed: 3 });
  const raws = exampleProfiles().flatMap((p) => Object.entries(p.identityMap).filter(([ns]) => !ns.includes('SHA256')).flatMap(([, ids]) => ids.map((i) => i.id.trim().toLowerCase())));
  for (const text of [formatActivationJson(report), formatActivationText(report)]) {
    assert.ok(!text.includes(seed.accessToken));
    assert.ok(!text.includes('\u0000'));
    for (const raw of raws) assert.ok(!text.toLowerCase().includes(raw), 'raw identifier in the report');
  }
  assert.ok(report.calls.some((c) => c.request.headers.Authorization === 'Bearer ••••'));
});

test('every call carries its duration and Pinterest\'s response headers (the request id; no credential header)', async () => {
  const { report } = await push();
  assert.ok(report.calls.length > 0);
  for (const c of report.calls) {
    assert.ok(typeof c.durationMs === 'number' && c.durationMs >= 0, `${c.step} duration`);
    assert.equal(c.response?.headers?.['x-pinterest-rid'], c.requestId, `${c.step} request id header`);
    assert.ok(!Object.keys(c.response?.headers ?? {}).some((k) => /^(set-cookie|authorization)$/.test(k)));
  }
});
