/**
 * State as AEP keeps it, through executePlan against the real simulator over HTTP: the audience
 * template's create once per audience and connection, its answer remembered in .pindest/state.json
 * and reused; bad state files refused with a way out; a create without an answer never doubled.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executePlan } from '../../src/core/execute/execute';
import { formatActivationText } from '../../src/core/execute/report';
import { fileStateStore } from '../../src/core/execute/state';
import { createPinterestClient, noRetryPolicy, staticTokenProvider, type RetryPolicy } from '../../src/core/pinterest';
import { call, fastPolicy as fast } from '../pinterest/helpers';
import { resolveActivation } from '../../src/core/plan/activation';
import { buildPlan } from '../../src/core/plan/plan';
import { Project } from '../../src/core/project/project';
import { startSimulator, type Simulator } from '../../src/simulator';
import { FaultInjector, parseFaultSpec } from '../../src/simulator/faults';
import { allocateId } from '../../src/simulator/state';
import { EXAMPLE_DIR, exampleFiles, type ExampleFiles } from '../helpers/example';
import { exampleProfiles } from '../helpers/plan';

const AD_ACCOUNT = '549755885175';

function activationOf(mutate: (f: ExampleFiles) => void = () => {}) {
  const files = exampleFiles();
  mutate(files);
  const names: [keyof ExampleFiles, string][] = [['destination', 'destination.json'], ['server', 'destination-server.json'], ['audienceTemplate', 'audience-template.json'], ['activation', 'activation.json']];
  return resolveActivation(Project.fromTexts(names.map(([k, name]) => ({ path: join(EXAMPLE_DIR, name), text: JSON.stringify(files[k]) }))));
}

/** A project folder of its own: the state file lands in DIR/.pindest/state.json. */
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-state-'));
  return { dir, state: fileStateStore(join(dir, 'activation.json')), file: join(dir, '.pindest', 'state.json') };
}

async function run(sim: Simulator, state: ReturnType<typeof project>['state'], options: { createAudience?: boolean; retry?: RetryPolicy; mutate?: (f: ExampleFiles) => void } = {}) {
  const activation = activationOf(options.mutate);
  const plan = buildPlan(activation, exampleProfiles());
  const client = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.accessToken), retry: options.retry ?? fast });
  return executePlan(activation, plan, client, { state, createAudience: options.createAudience });
}

const listsNamed = (sim: Simulator, name: string) => Object.values(sim.state.customerLists).filter((l) => l.name === name);

test('two runs against one simulator create each list once; the second reuses the remembered externalAudienceId', async () => {
  const sim = await startSimulator({ port: 0 });
  const p = project();
  try {
    const first = await run(sim, p.state);
    assert.equal(first.outcome, 'succeeded', first.failure?.message);
    assert.deepEqual(first.lists.map((l) => [l.audience, l.origin]), [['Spring buyers', 'created'], ['Lapsed newsletter subscribers', 'created']]);
    const saved = JSON.parse(readFileSync(p.file, 'utf8'));
    assert.equal(saved.version, 1);
    assert.deepEqual(saved.audiences.map((a: { responseFields: { externalAudienceId: string } }) => a.responseFields.externalAudienceId), first.lists.map((l) => l.customerListId));
    assert.equal(readFileSync(join(p.dir, '.pindest', '.gitignore'), 'utf8'), '*\n');

    const second = await run(sim, p.state);
    assert.equal(second.outcome, 'succeeded', second.failure?.message);
    assert.deepEqual(second.lists.map((l) => [l.audience, l.customerListId, l.origin]), first.lists.map((l) => [l.audience, l.customerListId, 'reused']));
    assert.ok(!second.calls.some((c) => c.step === 'create-list'), 'no create on the second run');
    assert.deepEqual([second.summary.created, second.summary.reused], [0, 2]);
    assert.equal(Object.keys(sim.state.customerLists).length, 2, 'exactly one list per audience');
    assert.match(formatActivationText(second), /Spring buyers: list \d+ \(reused\)/);
    // Both runs' membership requests reached the same lists.
    assert.equal(listsNamed(sim, 'Spring buyers')[0]!.numBatches, 1 + 2 * first.calls.filter((c) => c.step === 'membership' && c.audience === 'Spring buyers').length);
  } finally {
    await sim.close();
  }
});

test('createAudience (opt-in, not done by AEP) makes one CUSTOMER_LIST audience per list, once', async () => {
  const sim = await startSimulator({ port: 0 });
  const p = project();
  try {
    const first = await run(sim, p.state, { createAudience: true });
    assert.equal(first.outcome, 'succeeded', first.failure?.message);
    const made = first.calls.filter((c) => c.step === 'create-audience');
    assert.equal(made.length, 2);
    assert.ok(made.every((c) => c.by === 'pindest'));
    assert.match(formatActivationText(first), /create-audience, Spring buyers; not done by AEP: --create-audience/);
    assert.equal(first.summary.notDoneByAep, 2);
    assert.ok(first.lists.every((l) => /^\d+$/.test(l.audienceId ?? '')));
    const again = await run(sim, p.state, { createAudience: true });
    assert.equal(again.outcome, 'succeeded', again.failure?.message);
    assert.equal(again.calls.filter((c) => c.step === 'create-audience').length, 0);
    assert.deepEqual(again.lists.map((l) => l.audienceId), first.lists.map((l) => l.audienceId));
    assert.equal(Object.keys(sim.state.audiences).length, 2);
  } finally {
    await sim.close();
  }
});

test('a stale list id (404) names the audience and says --fresh; nothing is re-created', async () => {
  const sim = await startSimulator({ port: 0 });
  const p = project();
  try {
    assert.equal((await run(sim, p.state)).outcome, 'succeeded');
    const saved = JSON.parse(readFileSync(p.file, 'utf8'));
    saved.audiences[0].responseFields.externalAudienceId = '999999999';
    writeFileSync(p.file, JSON.stringify(saved));
    const report = await run(sim, p.state);
    assert.equal(report.outcome, 'failed');
    assert.match(report.failure!.message, /no customer list 999999999 for audience "Spring buyers"/);
    assert.match(report.failure!.whatToDo, /--fresh/);
    assert.ok(!report.calls.some((c) => c.step === 'create-list'));
    assert.equal(Object.keys(sim.state.customerLists).length, 2);
  } finally {
    await sim.close();
  }
});

test('a create whose responseFields read something other than a list id is refused at once, not remembered and later called hand-edited', async () => {
  const sim = await startSimulator({ port: 0 });
  const p = project();
  const mutate = (f: ExampleFiles) => (f.audienceTemplate.metadataTemplate.create.responseFields[0].value = '{{body.name}}');
  try {
    for (const attempt of [1, 2]) {
      const report = await run(sim, p.state, { mutate });
      assert.equal(report.outcome, 'failed', `run ${attempt}`);
      assert.match(report.failure!.message, /returned externalAudienceId "Spring buyers", not a Pinterest customer list id/, `run ${attempt}`);
      assert.match(report.failure!.whatToDo, /responseFields/);
      assert.ok(!report.calls.some((c) => c.step === 'membership'), 'no membership call to a list named by its name');
    }
    assert.deepEqual(JSON.parse(readFileSync(p.file, 'utf8')).audiences, []);
  } finally {
    await sim.close();
  }
});

test('a corrupt, unknown-version, hand-edited or other-ad-account state file is refused before sending, with --fresh as the way out', async () => {
  const sim = await startSimulator({ port: 0 });
  try {
    const valid = project();
    assert.equal((await run(sim, valid.state)).outcome, 'succeeded');
    const good = JSON.parse(readFileSync(valid.file, 'utf8'));
    const cases: [string, string, RegExp][] = [
      ['corrupt', '{"version": 1, "audiences": [', /is not valid JSON/],
      ['version', JSON.stringify({ ...good, version: 99 }), /has version 99; this pindest reads version 1/],
      ['hand-edited id', JSON.stringify({ ...good, audiences: [{ ...good.audiences[0], responseFields: { externalAudienceId: 'my-list' } }] }), /"Spring buyers"\) has externalAudienceId "my-list", not a Pinterest customer list id/],
      ['one list for two audiences', JSON.stringify({ ...good, audiences: good.audiences.map((a: { responseFields: object }) => ({ ...a, responseFields: good.audiences[0].responseFields })) }), /gives audiences "Spring buyers" and "Lapsed newsletter subscribers" the same customer list \d+/],
      ['other ad account', JSON.stringify({ ...good, audiences: good.audiences.map((a: object) => ({ ...a, adAccountId: '549756359984' })) }), /lists of ad account 549756359984 for this activation .* now names ad account 549755885175/],
    ];
    for (const [what, text, message] of cases) {
      const p = project();
      mkdirSync(join(p.dir, '.pindest'));
      writeFileSync(p.file, text);
      const report = await run(sim, p.state);
      assert.equal(report.outcome, 'refused', what);
      assert.equal(report.calls.length, 0, what);
      assert.match(report.failure!.message, message, what);
      assert.equal(report.failure!.message.split('\n').length, 1, what);
      assert.match(report.failure!.whatToDo, /--fresh/, what);
    }
    assert.equal(Object.keys(sim.state.customerLists).length, 2, 'no list created by a refused run');
  } finally {
    await sim.close();
  }
});

/** A seed whose first request passes and whose second is dropped (the create of the first list). */
function seedDroppingTheCreate(spec: string): number {
  for (let seed = 1; seed < 10_000; seed++) {
    const f = new FaultInjector(parseFaultSpec(spec), seed);
    if (f.decide().fault === null && f.decide().fault === 'drop') return seed;
  }
  throw new Error('no seed');
}

/** The create's connection drops (no retry): the list is pending; a restart of the same simulator (same port, --state) follows. */
async function droppedCreate() {
  const p = project();
  const simState = join(p.dir, 'simulator.json');
  const spec = 'drop:0.5';
  const faulty = await startSimulator({ port: 0, faults: spec, seed: seedDroppingTheCreate(spec), statePath: simState });
  const port = Number(new URL(faulty.url).port);
  let report;
  try {
    report = await run(faulty, p.state, { retry: noRetryPolicy });
  } finally {
    await faulty.close();
  }
  const sim = await startSimulator({ port, statePath: simState });
  return { p, report, sim };
}

test('a create whose answer is lost is remembered as pending; the next run looks by name and creates only if nothing landed', async () => {
  const { p, report, sim } = await droppedCreate();
  try {
    assert.equal(report.outcome, 'failed');
    assert.match(report.failure!.message, /create of the list for "Spring buyers" got no complete answer/);
    assert.match(report.failure!.whatToDo, /pending/);
    const saved = JSON.parse(readFileSync(p.file, 'utf8'));
    assert.deepEqual(saved.audiences.map((a: { audienceName: string; status: string }) => [a.audienceName, a.status]), [['Spring buyers', 'pending']]);

    // The simulator never applies a faulted write: nothing landed, so the list is created now, once.
    const next = await run(sim, p.state);
    assert.equal(next.outcome, 'succeeded', next.failure?.message);
    const resolve = next.calls.filter((c) => c.step === 'resolve');
    assert.equal(resolve.length, 1);
    assert.equal(resolve[0]!.by, 'pindest');
    assert.equal(resolve[0]!.request.method, 'GET');
    assert.deepEqual(next.lists.map((l) => [l.audience, l.origin]), [['Spring buyers', 'created'], ['Lapsed newsletter subscribers', 'created']]);
    assert.equal(listsNamed(sim, 'Spring buyers').length, 1);
  } finally {
    await sim.close();
  }
});

test('when the lost create did land, the next run adopts that list instead of making a second one', async () => {
  const { p, sim } = await droppedCreate();
  try {
    // What Pinterest would hold had the dropped create been applied.
    const client = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.accessToken), retry: fast });
    const landed = (await call<{ id: string }>(client, 'POST', `/ad_accounts/${AD_ACCOUNT}/customer_lists`, { name: 'Spring buyers', records: '', list_type: 'EMAIL' })).body;
    const next = await run(sim, p.state);
    assert.equal(next.outcome, 'succeeded', next.failure?.message);
    const spring = next.lists.find((l) => l.audience === 'Spring buyers')!;
    assert.deepEqual([spring.customerListId, spring.origin], [landed.id, 'reused']);
    assert.match(spring.note ?? '', /found by name/);
    assert.equal(listsNamed(sim, 'Spring buyers').length, 1, 'no duplicate list');
    assert.equal(next.calls.filter((c) => c.step === 'create-list').length, 1, 'only the other audience is created');
    assert.ok(existsSync(p.file));
  } finally {
    await sim.close();
  }
});

test('the by-name search reads every page: a landed list behind 250 others is found on the second page', async () => {
  const { p, sim } = await droppedCreate();
  try {
    // 250 older lists of the ad account fill the search's first page (page_size 250, ids ascending).
    const t = Math.floor(Date.now() / 1000) - 3600;
    for (let i = 0; i < 250; i++) {
      const id = allocateId(sim.state);
      sim.state.customerLists[id] = { id, adAccountId: AD_ACCOUNT, name: `Older list ${i}`, listType: 'EMAIL', createdTime: t, updatedTime: t, numBatches: 1, numUploadedUserRecords: 0, numRemovedUserRecords: 0, status: 'TOO_SMALL', processingSince: null, members: new Set(), invalidRecords: 0, invalidReasons: {} };
    }
    const client = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.accessToken), retry: fast });
    const landed = (await call<{ id: string }>(client, 'POST', `/ad_accounts/${AD_ACCOUNT}/customer_lists`, { name: 'Spring buyers', records: '', list_type: 'EMAIL' })).body;
    const next = await run(sim, p.state);
    assert.equal(next.outcome, 'succeeded', next.failure?.message);
    assert.equal(next.calls.filter((c) => c.step === 'resolve').length, 2, 'two pages read');
    const spring = next.lists.find((l) => l.audience === 'Spring buyers')!;
    assert.deepEqual([spring.customerListId, spring.origin], [landed.id, 'reused']);
    assert.equal(listsNamed(sim, 'Spring buyers').length, 1, 'no duplicate list');
  } finally {
    await sim.close();
  }
});

test('a server that returns the same page bookmark forever ends the search for a pending list with a clear refusal, not a loop', async () => {
  const { createServer } = await import('node:http');
  let listPages = 0;
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === `/v5/ad_accounts/${AD_ACCOUNT}`) return res.end(JSON.stringify({ id: AD_ACCOUNT, name: 'Test', permissions: ['ADMIN'] }));
    if (req.url?.startsWith(`/v5/ad_accounts/${AD_ACCOUNT}/customer_lists?`) && req.method === 'GET') {
      listPages++;
      return res.end(JSON.stringify({ items: [], bookmark: 'same' }));
    }
    res.statusCode = 500;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const p = project();
  try {
    const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/v5`;
    const pending = { activation: 'activation.json', environment: 'local', baseUrl, adAccountId: AD_ACCOUNT, audienceId: exampleFiles().activation.audiences[0].id, audienceName: 'Spring buyers', status: 'pending', responseFields: {}, listName: 'Spring buyers', since: new Date().toISOString() };
    mkdirSync(join(p.dir, '.pindest'), { recursive: true });
    writeFileSync(p.file, JSON.stringify({ version: 1, about: '', audiences: [pending] }));
    const activation = activationOf();
    const client = createPinterestClient({ environment: 'local', baseUrl, tokens: staticTokenProvider('pina_simulated'), retry: noRetryPolicy });
    const report = await executePlan(activation, buildPlan(activation, exampleProfiles()), client, { state: p.state });
    assert.equal(report.outcome, 'failed');
    assert.match(report.failure!.message, /returned a page bookmark it had already returned/);
    assert.equal(listPages, 2, 'the second page repeats the first bookmark');
    assert.ok(!report.calls.some((c) => c.step === 'create-list'));
  } finally {
    server.close();
  }
});
