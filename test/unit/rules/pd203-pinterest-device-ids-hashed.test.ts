import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD203: the example hashes GAID and IDFA', () => {
  assert.deepEqual(withCode(validateExample(), 'PD203'), []);
});

test('PD203: GAID accepted without a required transformation is a warning with the fix', () => {
  const [d] = withCode(validateExample((f) => (f.destination.identityNamespaces.pinterest_audience.acceptedGlobalNamespaces.GAID = {})), 'PD203');
  assert.equal(d!.severity, 'warning');
  assert.match(d!.message, /GAIDs to be hashed/);
  assert.deepEqual(d!.data, { set: { pointer: '/identityNamespaces/pinterest_audience/acceptedGlobalNamespaces/GAID/requiredTransformation', value: 'sha256(lower($))' } });
});
