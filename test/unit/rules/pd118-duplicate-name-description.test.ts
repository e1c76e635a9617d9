import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD118: the example does not redefine Name or Description', () => {
  assert.deepEqual(withCode(validateExample(), 'PD118'), []);
});

test('PD118: a customer data field called name is a warning', () => {
  const [d] = withCode(validateExample((f) => f.destination.customerDataFields.push({ name: 'Name', type: 'string' })), 'PD118');
  assert.equal(d!.severity, 'warning');
  assert.equal(d!.pointer, '/customerDataFields/1/name');
});
