import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD301: the example destination names its server by instanceId', () => {
  assert.deepEqual(withCode(validateExample(), 'PD301'), []);
});

test('PD301: an id no server has is an error listing the ids found', () => {
  const [d] = withCode(validateExample((f) => (f.destination.destinationDelivery[0].destinationServerId = 'nope')), 'PD301');
  assert.equal(d!.file, 'destination.json');
  assert.equal(d!.pointer, '/destinationDelivery/0/destinationServerId');
  assert.match(d!.message, /9b7c2e1d-5a3f-4c68-8e0b-1f2a3d4c5b6e/);
});

test('PD301: the only server without an instanceId is the one meant (a file not yet pushed)', () => {
  const found = withCode(validateExample((f) => delete f.server.instanceId), 'PD301');
  assert.deepEqual(found, []);
});

test('PD301: a destination validated without any server file is not checked against nothing', () => {
  assert.deepEqual(withCode(validateExample((f) => (f.server = undefined)), 'PD301'), []);
});
