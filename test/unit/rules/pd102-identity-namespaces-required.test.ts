import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD102: the example declares a target identity', () => {
  assert.deepEqual(withCode(validateExample(), 'PD102'), []);
});

test('PD102: an empty identityNamespaces on a streaming destination is an error', () => {
  const [d] = withCode(validateExample((f) => (f.destination.identityNamespaces = {})), 'PD102');
  assert.equal(d!.severity, 'error');
  assert.equal(d!.pointer, '/identityNamespaces');
});

test('PD102: a missing identityNamespaces is reported on the document', () => {
  const [d] = withCode(validateExample((f) => delete f.destination.identityNamespaces), 'PD102');
  assert.equal(d!.pointer, '');
  assert.match(d!.message, /mapping step/);
});
