import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD202: the example accepts the four Pinterest namespaces', () => {
  assert.deepEqual(withCode(validateExample(), 'PD202'), []);
});

test('PD202: a wrong-case namespace is an error with did-you-mean; the missing one is not double-reported', () => {
  const found = withCode(validateExample((f) => {
    const accepted = f.destination.identityNamespaces.pinterest_audience.acceptedGlobalNamespaces;
    accepted.email = accepted.Email;
    delete accepted.Email;
  }), 'PD202');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.pointer, '/identityNamespaces/pinterest_audience/acceptedGlobalNamespaces/email');
  assert.deepEqual(found[0]!.data, { renameKey: 'Email' });
});

test('PD202: a namespace Pinterest cannot take is an error; a missing one is a warning with a fill fix', () => {
  const found = withCode(validateExample((f) => {
    const accepted = f.destination.identityNamespaces.pinterest_audience.acceptedGlobalNamespaces;
    accepted.Phone_SHA256 = {};
    delete accepted.IDFA;
  }), 'PD202');
  assert.deepEqual(found.map((d) => d.severity).sort(), ['error', 'warning']);
  assert.deepEqual(found.find((d) => d.severity === 'warning')!.data, { fillNamespaces: ['IDFA'] });
});
