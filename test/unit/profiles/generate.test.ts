// The sample-profile generator: AEP's export shape, only what the activation maps and the
// destination accepts, valid and varied values, reproducible for a seed, invalid values only when
// asked and then with exactly the reason asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareIdentity } from '../../../src/core/identity';
import {
  DEFAULT_INVALID_REASONS,
  defaultSampleCount,
  generateSampleProfiles,
  INJECTABLE_REASONS,
  parseInvalidOption,
  reasonsFor,
  sampleProfileSpec,
  sampleProfileSpecForDestination,
  type InjectableReason,
  type SampleProfileSpec,
} from '../../../src/core/profiles';
import { toSourceProfile } from '../../../src/core/profiles/shape';
import { exampleFiles } from '../../helpers/example';

const { destination, activation } = exampleFiles();
const EXAMPLE_SPEC = sampleProfileSpec(destination, activation.mappings, activation.audiences.map((a: { id: string }) => ({ id: a.id, namespace: 'ups' })));
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const text = (spec: SampleProfileSpec, seed: number, count = 200) => [...generateSampleProfiles(spec, { count, seed })].map((p) => JSON.stringify(p)).join('\n');

test('the same seed gives the same profiles byte for byte; another seed gives others', () => {
  assert.equal(text(EXAMPLE_SPEC, 7), text(EXAMPLE_SPEC, 7));
  assert.notEqual(text(EXAMPLE_SPEC, 7), text(EXAMPLE_SPEC, 8));
  // A longer run starts with the shorter one: each profile depends only on the seed and its place.
  assert.ok(text(EXAMPLE_SPEC, 7, 300).startsWith(text(EXAMPLE_SPEC, 7)));
});

test('the count asked for, and AEP export shape that the sample reader takes without a problem', () => {
  for (const count of [0, 1, 57]) assert.equal([...generateSampleProfiles(EXAMPLE_SPEC, { count })].length, count);
  for (const [i, p] of [...generateSampleProfiles(EXAMPLE_SPEC, { count: 300, seed: 3 })].entries()) {
    assert.deepEqual(Object.keys(p), ['segmentMembership', 'identityMap']);
    const read = toSourceProfile(JSON.parse(JSON.stringify(p)), { file: 'generated.jsonl', index: i });
    assert.deepEqual(read.problems, []);
  }
  assert.throws(() => [...generateSampleProfiles(EXAMPLE_SPEC, { count: 1.5 })], /whole number/);
});

test('memberships: only the activated audiences, realized or exited, each with a parseable lastQualificationTime in the 30 days before the clock', () => {
  const ids = new Set(EXAMPLE_SPEC.audiences.map((a) => a.id));
  const statuses = new Set<string>();
  const now = Date.parse('2026-06-01T00:00:00Z');
  for (const p of generateSampleProfiles(EXAMPLE_SPEC, { count: 500, seed: 11, now: new Date(now) })) {
    assert.deepEqual(Object.keys(p.segmentMembership), ['ups']);
    const members = Object.entries(p.segmentMembership.ups!);
    assert.ok(members.length >= 1, 'every profile is in an activated audience');
    for (const [id, m] of members) {
      assert.ok(ids.has(id));
      assert.ok(m.status === 'realized' || m.status === 'exited');
      statuses.add(m.status);
      assert.match(m.lastQualificationTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      const t = Date.parse(m.lastQualificationTime);
      assert.ok(t <= now && t > now - 30 * 86_400_000);
    }
  }
  assert.deepEqual([...statuses].sort(), ['exited', 'realized']);
});

test('identities: only the namespaces the activation maps and the destination accepts, all valid, varied, several per profile sometimes', () => {
  const seen = new Map<string, number>();
  let multi = 0;
  let twoInOne = 0;
  for (const p of generateSampleProfiles(EXAMPLE_SPEC, { count: 1000, seed: 5 })) {
    const namespaces = Object.keys(p.identityMap);
    if (namespaces.length > 1) multi++;
    for (const ns of namespaces) {
      assert.ok(['Email', 'Email_LC_SHA256', 'GAID', 'IDFA'].includes(ns), ns);
      const ids = p.identityMap[ns]!;
      if (ids.length > 1) twoInOne++;
      for (const { id } of ids) {
        seen.set(ns, (seen.get(ns) ?? 0) + 1);
        // As the example maps them: the transformation on all but the already hashed namespace.
        const r = prepareIdentity(ns, id, { applyTransformation: ns !== 'Email_LC_SHA256' });
        assert.ok(r.ok && !r.warnings, `${ns} value rejected or warned`);
        if (ns === 'Email') assert.match(id, /@(example\.com|example\.org)$/i);
        if (ns === 'GAID') assert.match(id, UUID_V4), assert.equal(id, id.toLowerCase());
        if (ns === 'IDFA') assert.match(id, UUID_V4), assert.equal(id, id.toUpperCase());
        if (ns === 'Email_LC_SHA256') assert.match(id, /^[0-9a-f]{64}$/);
      }
    }
  }
  assert.deepEqual([...seen.keys()].sort(), ['Email', 'Email_LC_SHA256', 'GAID', 'IDFA']);
  assert.ok(multi > 100 && twoInOne > 50, `multi ${multi}, two in one ${twoInOne}`);
});

test('the spec keeps only mapped sources the destination accepts; without mappings, every accepted namespace; nothing to generate is one sentence', () => {
  const onlyEmail = structuredClone(destination);
  onlyEmail.identityNamespaces.pinterest_audience.acceptedGlobalNamespaces = { Email: { requiredTransformation: 'sha256(lower($))' } };
  const spec = sampleProfileSpec(onlyEmail, activation.mappings, [{ id: 'a', namespace: 'ups' }]);
  assert.deepEqual(spec.namespaces, ['Email']);
  for (const p of generateSampleProfiles(spec, { count: 100 })) assert.deepEqual(Object.keys(p.identityMap), ['Email']);
  // A mapping whose target the destination does not declare brings nothing.
  assert.deepEqual(sampleProfileSpec(destination, [{ source: 'GAID', target: 'nope' }, { source: 'IDFA', target: 'pinterest_audience' }], [{ id: 'a', namespace: 'ups' }]).namespaces, ['IDFA']);
  assert.deepEqual(sampleProfileSpecForDestination(destination), {
    namespaces: ['Email', 'Email_LC_SHA256', 'GAID', 'IDFA'],
    audiences: ['segmentid1', 'segmentid2', 'segmentid3'].map((id) => ({ id, namespace: 'ups' })),
  });
  assert.throws(() => sampleProfileSpec(destination, [{ source: 'ECID', target: 'pinterest_audience' }], [{ id: 'a', namespace: 'ups' }]), /No mapping of the activation takes an identity namespace the destination accepts/);
  assert.throws(() => sampleProfileSpec(destination, activation.mappings, []), /names no audiences/);
});

test('default count as Adobe: maxUsersPerRequest under best effort, else 1', () => {
  assert.equal(defaultSampleCount(destination), 1);
  assert.equal(defaultSampleCount({ aggregation: { aggregationType: 'BEST_EFFORT', bestEffortAggregation: { maxUsersPerRequest: 10 } } }), 10);
  assert.equal(defaultSampleCount({ aggregation: { aggregationType: 'BEST_EFFORT', bestEffortAggregation: {} } }), 1);
});

test('each injectable reason gives values the identity rules reject with exactly that reason, and the tally counts them', () => {
  const spec: SampleProfileSpec = { namespaces: ['Email', 'Email_LC_SHA256', 'GAID', 'IDFA', 'Phone', 'Phone_E.164', 'Phone_SHA256', 'Phone_SHA256_E.164', 'ECID'], audiences: [{ id: 'a', namespace: 'ups' }] };
  for (const reason of INJECTABLE_REASONS) {
    const tally: Partial<Record<InjectableReason, number>> = {};
    let rejected = 0;
    for (const p of generateSampleProfiles(spec, { count: 400, seed: 2, invalid: { [reason]: 0.5 } }, tally)) {
      let valid = 0;
      for (const [ns, ids] of Object.entries(p.identityMap)) {
        for (const { id } of ids) {
          const r = prepareIdentity(ns, id, { applyTransformation: true });
          if (r.ok) valid++;
          else {
            assert.equal(r.reason, reason, `${ns}: asked ${reason}`);
            assert.ok(reasonsFor(ns).includes(reason));
            rejected++;
          }
        }
      }
      assert.ok(valid >= 1, 'every profile keeps one valid identity');
    }
    assert.ok(rejected > 20, `${reason}: ${rejected}`);
    assert.deepEqual(tally, { [reason]: rejected });
  }
});

test('a bare share spreads over the default reasons; none by default; bad options are refused', () => {
  const tally: Partial<Record<InjectableReason, number>> = {};
  let values = 0;
  for (const p of generateSampleProfiles(EXAMPLE_SPEC, { count: 4000, seed: 9, invalid: 0.1 }, tally)) for (const ids of Object.values(p.identityMap)) values += ids.length;
  const injected = Object.values(tally).reduce((a, b) => a + b!, 0);
  assert.ok(injected / values > 0.07 && injected / values < 0.13, `${injected} of ${values}`);
  assert.ok(Object.keys(tally).every((r) => DEFAULT_INVALID_REASONS.includes(r as InjectableReason)));
  assert.ok(!('plain-email-in-hashed-namespace' in tally));
  const none: Partial<Record<InjectableReason, number>> = {};
  for (const p of generateSampleProfiles(EXAMPLE_SPEC, { count: 2000, seed: 9 }, none)) for (const [ns, ids] of Object.entries(p.identityMap)) for (const { id } of ids) assert.ok(prepareIdentity(ns, id, { applyTransformation: true }).ok);
  assert.deepEqual(none, {});

  assert.deepEqual(parseInvalidOption('0.25'), { invalid: 0.25 });
  assert.deepEqual(parseInvalidOption('invalid-email=0.05, zeroed-device-id=0.02'), { invalid: { 'invalid-email': 0.05, 'zeroed-device-id': 0.02 } });
  assert.equal(parseInvalidOption('invalid-emial=0.1').unknown, 'invalid-emial');
  assert.ok(parseInvalidOption('1.5').error);
  assert.ok(parseInvalidOption('invalid-email=x').error);
  assert.throws(() => [...generateSampleProfiles(EXAMPLE_SPEC, { count: 1, invalid: 2 })], /between 0 and 1/);
});
