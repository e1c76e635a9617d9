import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activatedCarriers, customPolicies, governanceOf } from '../../../src/core/governance/activation';
import { exampleFiles } from '../../helpers/example';

test('only listed audiences and mapped identities/attributes carry their labels', () => {
  const { activation } = exampleFiles();
  activation.mappings = [{ source: 'Email', target: 'pinterest_audience', applyTransformation: true }, { source: 'personalEmail.address', target: 'pinterest_audience' }];
  activation.labels = {
    audiences: { [activation.audiences[1].id]: ['C2'], 'not-activated': ['C4'] },
    identities: { Email: ['I1'], GAID: ['C5'] },
    attributes: { 'personalEmail.address': ['C3'], 'homeAddress.city': ['S2'] },
  };
  assert.deepEqual(activatedCarriers(activation), [
    { kind: 'audience', id: activation.audiences[1].id, index: 1, labels: ['C2'] },
    { kind: 'identity', namespace: 'Email', mappingIndex: 0, labels: ['I1'] },
    { kind: 'attribute', path: 'personalEmail.address', mappingIndex: 1, labels: ['C3'] },
  ]);
});

test("the activation's marketingActions replace the destination's; omitted, the destination's apply", () => {
  const { activation, destination } = exampleFiles();
  assert.deepEqual(governanceOf(activation, destination).input.marketingActions, ['CROSS_SITE_TARGETING', 'EXPORT_TO_THIRD_PARTY']);
  assert.equal(governanceOf(activation, destination).actionsFrom, 'destination');
  activation.marketingActions = ['EMAIL_TARGETING'];
  assert.deepEqual(governanceOf(activation, destination).input.marketingActions, ['EMAIL_TARGETING']);
  assert.equal(governanceOf(activation, destination).actionsFrom, 'activation');
  activation.marketingActions = [];
  assert.deepEqual(governanceOf(activation, destination).input.marketingActions, []);
});

test('custom policies are read in the Policy Service shape; a missing status counts as DRAFT', () => {
  const policies = customPolicies({
    policies: [
      { name: 'No C1', status: 'ENABLED', marketingActionRefs: ['exportToThirdParty'], deny: { operator: 'OR', operands: [{ label: 'C1' }, { operator: 'AND', operands: [{ label: 'C3' }, { label: 'C7' }] }] } },
      { name: 'Half-done', marketingActionRefs: ['crossSiteTargeting'], deny: { label: 'C5' } },
      { status: 'ENABLED' },
    ],
  });
  assert.equal(policies.length, 2);
  assert.deepEqual(policies[0]!.deny, { operator: 'OR', operands: [{ label: 'C1' }, { operator: 'AND', operands: [{ label: 'C3' }, { label: 'C7' }] }] });
  assert.equal(policies[0]!.id, 'policies/0');
  assert.equal(policies[1]!.status, 'DRAFT');
});

test('enabledCorePolicies narrows the core policies that apply', () => {
  const { activation, destination } = exampleFiles();
  activation.enabledCorePolicies = ['corepolicy_0003'];
  const statuses = Object.fromEntries(governanceOf(activation, destination).input.policies.map((p) => [p.name, p.status]));
  assert.deepEqual(statuses, { '3rd party export restriction': 'DRAFT', 'Restrict email targeting': 'ENABLED', 'Restrict data sharing': 'DRAFT' });
});
