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
