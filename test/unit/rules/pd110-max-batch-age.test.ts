import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD110: 1800 seconds is accepted by every Adobe source', () => {
  assert.deepEqual(withCode(validateExample(), 'PD110'), []);
});

test('PD110: 300 and 4000 are errors', () => {
  for (const n of [300, 4000]) {
    const [d] = withCode(validateExample((f) => (f.destination.aggregation.configurableAggregation.maxBatchAgeInSecs = n)), 'PD110');
    assert.equal(d!.severity, 'error', String(n));
  }
});

test('PD110: 301 to 1799 is a warning naming the conflict', () => {
  const [d] = withCode(validateExample((f) => (f.destination.aggregation.configurableAggregation.maxBatchAgeInSecs = 600)), 'PD110');
  assert.equal(d!.severity, 'warning');
  assert.match(d!.message, /1800/);
  assert.deepEqual(d!.data, { replacement: 1800 });
});
