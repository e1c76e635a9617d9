import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD117: the example authorization-code grant is complete', () => {
  assert.deepEqual(withCode(validateExample(), 'PD117'), []);
});

test('PD117: a missing clientSecret and authorizationUrl are named', () => {
  const [d] = withCode(validateExample((f) => {
    delete f.destination.customerAuthenticationConfigurations[0].clientSecret;
    delete f.destination.customerAuthenticationConfigurations[0].authorizationUrl;
  }), 'PD117');
  assert.equal(d!.pointer, '/customerAuthenticationConfigurations/0/grant');
  assert.deepEqual(d!.data, { missing: ['clientSecret', 'authorizationUrl'] });
});

test('PD117: a field the customer supplies through authenticationDataFields is not missing', () => {
  const found = withCode(validateExample((f) => {
    const c = f.destination.customerAuthenticationConfigurations[0];
    delete c.clientSecret;
    c.authenticationDataFields = [{ name: 'clientSecret', type: 'string', source: 'CUSTOMER', format: 'password' }];
  }), 'PD117');
  assert.deepEqual(found, []);
});

test('PD117: OAuth2 without a grant is an error', () => {
  const [d] = withCode(validateExample((f) => delete f.destination.customerAuthenticationConfigurations[0].grant), 'PD117');
  assert.equal(d!.pointer, '/customerAuthenticationConfigurations/0');
});
