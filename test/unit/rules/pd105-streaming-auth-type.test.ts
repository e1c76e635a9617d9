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

test('PD105: an empty authType is said to be empty (one finding, with the streaming types to pick)', () => {
  const found = validateExample((f) => (f.destination.customerAuthenticationConfigurations[0].authType = '')).filter((d) => d.pointer === '/customerAuthenticationConfigurations/0/authType');
  assert.deepEqual(found.map((d) => d.code), ['PD105']);
  assert.equal(found[0]!.message, '`authType` is empty; a streaming destination authenticates with `OAUTH2`, `BEARER` or `BASIC`.');
  assert.deepEqual(found[0]!.data, { candidates: ['OAUTH2', 'BEARER', 'BASIC'] });
});

test('PD105: an unknown authType is not called file-based; the schema says it is not allowed, with did-you-mean', () => {
  const found = validateExample((f) => (f.destination.customerAuthenticationConfigurations[0].authType = 'OAUTH3')).filter((d) => d.pointer === '/customerAuthenticationConfigurations/0/authType');
  assert.deepEqual(found.map((d) => d.code), ['PD012']);
  assert.doesNotMatch(found[0]!.message, /file-based/);
  assert.match(found[0]!.message, /did you mean `OAUTH2`/);
});
