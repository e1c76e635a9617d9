import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAPSED, planExample, profile, SPRING } from '../../helpers/plan';

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;

function bestEffort(max: number, split = false) {
  return (f: { destination: any }) => {
    f.destination.aggregation = { aggregationType: 'BEST_EFFORT', bestEffortAggregation: { maxUsersPerRequest: max, splitUserById: split } };
  };
}

test("best effort splits 10 profiles with maxUsersPerRequest 7 into calls of 7 and 3 (Adobe's documented example)", () => {
  const profiles = Array.from({ length: 10 }, (_, i) => profile({ GAID: [uuid(i)] }, { [SPRING]: 'realized' }, i));
  const plan = planExample((f) => {
    bestEffort(7)(f);
    f.server.httpTemplate.requestBody.value = '{"n": {{ input.profiles | length }}}';
  }, profiles);
  assert.deepEqual(plan.batches.map((b) => b.profiles.length), [7, 3]);
  assert.deepEqual(plan.requests.map((r) => JSON.parse(r.body).n), [7, 3]);
});

test('maxUsersPerRequest 1 renders input.profile, one call per profile', () => {
  const profiles = [0, 1, 2].map((i) => profile({ GAID: [uuid(i)] }, { [SPRING]: 'realized' }, i));
  const plan = planExample((f) => {
    bestEffort(1)(f);
    f.server.httpTemplate.requestBody.value = '{"id": "{{ input.profile.identityMap.pinterest_audience[0].id }}"}';
  }, profiles);
  assert.equal(plan.requests.length, 3);
  assert.ok(plan.requests.every((r) => /^[0-9a-f]{64}$/.test(JSON.parse(r.body).id)));
});

test('splitUserById sends one identity per namespace per profile copy', () => {
  const plan = planExample((f) => {
    bestEffort(10, true)(f);
    f.server.httpTemplate.requestBody.value = '[{% for p in input.profiles %}{{ p.identityMap.pinterest_audience | length }}{% if not loop.last %},{% endif %}{% endfor %}]';
  }, [profile({ Email: ['ana.lopez@example.com'], GAID: [uuid(0)], IDFA: [uuid(1)] }, { [SPRING]: 'realized' })]);
  assert.deepEqual(JSON.parse(plan.requests[0]!.body), [1, 1, 1]);
});

test('configurable aggregation groups by audience and status, exited becoming REMOVE', () => {
  const plan = planExample(undefined, [
    profile({ GAID: [uuid(0)] }, { [SPRING]: 'realized', [LAPSED]: 'exited' }, 0),
    profile({ GAID: [uuid(1)] }, { [SPRING]: 'realized' }, 1),
  ]);
  assert.deepEqual(plan.batches.map((b) => [b.audience?.name, b.aggregationKey?.segmentStatus, b.profiles.length]), [
    ['Spring buyers', 'realized', 2],
    ['Lapsed newsletter subscribers', 'exited', 1],
  ]);
  assert.deepEqual(plan.requests.map((r) => JSON.parse(r.body).operation_type), ['ADD', 'REMOVE']);
  assert.match(plan.requests[1]!.url, /customer_lists\/new-list-2$/);
});

test('maxNumEventsInBatch caps each group', () => {
  const profiles = Array.from({ length: 2500 }, (_, i) => profile({ GAID: [uuid(i)] }, { [SPRING]: 'realized' }, i));
  const plan = planExample((f) => (f.destination.aggregation.configurableAggregation.maxNumEventsInBatch = 1000), profiles);
  assert.deepEqual(plan.batches.map((b) => b.profiles.length), [1000, 1000, 500]);
  assert.equal(JSON.parse(plan.requests[2]!.body).records.split(',').length, 500);
});

test('includeIdentity groups by identity namespace', () => {
  const plan = planExample((f) => {
    Object.assign(f.destination.aggregation.configurableAggregation.aggregationKey, { includeSegmentId: false, includeSegmentStatus: false, includeIdentity: true, oneIdentityPerGroup: true });
    f.server.urlBasedDestination.url.value = 'https://api.pinterest.com/v5/ad_accounts/{{customerData.adAccountId}}/x';
    f.server.httpTemplate.requestBody.value = '{"ns": "{{ input.aggregationKey.identityNamespaces | join(",") }}"}';
  }, [profile({ Email: ['ana.lopez@example.com'], GAID: [uuid(0)] }, { [SPRING]: 'realized' })]);
  // One target namespace (pinterest_audience): one group.
  assert.deepEqual(plan.requests.map((r) => JSON.parse(r.body).ns), ['pinterest_audience']);
});

function groups(namespaces: string[][]) {
  return (f: { destination: any }) => {
    Object.assign(f.destination.aggregation.configurableAggregation.aggregationKey, { includeIdentity: true, oneIdentityPerGroup: false, groups: namespaces.map((n) => ({ namespaces: n })) });
  };
}

test('identity groups name target identities: a group of pinterest_audience sends what the example sends', () => {
  const plan = planExample(groups([['pinterest_audience']]));
  assert.deepEqual(plan.batches.map((b) => b.aggregationKey?.identityNamespaces), [['pinterest_audience'], ['pinterest_audience'], ['pinterest_audience'], ['pinterest_audience']]);
  assert.deepEqual(plan.problems, []);
});

test('a group of source namespace names drops every profile, and the plan says how many and why, never a silent zero', () => {
  const plan = planExample(groups([['Email', 'GAID']]));
  assert.equal(plan.requests.length, 0);
  assert.equal(plan.counts.exported, 0);
  assert.equal(plan.counts.byReason['aggregation-no-group'], 8);
  assert.deepEqual(Object.values(plan.counts.byAudience), [{ add: 0, remove: 0 }, { add: 0, remove: 0 }]);
  assert.ok(plan.rows.every((r) => r.outcome !== 'sent'));
  const [p] = plan.problems;
  assert.match(p!.where, /destination\.json \/aggregation\/configurableAggregation\/aggregationKey\/groups$/);
  assert.equal(p!.message, '8 identities of 5 profiles (5 profiles entirely) not exported: their target identity `pinterest_audience` is in no `aggregationKey.groups` group, and AEP sends a profile only in the groups its identities fall in. Name `pinterest_audience` in a group (group namespaces are target identity names, case-sensitive).');
});

test('identities of a target in no group are dropped; the rest of the profile is sent', () => {
  const plan = planExample((f) => {
    groups([['pinterest_audience']])(f);
    f.destination.identityNamespaces.GAID = { acceptsAttributes: false, acceptsCustomNamespaces: false, acceptedGlobalNamespaces: { GAID: { requiredTransformation: 'sha256(lower($))' } } };
    f.activation.mappings = [{ source: 'Email', target: 'pinterest_audience', applyTransformation: true }, { source: 'GAID', target: 'GAID', applyTransformation: true }];
  }, [
    profile({ Email: ['ana.lopez@example.com'], GAID: [uuid(0)] }, { [SPRING]: 'realized' }, 0),
    profile({ GAID: [uuid(1)] }, { [SPRING]: 'realized' }, 1),
  ]);
  assert.deepEqual(plan.batches.map((b) => [b.aggregationKey?.identityNamespaces, b.profiles.map((p) => Object.keys(p.identityMap))]), [[['pinterest_audience'], [['pinterest_audience']]]]);
  assert.equal(plan.counts.exported, 1);
  assert.deepEqual(plan.counts.byAudience['Spring buyers'], { add: 1, remove: 0 });
  assert.deepEqual(plan.rows.map((r) => [r.profile, r.namespace, r.outcome, r.reason]), [[0, 'Email', 'sent', undefined], [0, 'GAID', 'rejected', 'aggregation-no-group'], [1, 'GAID', 'rejected', 'aggregation-no-group']]);
  assert.match(plan.problems[0]!.message, /^2 identities of 2 profiles \(1 profile entirely\) not exported: their target identity `GAID` is in no/);
});
