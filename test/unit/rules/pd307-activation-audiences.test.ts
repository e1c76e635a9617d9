import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD307: the example activates two distinct audiences', () => {
  assert.deepEqual(withCode(validateExample(), 'PD307'), []);
});

test('PD307: the same audience twice is an error at the second one', () => {
  const [d] = withCode(validateExample((f) => f.activation.audiences.push({ ...f.activation.audiences[0] })), 'PD307');
  assert.equal(d!.pointer, '/audiences/2/id');
});

test('PD307: without an audience template every audience needs an alias', () => {
  const found = withCode(validateExample((f) => {
    delete f.destination.segmentMappingConfig.audienceTemplateId;
    f.activation.audiences[0].alias = '549755885123';
  }), 'PD307');
  assert.deepEqual(found.map((d) => d.pointer), ['/audiences/1']);
});
