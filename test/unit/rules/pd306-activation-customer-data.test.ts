import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD306: the example connection values satisfy the destination fields', () => {
  assert.deepEqual(withCode(validateExample(), 'PD306'), []);
});

test("PD306: a value that breaks the field's pattern, a missing required value and an unknown key", () => {
  const bad = withCode(validateExample((f) => (f.activation.connection.customerData.adAccountId = '5497-5588')), 'PD306');
  assert.equal(bad.length, 1);
  assert.match(bad[0]!.message, /pattern/);
  const missing = withCode(validateExample((f) => (f.activation.connection.customerData = { adAcountId: '1' })), 'PD306');
  assert.deepEqual(missing.map((d) => d.severity).sort(), ['error', 'warning']);
  assert.deepEqual(missing.find((d) => d.severity === 'warning')!.data, { renameKey: 'adAccountId' });
});
