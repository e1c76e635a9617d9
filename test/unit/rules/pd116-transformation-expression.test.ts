import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD116: the example uses sha256(lower($))', () => {
  assert.deepEqual(withCode(validateExample(), 'PD116'), []);
});

test('PD116: another expression is a warning with the documented one as the fix', () => {
  const [d] = withCode(validateExample((f) => (f.destination.identityNamespaces.pinterest_audience.acceptedGlobalNamespaces.GAID.requiredTransformation = 'md5($)')), 'PD116');
  assert.equal(d!.severity, 'warning');
  assert.equal(d!.pointer, '/identityNamespaces/pinterest_audience/acceptedGlobalNamespaces/GAID/requiredTransformation');
  assert.deepEqual(d!.data, { replacement: 'sha256(lower($))' });
  const [t] = withCode(validateExample((f) => (f.destination.identityNamespaces.pinterest_audience.transformation = 'sha256($)')), 'PD116');
  assert.equal(t!.pointer, '/identityNamespaces/pinterest_audience/transformation');
});
