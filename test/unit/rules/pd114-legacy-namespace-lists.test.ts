import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD114: the example uses current names', () => {
  assert.deepEqual(withCode(validateExample(), 'PD114'), []);
});

test('PD114: a legacy list name is a warning offering the current name', () => {
  const [d] = withCode(validateExample((f) => {
    delete f.destination.schemaConfig.segmentNamespaceDenyList;
    f.destination.schemaConfig.segmentNamespaceDenied = [];
  }), 'PD114');
  assert.equal(d!.severity, 'warning');
  assert.deepEqual(d!.data, { renameKey: 'segmentNamespaceDenyList' });
});
