import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD108: the example configures its aggregation', () => {
  assert.deepEqual(withCode(validateExample(), 'PD108'), []);
});

test('PD108: a streaming destination without aggregation is an error', () => {
  const [d] = withCode(validateExample((f) => delete f.destination.aggregation), 'PD108');
  assert.equal(d!.severity, 'error');
  assert.match(d!.message, /BEST_EFFORT/);
});

test('PD108: an aggregation type without its settings object is an error at the type', () => {
  const [d] = withCode(validateExample((f) => {
    f.destination.aggregation.aggregationType = 'BEST_EFFORT';
  }), 'PD108');
  assert.equal(d!.pointer, '/aggregation/aggregationType');
  assert.match(d!.message, /bestEffortAggregation/);
});
