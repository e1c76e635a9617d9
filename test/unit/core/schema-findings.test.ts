import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD012: an enum value in the wrong case says "did you mean" and carries the replacement', () => {
  const [d] = withCode(validateExample((f) => (f.destination.uiAttributes.category = 'Advertising')), 'PD012');
  assert.equal(d!.pointer, '/uiAttributes/category');
  assert.match(d!.message, /did you mean `advertising`\? Values are case-sensitive/);
  assert.deepEqual(d!.data, { replacement: 'advertising' });
});

test('PD012: a value with no near match lists the allowed values', () => {
  const [d] = withCode(validateExample((f) => (f.destination.status = 'LIVE')), 'PD012');
  assert.match(d!.message, /use `TEST`, `PUBLISHED` or `DELETED`/);
});

test('PD012: marketing actions and data usage labels are known values', () => {
  const found = withCode(validateExample((f) => {
    f.destination.marketingActions = ['CROSS_SITE_TARGETING', 'cross_site_targeting', 'SELL_DATA'];
    f.destination.duleLabels = ['C4', 'c5', 'X1'];
  }), 'PD012');
  assert.deepEqual(found.map((d) => [d.pointer, d.data?.replacement]), [
    ['/marketingActions/1', 'CROSS_SITE_TARGETING'],
    ['/marketingActions/2', undefined],
    ['/duleLabels/1', 'C5'],
    ['/duleLabels/2', undefined],
  ]);
});

test('PD011: a wrong type names the expected and the actual type', () => {
  const [d] = withCode(validateExample((f) => (f.destination.customerDataFields[0].isRequired = 'yes')), 'PD011');
  assert.equal(d!.message, '`isRequired` must be a boolean, not a string.');
});

test('PD010: a missing required property is located on its parent', () => {
  const [d] = withCode(validateExample((f) => delete f.server.destinationServerType), 'PD010');
  assert.equal(d!.file, 'destination-server.json');
  assert.match(d!.message, /Missing required property `destinationServerType`/);
  assert.deepEqual(d!.range.start, { line: 0, character: 0 });
});

test('PD013: a pattern violation in the activation file', () => {
  const [d] = withCode(validateExample((f) => (f.activation.audiences[0].alias = 'list-7')), 'PD013');
  assert.equal(d!.pointer, '/audiences/0/alias');
  assert.match(d!.message, /must match the pattern/);
});
