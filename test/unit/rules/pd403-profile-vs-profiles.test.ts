import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode, checkUnderlined as check } from '../../helpers/example';

test('PD403: the example loops over input.profiles with configurable aggregation', () => {
  assert.deepEqual(withCode(validateExample(), 'PD403'), []);
});

test('PD403: input.profile under configurable aggregation is an error with the replacement', () => {
  const { found, underlined } = check('PD403', (f) => {
    f.server.httpTemplate.requestBody.value = '{\n  "records": "{{ input.profile.identityMap.pinterest_audience[0].id }}"\n}';
  });
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d!.severity, 'error');
  assert.equal(d!.pointer, '/httpTemplate/requestBody/value');
  assert.equal(underlined(d!), 'input.profile');
  assert.deepEqual(d!.data, { replacement: 'input.profiles' });
  assert.match(d!.message, /`input\.profile` is empty here/);
});

test('PD403: best effort with maxUsersPerRequest 1 wants input.profile, the example loop is flagged', () => {
  const { found, underlined } = check('PD403', (f) => {
    f.destination.aggregation = { aggregationType: 'BEST_EFFORT', bestEffortAggregation: { maxUsersPerRequest: 1, splitUserById: false } };
  });
  assert.equal(found.length, 1);
  assert.equal(underlined(found[0]!), 'input.profiles');
  assert.deepEqual(found[0]!.data, { replacement: 'input.profile' });
  assert.match(found[0]!.message, /`maxUsersPerRequest: 1`/);
});

test('PD403: best effort with maxUsersPerRequest above 1 keeps input.profiles', () => {
  const { found } = check('PD403', (f) => {
    f.destination.aggregation = { aggregationType: 'BEST_EFFORT', bestEffortAggregation: { maxUsersPerRequest: 50 } };
  });
  assert.deepEqual(found, []);
});
