// Adobe's testing endpoints, served by the AEP simulator from the core (the preview's renderer and
// aggregation), through the client over real HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AepError, aepSettingsFromEnv, createAepClientFromSettings, type AepClient } from '../../src/core/aep';
import { renderTemplate } from '../../src/core/template';
import type { AepSimulator } from '../../src/simulator/aep';
import { aepCall, exampleConfig, withAepSimulator } from './helpers';

const client = (sim: AepSimulator): AepClient => createAepClientFromSettings(aepSettingsFromEnv({}, { environment: 'local', aepUrl: sim.baseUrl }), { retryTimeScale: 0 });

async function withDestination(destination: Record<string, unknown>, fn: (aep: AepClient, id: string, sim: AepSimulator) => Promise<void>): Promise<void> {
  await withAepSimulator(async (sim) => {
    const aep = client(sim);
    const created = await aep.destinations.create(destination);
    await fn(aep, created.instanceId, sim);
  });
}

const bestEffort = (max: number) => ({ ...exampleConfig('destination'), aggregation: { aggregationType: 'BEST_EFFORT', bestEffortAggregation: { maxUsersPerRequest: max, splitUserById: false } } });

test("sample profiles are in the destination's target schema: one id per target identity, realized and exited memberships", () =>
  withDestination(bestEffort(4), async (aep, id) => {
    const profiles = await aep.testing.sampleProfiles(id);
    assert.equal(profiles.length, 4, 'default count: maxUsersPerRequest');
    for (const p of profiles as any[]) {
      assert.deepEqual(Object.keys(p.identityMap), ['pinterest_audience']);
      assert.match(p.identityMap.pinterest_audience[0].id, /^pinterest_audience-[A-Za-z0-9]{5}$/);
      assert.deepEqual(Object.fromEntries(Object.entries(p.segmentMembership.ups).map(([k, v]: [string, any]) => [k, v.status])), { segmentid1: 'realized', segmentid3: 'exited', segmentid2: 'realized' });
    }
    assert.equal((await aep.testing.sampleProfiles(id, 7)).length, 7);
  }));

test('sample profiles: one by default without maxUsersPerRequest; count outside 1 to 1000 and unknown ids are refused', () =>
  withDestination(exampleConfig('destination'), async (aep, id, sim) => {
    assert.equal((await aep.testing.sampleProfiles(id)).length, 1, "configurable aggregation has no maxUsersPerRequest: Adobe generates one");
    await assert.rejects(aep.testing.sampleProfiles(id, 1001), (e: unknown) => e instanceof AepError && e.reason === 'bad-request' && /1 and 1000/.test(e.adobeMessage ?? ''));
    await assert.rejects(aep.testing.sampleProfiles('6f1c2a3b-0000-4000-8000-00000000abcd'), (e: unknown) => e instanceof AepError && e.reason === 'not-found');
    const instance = await aepCall(sim, 'GET', '/sample-profiles', { query: { destinationInstanceId: 'c0ffee00-0000-4000-8000-000000000001' } });
    assert.equal(instance.status, 404);
    assert.match(instance.body.detail, /connects to the destination in its UI/);
  }));

test('the sample template is for one profile with maxUsersPerRequest 1, for several otherwise; both render to JSON', async () => {
  await withDestination(bestEffort(1), async (aep, id) => {
    const template = await aep.testing.sampleTemplate(id);
    assert.match(template, /input\.profile\./);
    assert.doesNotMatch(template, /input\.profiles/);
    const { results } = await aep.testing.render(id, template);
    assert.equal(results.length, 1);
    const out = JSON.parse(results[0]!.output!);
    assert.equal(out.identities[0].type, 'pinterest_audience');
    assert.deepEqual(out.AdobeExperiencePlatformSegments, { add: ['segmentid1', 'segmentid2'], remove: ['segmentid3'] });
  });
  await withDestination(bestEffort(10), async (aep, id) => {
    const template = await aep.testing.sampleTemplate(id);
    assert.match(template, /for profile in input\.profiles/);
    const profiles = await aep.testing.sampleProfiles(id, 3);
    const { results } = await aep.testing.render(id, template, profiles);
    assert.equal(results.length, 1);
    assert.deepEqual(results[0]!.profiles, profiles);
    assert.equal(JSON.parse(results[0]!.output!).profiles.length, 3);
  });
});

test("render uses the preview's renderer and aggregation: the example's server template, one call per audience and status", () =>
  withDestination(exampleConfig('destination'), async (aep, id) => {
    const template = (exampleConfig('destination-server') as any).httpTemplate.requestBody.value as string;
    const profiles = await aep.testing.sampleProfiles(id, 2);
    const { results } = await aep.testing.render(id, template, profiles);
    // Configurable aggregation by audience and status: segmentid1, segmentid3, segmentid2, each with both profiles.
    assert.deepEqual(results.map((r) => [r.aggregationKey?.segmentId, r.aggregationKey?.segmentStatus]), [['segmentid1', 'realized'], ['segmentid3', 'exited'], ['segmentid2', 'realized']]);
    const ids = profiles.map((p: any) => p.identityMap.pinterest_audience[0].id).join(',');
    for (const r of results) {
      const expected = renderTemplate(template, { input: { profiles: r.profiles, aggregationKey: r.aggregationKey }, destination: {}, customerData: {} });
      assert.equal(r.output, expected);
      const body = JSON.parse(r.output!);
      assert.equal(body.records, ids);
      assert.equal(body.operation_type, r.aggregationKey?.segmentStatus === 'exited' ? 'REMOVE' : 'ADD');
    }
  }));

test('a template that does not parse is a 400 with its line and column', () =>
  withDestination(exampleConfig('destination'), async (aep, id) => {
    const e = await aep.testing.render(id, '{\n  "a": {% for x in %}\n}').then(
      () => assert.fail('expected a 400'),
      (err: unknown) => err as AepError,
    );
    assert.equal(e.reason, 'bad-request');
    assert.equal(e.status, 400);
    assert.match(e.adobeMessage ?? '', /line 2, column \d+/);
  }));

test('the destination instance test needs an instance made in the AEP UI: the simulator has none (404)', () =>
  withDestination(exampleConfig('destination'), async (aep) => {
    await assert.rejects(aep.testing.testInstance('c0ffee00-0000-4000-8000-000000000001'), (e: unknown) => e instanceof AepError && e.reason === 'not-found' && /destination instance/.test(e.message));
  }));
