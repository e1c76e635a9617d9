import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD201: the example declares pinterest_audience only', () => {
  assert.deepEqual(withCode(validateExample(), 'PD201'), []);
});

test('PD201: a wrong-case target is an error on the key with a rename', () => {
  const [d] = withCode(validateExample((f) => {
    const ns = f.destination.identityNamespaces;
    ns.Pinterest_Audience = ns.pinterest_audience;
    delete ns.pinterest_audience;
  }), 'PD201');
  assert.equal(d!.severity, 'error');
  assert.equal(d!.pointer, '/identityNamespaces/Pinterest_Audience');
  assert.deepEqual(d!.data, { renameKey: 'pinterest_audience' });
});

test('PD201: an extra target is a warning', () => {
  const [d] = withCode(validateExample((f) => (f.destination.identityNamespaces.gaid = { acceptedGlobalNamespaces: { GAID: {} } })), 'PD201');
  assert.equal(d!.severity, 'warning');
  assert.equal(d!.pointer, '/identityNamespaces/gaid');
});

test('PD201: Pinterest rules stay silent on a destination that does not target Pinterest', () => {
  const found = validateExample((f) => {
    f.server.urlBasedDestination.url.value = 'https://api.example.com/v1/{{customerData.adAccountId}}';
    f.destination.identityNamespaces = { external_id: { acceptedGlobalNamespaces: { Email: {} } } };
    f.activation.mappings = [{ source: 'Email', target: 'external_id' }];
  });
  assert.deepEqual(found.filter((d) => d.code.startsWith('PD2')), []);
});
