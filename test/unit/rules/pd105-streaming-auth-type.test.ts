import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD105: OAUTH2 is a streaming authentication type', () => {
  assert.deepEqual(withCode(validateExample(), 'PD105'), []);
});

test('PD105: a file-based auth type on a streaming destination is an error', () => {
  const [d] = withCode(validateExample((f) => (f.destination.customerAuthenticationConfigurations[0].authType = 'S3')), 'PD105');
  assert.equal(d!.severity, 'error');
  assert.equal(d!.pointer, '/customerAuthenticationConfigurations/0/authType');
  assert.match(d!.message, /file-based/);
});
