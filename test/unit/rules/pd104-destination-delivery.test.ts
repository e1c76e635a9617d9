import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD104: the example delivers to its server', () => {
  assert.deepEqual(withCode(validateExample(), 'PD104'), []);
});

test('PD104: no destinationDelivery is an error', () => {
  const [d] = withCode(validateExample((f) => delete f.destination.destinationDelivery), 'PD104');
  assert.equal(d!.severity, 'error');
  assert.equal(d!.pointer, '');
});

test('PD104: a delivery item without destinationServerId is an error at the item', () => {
  const [d] = withCode(validateExample((f) => delete f.destination.destinationDelivery[0].destinationServerId), 'PD104');
  assert.equal(d!.pointer, '/destinationDelivery/0');
});
