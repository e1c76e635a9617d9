import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD503: silent on the example, and where the destination forces hashing on Email (PD304 covers that)', () => {
  assert.deepEqual(withCode(validateExample(), 'PD503'), []);
  assert.deepEqual(withCode(validateExample((f) => (f.activation.mappings[0].applyTransformation = false)), 'PD503'), []);
});

test('PD503: an unhashed Email into a target whose other namespaces are hashed is a warning with a quick fix', () => {
  const found = withCode(validateExample((f) => {
    delete f.destination.identityNamespaces.pinterest_audience.acceptedGlobalNamespaces.Email.requiredTransformation;
    f.activation.mappings[0].applyTransformation = false;
  }), 'PD503');
  assert.deepEqual(found.map((d) => [d.pointer, d.severity]), [['/mappings/0/applyTransformation', 'warning']]);
  assert.match(found[0]!.message, /hashes `GAID` with `requiredTransformation`/);
  assert.deepEqual(found[0]!.data, { set: { pointer: '/mappings/0/applyTransformation', value: true } });
});

test('PD503: a target `transformation` counts as hashed; applyTransformation true is clean', () => {
  const run = (apply: boolean | undefined) => withCode(validateExample((f) => {
    const target = f.destination.identityNamespaces.pinterest_audience;
    target.acceptedGlobalNamespaces = { Email: {} };
    target.transformation = 'sha256(lower($))';
    f.activation.mappings = [{ source: 'Email', target: 'pinterest_audience', ...(apply === undefined ? {} : { applyTransformation: apply }) }];
  }), 'PD503');
  const [d] = run(undefined);
  assert.equal(d!.pointer, '/mappings/0');
  assert.match(d!.message, /declares a target `transformation`/);
  assert.deepEqual(run(true), []);
});
