import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD109: 5000 events per batch is within bounds', () => {
  assert.deepEqual(withCode(validateExample(), 'PD109'), []);
});

test('PD109: 50 and 20000 are errors, with the nearest bound as the fix, and no duplicate schema error', () => {
  for (const [n, fix] of [[50, 1000], [20000, 10000]] as const) {
    const found = validateExample((f) => (f.destination.aggregation.configurableAggregation.maxNumEventsInBatch = n));
    const [d, ...rest] = withCode(found, 'PD109');
    assert.equal(rest.length, 0);
    assert.equal(d!.severity, 'error');
    assert.deepEqual(d!.data, { replacement: fix });
    assert.deepEqual(found.filter((x) => x.pointer === d!.pointer).map((x) => x.code), ['PD109']);
  }
});
