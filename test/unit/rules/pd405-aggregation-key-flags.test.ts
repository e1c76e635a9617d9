import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode, checkUnderlined as check } from '../../helpers/example';

test('PD405: the example reads segmentAlias and segmentStatus with includeSegmentId and includeSegmentStatus', () => {
  assert.deepEqual(withCode(validateExample(), 'PD405'), []);
});

test('PD405: segmentStatus without includeSegmentStatus is an error on the field, with the flag to set', () => {
  const { found, underlined } = check('PD405', (f) => {
    f.destination.aggregation.configurableAggregation.aggregationKey.includeSegmentStatus = false;
  });
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d!.severity, 'error');
  assert.equal(d!.pointer, '/httpTemplate/requestBody/value');
  assert.equal(underlined(d!), 'segmentStatus');
  assert.deepEqual(d!.data, { destination: { set: { pointer: '/aggregation/configurableAggregation/aggregationKey/includeSegmentStatus', value: true } } });
  assert.match(d!.message, /`includeSegmentStatus: true`/);
});

test('PD405: segmentAlias in the URL needs includeSegmentId', () => {
  const { found, underlined } = check('PD405', (f) => {
    Object.assign(f.destination.aggregation.configurableAggregation.aggregationKey, { includeSegmentId: false, includeSegmentStatus: false });
    f.server.httpTemplate.requestBody.value = '{"records": "x"}';
  });
  assert.equal(found.length, 1);
  assert.equal(found[0]!.pointer, '/urlBasedDestination/url/value');
  assert.equal(underlined(found[0]!), 'segmentAlias');
  assert.deepEqual(found[0]!.data, { destination: { set: { pointer: '/aggregation/configurableAggregation/aggregationKey/includeSegmentId', value: true } } });
});

test('PD405: identityNamespaces needs includeIdentity; an unknown field gets did-you-mean', () => {
  const { found, underlined } = check('PD405', (f) => {
    f.server.httpTemplate.requestBody.value = '{"ns": "{{ input.aggregationKey.identityNamespaces | join(",") }}", "id": "{{ input.aggregationKey.segmentID }}"}';
  });
  assert.deepEqual(found.map(underlined), ['identityNamespaces', 'segmentID']);
  assert.deepEqual(found[0]!.data, { destination: { set: { pointer: '/aggregation/configurableAggregation/aggregationKey/includeIdentity', value: true } } });
  assert.deepEqual(found[1]!.data, { replacement: 'segmentId' });
});
