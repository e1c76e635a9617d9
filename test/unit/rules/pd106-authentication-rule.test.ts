import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD106: the example uses CUSTOMER_AUTHENTICATION', () => {
  assert.deepEqual(withCode(validateExample(), 'PD106'), []);
});

test('PD106: customer auth with another rule is an error with the replacement', () => {
  const [d] = withCode(validateExample((f) => (f.destination.destinationDelivery[0].authenticationRule = 'NONE')), 'PD106');
  assert.equal(d!.pointer, '/destinationDelivery/0/authenticationRule');
  assert.deepEqual(d!.data, { replacement: 'CUSTOMER_AUTHENTICATION' });
});
