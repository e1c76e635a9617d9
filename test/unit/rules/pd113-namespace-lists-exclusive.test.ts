import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD113: the example has only a deny list', () => {
  assert.deepEqual(withCode(validateExample(), 'PD113'), []);
});

test('PD113: allow and deny lists together are an error, legacy names included', () => {
  const [d] = withCode(validateExample((f) => (f.destination.schemaConfig.segmentNamespaceAllowList = ['AudienceManager'])), 'PD113');
  assert.equal(d!.severity, 'error');
  assert.equal(d!.pointer, '/schemaConfig/segmentNamespaceAllowList');
  const [legacy] = withCode(validateExample((f) => (f.destination.schemaConfig.segmentNamespaceAllowed = ['AudienceManager'])), 'PD113');
  assert.match(legacy!.message, /segmentNamespaceAllowed/);
});
