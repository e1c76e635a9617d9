import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD107: the example does not use platform authentication', () => {
  assert.deepEqual(withCode(validateExample(), 'PD107'), []);
});

test('PD107: PLATFORM_AUTHENTICATION without authenticationId is an error; with one it is not', () => {
  const without = withCode(validateExample((f) => {
    f.destination.customerAuthenticationConfigurations = [];
    f.destination.destinationDelivery[0].authenticationRule = 'PLATFORM_AUTHENTICATION';
  }), 'PD107');
  assert.equal(without.length, 1);
  assert.equal(without[0]!.pointer, '/destinationDelivery/0/authenticationRule');
  const withId = withCode(validateExample((f) => {
    f.destination.customerAuthenticationConfigurations = [];
    f.destination.destinationDelivery[0].authenticationRule = 'PLATFORM_AUTHENTICATION';
    f.destination.destinationDelivery[0].authenticationId = 'c0ffee';
  }), 'PD107');
  assert.deepEqual(withId, []);
});
