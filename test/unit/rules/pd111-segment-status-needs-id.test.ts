import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD111: the example groups by audience id and status', () => {
  assert.deepEqual(withCode(validateExample(), 'PD111'), []);
});

test('PD111: includeSegmentStatus without includeSegmentId is an error with the fix', () => {
  const [d] = withCode(validateExample((f) => (f.destination.aggregation.configurableAggregation.aggregationKey.includeSegmentId = false)), 'PD111');
  assert.equal(d!.pointer, '/aggregation/configurableAggregation/aggregationKey/includeSegmentStatus');
  assert.deepEqual(d!.data, { set: { pointer: '/aggregation/configurableAggregation/aggregationKey/includeSegmentId', value: true } });
});
