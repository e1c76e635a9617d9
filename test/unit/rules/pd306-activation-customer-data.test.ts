import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD306: the example connection values satisfy the destination fields', () => {
  assert.deepEqual(withCode(validateExample(), 'PD306'), []);
});

test("PD306: a value that breaks the field's pattern, a missing required value and an unknown key", () => {
  const bad = withCode(validateExample((f) => (f.activation.connection.customerData.adAccountId = '5497-5588')), 'PD306');
  assert.equal(bad.length, 1);
  assert.match(bad[0]!.message, /pattern/);
  const missing = withCode(validateExample((f) => (f.activation.connection.customerData = { adAcountId: '1' })), 'PD306');
  assert.deepEqual(missing.map((d) => d.severity).sort(), ['error', 'warning']);
  assert.deepEqual(missing.find((d) => d.severity === 'warning')!.data, { renameKey: 'adAccountId' });
});

/** The example with a second customer data field, `region`, whose pattern and value the test picks. */
function withRegion(pattern: string, value: string) {
  return withCode(validateExample((f) => {
    f.destination.customerDataFields.push({ name: 'region', title: 'Region', type: 'string', pattern });
    f.activation.connection.customerData.region = value;
  }), 'PD306');
}

test('PD306: a catastrophic pattern against a long value is judged in bounded time', { timeout: 30_000 }, () => {
  const found = withRegion('^(a+)+$', `${'a'.repeat(40)}b`);
  assert.deepEqual(found.map((d) => [d.pointer, d.severity, d.message]), [
    ['/connection/customerData/region', 'error', "`region` does not match the destination's pattern `^(a+)+$`."],
  ]);
  assert.deepEqual(withRegion('^(a+)+$', 'a'.repeat(40)), []);
});

test('PD306: a pattern RE2 cannot run is a warning that says why the value was not checked', () => {
  const found = withRegion('^(eu|us)-\\1$', 'eu-us');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'warning');
  assert.equal(found[0]!.pointer, '/connection/customerData/region');
  assert.match(found[0]!.message, /`region` was not checked against the destination's pattern: it uses a backreference \(`\\1`\)/);
});

test("PD306: Java syntax that RE2 writes differently is read as Java reads it", () => {
  assert.deepEqual(withRegion('^\\p{Upper}{2}\\u002D\\d+$', 'EU-1'), []);
  assert.equal(withRegion('^\\p{Upper}{2}\\u002D\\d+$', 'eu-1').length, 1);
  // Java's `.` stops at \r as at \n.
  assert.equal(withRegion('^a.b$', 'a\rb').length, 1);
});
