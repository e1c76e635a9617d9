import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

const LOYALTY = 'a2c4e6f8-1b3d-4f5a-8c7e-9d0b1a2c3e4f';

test('PD502: core labels are accepted', () => {
  assert.deepEqual(withCode(validateExample((f) => (f.activation.labels = { audiences: { [LOYALTY]: ['C2', 'I1', 'S1', 'PSPD'] }, identities: { Email: ['I1'] } })), 'PD502'), []);
});

test('PD502: a wrong-case or misspelt label is an error with did-you-mean, in labels and in policies', () => {
  const found = withCode(validateExample((f) => {
    f.activation.labels = { audiences: { [LOYALTY]: ['c2'] }, identities: { Email: ['I 1'] } };
    f.activation.policies = [{ name: 'p', status: 'ENABLED', marketingActionRefs: ['EXPORT_TO_THIRD_PARTY'], deny: { operator: 'OR', operands: [{ label: 'c12' }, { label: 'C3' }] } }];
  }), 'PD502');
  const byPointer = Object.fromEntries(found.map((d) => [d.pointer, d]));
  assert.deepEqual(byPointer[`/labels/audiences/${LOYALTY}/0`]!.data, { replacement: 'C2' });
  assert.equal(byPointer[`/labels/audiences/${LOYALTY}/0`]!.severity, 'error');
  assert.deepEqual(byPointer['/labels/identities/Email/0']!.data, { replacement: 'I1' });
  assert.deepEqual(byPointer['/policies/0/deny/operands/0/label']!.data, { replacement: 'C12' });
  assert.match(byPointer['/policies/0/deny/operands/0/label']!.message, /did you mean `C12`\? Label codes are case-sensitive/);
});

test('PD502: a custom label is fine when a custom policy uses it, a warning when nothing does', () => {
  const run = (policies: unknown[]) => withCode(validateExample((f) => {
    f.activation.labels = { audiences: { [LOYALTY]: ['LOYALTY_DATA'] } };
    f.activation.policies = policies;
  }), 'PD502');
  assert.deepEqual(run([{ name: 'No loyalty export', status: 'ENABLED', marketingActionRefs: ['exportToThirdParty'], deny: { label: 'LOYALTY_DATA' } }]), []);
  const [d] = run([]);
  assert.equal(d!.severity, 'warning');
  assert.match(d!.message, /`LOYALTY_DATA` is not an Adobe core label and no custom policy/);
});
