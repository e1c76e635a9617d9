import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD112: the example has no identity groups', () => {
  assert.deepEqual(withCode(validateExample(), 'PD112'), []);
});

test('PD112: groups with oneIdentityPerGroup true is an error; false is fine', () => {
  const groups = [{ namespaces: ['IDFA', 'GAID'] }, { namespaces: ['Email'] }];
  const bad = withCode(validateExample((f) => {
    Object.assign(f.destination.aggregation.configurableAggregation.aggregationKey, { oneIdentityPerGroup: true, groups });
  }), 'PD112');
  assert.equal(bad.length, 1);
  assert.equal(bad[0]!.pointer, '/aggregation/configurableAggregation/aggregationKey/groups');
  const good = withCode(validateExample((f) => {
    Object.assign(f.destination.aggregation.configurableAggregation.aggregationKey, { oneIdentityPerGroup: false, groups });
  }), 'PD112');
  assert.deepEqual(good, []);
});
