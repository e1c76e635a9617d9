import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planExample, profile, SPRING } from '../../helpers/plan';

// SHA-256 of the trimmed, lowercased addresses, computed with Python's hashlib (not this code).
const ANA = '53fdd27c13c87b89296422dd99e14d02656dbcacefed01d3b53a56313adf3a98';
const QUINN = 'f5451bc3b19b27324eac0737eaa4cfac4d953020bb25761b59fb25b808635053';

test('each identity of the example becomes what Pinterest receives, or a reason', () => {
  const plan = planExample();
  const rows = plan.rows.map((r) => [r.profile, r.namespace, r.outcome, r.hash ?? r.reason]);
  assert.deepEqual(rows.slice(0, 4), [
    [0, 'Email', 'sent', ANA],
    [0, 'GAID', 'sent', plan.rows[1]!.hash],
    [1, 'Email_LC_SHA256', 'sent', 'a3ac0d49a6ac8a478e94197f9a56c6ded9521e79e96356485e9ebefc056eaaf5'],
    [2, 'Email', 'sent', QUINN],
  ]);
  assert.deepEqual(plan.rows.filter((r) => r.outcome !== 'sent').map((r) => [r.namespace, r.reason]), [
    ['IDFA', 'zeroed-device-id'],
    ['Email', 'invalid-email'],
    ['Email_LC_SHA256', 'uppercase-hex'],
    ['ECID', 'not-mapped'],
  ]);
  assert.equal(plan.counts.exported, 5);
  assert.equal(plan.counts.byReason['profile-no-identity'], 2);
});

test('rows show masked values only, never a whole raw identifier', () => {
  const plan = planExample();
  for (const r of plan.rows) {
    assert.ok(!/^[^•…]*@[^•…]*$/.test(r.masked), r.masked);
    assert.ok(r.masked.includes('•') || r.masked.includes('…'), r.masked);
  }
});

test('a profile in no activated audience is not exported', () => {
  const plan = planExample(undefined, [profile({ Email: ['ana.lopez@example.com'] }, { 'some-other-audience': 'realized' })]);
  assert.equal(plan.counts.exported, 0);
  assert.equal(plan.counts.byReason['profile-no-activated-audience'], 1);
  assert.equal(plan.requests.length, 0);
});

test('a pre-hashed email is never hashed twice, and duplicates within a profile are sent once', () => {
  const plan = planExample(undefined, [profile({ Email: ['ana.lopez@example.com', ' ANA.LOPEZ@example.com'], Email_LC_SHA256: [ANA] }, { [SPRING]: 'realized' })]);
  assert.deepEqual(plan.targets[0]!.identityMap, { pinterest_audience: [{ id: ANA }] });
});

test('without a required transformation, a plain email is sent lowercased (and only masked in displays)', () => {
  const plan = planExample((f) => {
    f.destination.identityNamespaces.pinterest_audience.acceptedGlobalNamespaces.Email = {};
    f.activation.mappings[0].applyTransformation = false;
  }, [profile({ Email: ['  Ana.Lopez@Example.com '] }, { [SPRING]: 'realized' })]);
  const [request] = plan.requests;
  assert.equal(JSON.parse(request!.body).records, 'ana.lopez@example.com');
  assert.ok(!request!.display.body.includes('ana.lopez@example.com'));
  assert.match(request!.display.body, /a•••@e•••\.com/);
});

test('a raw device id without a transformation is refused, as Pinterest requires hashed MAIDs', () => {
  const plan = planExample((f) => {
    delete f.destination.identityNamespaces.pinterest_audience.acceptedGlobalNamespaces.GAID.requiredTransformation;
    f.activation.mappings[2].applyTransformation = false;
  }, [profile({ GAID: ['6513270e-269e-4d37-b2a7-4de452e6b438'] }, { [SPRING]: 'realized' })]);
  assert.equal(plan.rows[0]!.reason, 'device-id-must-be-hashed');
});

test('a mapping without a target sends the identities under the source name, as Platform fills in the target', () => {
  const plan = planExample((f) => {
    f.activation.mappings = [{ source: 'Email_LC_SHA256' }];
    f.server.httpTemplate.requestBody.value = '{"hash": "{{ input.profiles[0].identityMap.Email_LC_SHA256[0].id }}"}';
  }, [profile({ Email_LC_SHA256: [ANA] }, { [SPRING]: 'realized' })]);
  assert.deepEqual(plan.mappings.map((m) => [m.source, m.target]), [['Email_LC_SHA256', 'Email_LC_SHA256']]);
  assert.deepEqual(plan.rows.map((r) => [r.outcome, r.target]), [['sent', 'Email_LC_SHA256']]);
  assert.equal(JSON.parse(plan.requests[0]!.body).hash, ANA);
});
