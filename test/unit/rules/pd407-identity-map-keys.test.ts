import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode, checkUnderlined as check } from '../../helpers/example';

test('PD407: the example reads identityMap.pinterest_audience, a declared target identity', () => {
  assert.deepEqual(withCode(validateExample(), 'PD407'), []);
});

test('PD407: a misspelt identityMap key read through loop variables is a warning on the key, once', () => {
  const { found, underlined } = check('PD407', (f) => {
    f.server.httpTemplate.requestBody.value = '{\n  "records": "{% for profile in input.profiles %}{% for identity in profile.identityMap.pinterest_audiance %}{{ identity.id }}{% endfor %}{% endfor %}"\n}';
  });
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d!.severity, 'warning');
  assert.equal(d!.pointer, '/httpTemplate/requestBody/value');
  assert.equal(underlined(d!), 'pinterest_audiance');
  assert.deepEqual(d!.data, { replacement: 'pinterest_audience' });
  assert.match(d!.message, /did you mean `pinterest_audience`\?/);
});

test('PD407: a source namespace (Email) read through a set alias, and via input.profile', () => {
  const { found, underlined } = check('PD407', (f) => {
    f.server.httpTemplate.requestBody.value = '{% for p in input.profiles %}{% set ids = p.identityMap %}{{ ids.Email[0].id }}{% endfor %}{{ input.profile.identityMap.GAID }}';
  });
  assert.deepEqual(found.map(underlined), ['Email', 'GAID']);
  assert.equal(found[0]!.data, undefined);
  assert.match(found[0]!.message, /add it to `identityNamespaces`/);
});

test('PD407: dynamic keys and map iteration are not guessed at', () => {
  const { found } = check('PD407', (f) => {
    f.server.httpTemplate.requestBody.value = '{% for p in input.profiles %}{% for e in p.identityMap %}{{ e.key }}{% endfor %}{{ p.identityMap[customerData.adAccountId] }}{% endfor %}';
  });
  assert.deepEqual(found, []);
});
