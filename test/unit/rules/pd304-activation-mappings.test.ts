import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD304: the example maps the four Pinterest namespaces', () => {
  assert.deepEqual(withCode(validateExample(), 'PD304'), []);
});

test('PD304: an unaccepted or wrong-case source and an unknown target are errors', () => {
  const found = withCode(validateExample((f) => {
    f.activation.mappings.push({ source: 'Phone_SHA256', target: 'pinterest_audience' });
    f.activation.mappings.push({ source: 'gaid', target: 'pinterest_audience', applyTransformation: true });
    f.activation.mappings.push({ source: 'Email', target: 'pinterest' });
  }), 'PD304');
  const byPointer = Object.fromEntries(found.map((d) => [d.pointer, d]));
  assert.match(byPointer['/mappings/4/source']!.message, /does not accept the namespace `Phone_SHA256`/);
  assert.deepEqual(byPointer['/mappings/5/source']!.data, { replacement: 'GAID' });
  assert.deepEqual(byPointer['/mappings/6/target']!.data, { replacement: 'pinterest_audience' });
});

test('PD304: switching off a transformation AEP forces is a warning', () => {
  const [d] = withCode(validateExample((f) => (f.activation.mappings[0].applyTransformation = false)), 'PD304');
  assert.equal(d!.severity, 'warning');
  assert.equal(d!.pointer, '/mappings/0/applyTransformation');
});

test('PD304: a mapping without a target gets the source name as AEP fills it in, and Pinterest has no target `Email`', () => {
  const found = withCode(validateExample((f) => {
    f.activation.mappings = [{ source: 'Email', applyTransformation: true }];
  }), 'PD304');
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d!.severity, 'error');
  assert.equal(d!.pointer, '/mappings/0/source');
  assert.match(d!.message, /names no `target`, so AEP fills in `Email` \(the source's name\), which is not a target identity of the destination; set `target` to `pinterest_audience`\./);
  assert.deepEqual(d!.data, { set: { pointer: '/mappings/0/target', value: 'pinterest_audience' } });
  // The schema no longer requires `target` (AEP does not): no PD010 for the missing key.
  assert.deepEqual(validateExample((f) => (f.activation.mappings = [{ source: 'Email', applyTransformation: true }])).filter((x) => x.code.startsWith('PD01')), []);
});

test('PD304: a mapping without a target is clean when the destination declares a target of the source name', () => {
  const found = withCode(validateExample((f) => {
    f.destination.identityNamespaces.GAID = { acceptsAttributes: false, acceptsCustomNamespaces: false, acceptedGlobalNamespaces: { GAID: {} } };
    f.activation.mappings.push({ source: 'GAID' });
  }), 'PD304');
  assert.deepEqual(found, []);
});
