import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD103: the example sets segmentRequired true', () => {
  assert.deepEqual(withCode(validateExample(), 'PD103'), []);
});

test('PD103: segmentRequired false is an error at the value, with a quick-fix setting true', () => {
  const [d, ...rest] = withCode(validateExample((f) => (f.destination.schemaConfig.segmentRequired = false)), 'PD103');
  assert.equal(rest.length, 0);
  assert.equal(d!.severity, 'error');
  assert.equal(d!.pointer, '/schemaConfig/segmentRequired');
  assert.deepEqual(d!.data, { set: { pointer: '/schemaConfig/segmentRequired', value: true } });
});

test('PD103: a missing segmentRequired is reported once, on the schemaConfig key', () => {
  const found = validateExample((f) => delete f.destination.schemaConfig.segmentRequired);
  const [d, ...rest] = found.filter((x) => x.pointer === '/schemaConfig/segmentRequired');
  assert.equal(rest.length, 0, 'no second, generic schema error');
  assert.equal(d!.code, 'PD103');
  assert.equal(d!.range.end.character - d!.range.start.character, '"schemaConfig"'.length);
  assert.match(d!.message, /Set `schemaConfig.segmentRequired` to `true`/);
});
