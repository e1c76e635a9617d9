import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode, checkUnderlined as check } from '../../helpers/example';

test('PD402: the example templates read only variables AEP provides', () => {
  assert.deepEqual(withCode(validateExample(), 'PD402'), []);
});

test('PD402: a misspelt root in the request body is a warning on the name, with did-you-mean', () => {
  const { found, underlined } = check('PD402', (f) => {
    f.server.httpTemplate.requestBody.value = '{\n  "records": "{% for p in inputs.profiles %}{{ p }}{% endfor %}"\n}';
  });
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d!.severity, 'warning');
  assert.equal(d!.pointer, '/httpTemplate/requestBody/value');
  assert.equal(underlined(d!), 'inputs');
  assert.deepEqual(d!.data, { replacement: 'input' });
  assert.match(d!.message, /`inputs` is not a variable of a destination server template.*did you mean `input`\?/);
});

test('PD402: a root with no near miss lists the roots; loop and set variables are not roots', () => {
  const { found, underlined } = check('PD402', (f) => {
    f.server.httpTemplate.requestBody.value = '{% set n = 1 %}{% for p in input.profiles %}{{ p.identityMap }}{{ n }}{{ loop.index }}{% endfor %}{{ request.id }}';
  });
  assert.equal(found.length, 1);
  assert.equal(underlined(found[0]!), 'request');
  assert.equal(found[0]!.data, undefined);
  assert.match(found[0]!.message, /use `input`, `destination` or `customerData`/);
});

test('PD402: audience templates have their own roots (segment, body, oauth2ServiceAccessToken, …)', () => {
  const clean = check('PD402', (f) => {
    f.audienceTemplate.metadataTemplate.create.requestBody.json.description = '{{ segment.id }} {{ authData.accessToken }} {{ response.body }}';
  }, 'audienceTemplate');
  assert.deepEqual(clean.found, []);
  const { found, underlined } = check('PD402', (f) => {
    f.audienceTemplate.metadataTemplate.create.requestBody.json.name = '{{ segmnet.name }}';
  }, 'audienceTemplate');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.pointer, '/metadataTemplate/create/requestBody/json/name');
  assert.equal(underlined(found[0]!), 'segmnet');
  assert.deepEqual(found[0]!.data, { replacement: 'segment' });
});

test('PD402: `input` is not a root of an audience template', () => {
  const { found } = check('PD402', (f) => {
    f.audienceTemplate.metadataTemplate.create.requestBody.json.name = '{{ input.profiles }}';
  }, 'audienceTemplate');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'warning');
});
