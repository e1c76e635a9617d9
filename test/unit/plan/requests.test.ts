import { test } from 'node:test';
import assert from 'node:assert/strict';
import { externalAudienceId } from '../../../src/core/plan/audiences';
import { TOKEN_MARKER } from '../../../src/core/plan/secrets';
import { planExample } from '../../helpers/plan';

test('every request of the example is valid JSON, addressed to the ad account', () => {
  const plan = planExample();
  assert.equal(plan.problems.length, 0);
  for (const r of plan.requests) {
    assert.equal(r.method, 'PATCH');
    assert.match(r.url, /^https:\/\/api\.pinterest\.com\/v5\/ad_accounts\/549755885175\/customer_lists\/new-list-\d$/);
    const body = JSON.parse(r.body);
    assert.ok(['ADD', 'REMOVE'].includes(body.operation_type));
    assert.ok(body.records.split(',').every((x: string) => /^[0-9a-f]{64}$/.test(x)));
  }
});

test('an audience with an alias is addressed directly and not created', () => {
  const plan = planExample((f) => (f.activation.audiences[0].alias = '654321987'));
  assert.deepEqual(plan.creations.map((c) => c.audience.name), ['Lapsed newsletter subscribers']);
  assert.ok(plan.requests.some((r) => r.url.endsWith('/customer_lists/654321987')));
});

test('audience creation renders the audience template, and reads the new id from the answer', () => {
  const [creation] = planExample().creations;
  assert.equal(creation!.call.url, 'https://api.pinterest.com/v5/ad_accounts/549755885175/customer_lists');
  assert.deepEqual(JSON.parse(creation!.call.body), { name: 'Spring buyers', records: '', list_type: 'EMAIL' });
  assert.equal(externalAudienceId(creation!, { status: 200, headers: {}, body: { id: '5497558859876', name: 'Spring buyers' } }), '5497558859876');
});

test('the token never enters the plan: a marker stands in, shown masked', () => {
  const plan = planExample();
  const call = plan.requests[0]!;
  assert.equal(call.headers.Authorization, `Bearer ${TOKEN_MARKER}`);
  assert.equal(call.display.headers.Authorization, 'Bearer ••••');
  assert.equal(plan.creations[0]!.display.headers.Authorization, 'Bearer ••••');
});

test('a template error or a non-JSON body is a plan problem with its position', () => {
  const broken = planExample((f) => (f.server.httpTemplate.requestBody.value = '{"a": {{ input.profiles | nosuchfilter }} }'));
  assert.match(broken.problems[0]!.message, /request body template: line 1, column \d+: .*nosuchfilter/);
  const notJson = planExample((f) => (f.server.httpTemplate.requestBody.value = '{"records": {{ input.profiles | length }},}'));
  assert.match(notJson.problems[0]!.message, /not valid JSON/);
});

test('a data usage policy violation is a plan problem naming the policy and the way out', () => {
  const plan = planExample((f) => {
    f.activation.labels = { audiences: { [f.activation.audiences[1].id]: ['C2'] } };
  });
  assert.equal(plan.problems.length, 1);
  assert.match(plan.problems[0]!.where, /activation\.json \/audiences\/1$/);
  assert.match(plan.problems[0]!.message, /"3rd party export restriction".*C2.*To resolve: remove this audience/);
});

test('plain text in a hashed namespace of the samples is a plan problem, never quoted', () => {
  const plan = planExample(undefined, [
    { identityMap: { Email_LC_SHA256: [{ id: 'ana.lopez@example.com' }] }, segmentMembership: { ups: { '5b8a1c3e-7f4d-4e2a-9b6c-0d1e2f3a4b5c': { status: 'realized' } } }, attributes: {}, origin: { file: 'samples.json', index: 0, line: 3 } },
  ]);
  assert.equal(plan.problems.length, 1);
  assert.match(plan.problems[0]!.where, /^samples\.json:3$/);
  assert.ok(!plan.problems[0]!.message.includes('ana.lopez'));
});
