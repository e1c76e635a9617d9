import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD101: the example is streaming and says so', () => {
  assert.deepEqual(withCode(validateExample(), 'PD101'), []);
});

test('PD101: a streaming destination without frequency is an error', () => {
  const [d] = withCode(validateExample((f) => delete f.destination.uiAttributes.frequency), 'PD101');
  assert.equal(d!.severity, 'error');
  assert.equal(d!.pointer, '/uiAttributes/frequency');
  assert.match(d!.message, /Streaming/);
});

test('PD101: Batch frequency on an aggregating destination is an error with the fix', () => {
  const [d] = withCode(validateExample((f) => (f.destination.uiAttributes.frequency = 'Batch')), 'PD101');
  assert.equal(d!.pointer, '/uiAttributes/frequency');
  assert.deepEqual(d!.data, { replacement: 'Streaming' });
});
