import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode, checkUnderlined as check } from '../../helpers/example';

test('PD406: the example body renders as valid JSON for both statuses', () => {
  assert.deepEqual(withCode(validateExample(), 'PD406'), []);
});

test('PD406: a missing comma is an error giving the parse error and the rendered text around it', () => {
  const { found } = check('PD406', (f) => {
    f.server.httpTemplate.requestBody.value = '{\n  "operation_type": "ADD"\n  "records": "{% for p in input.profiles %}{{ p.identityMap.pinterest_audience[0].id }}{% endfor %}"\n}';
  });
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d!.severity, 'error');
  assert.equal(d!.pointer, '/httpTemplate/requestBody/value');
  assert.match(d!.message, /renders as invalid JSON .*`contentType` is `application\/json`/);
  assert.match(d!.message, /stops being JSON at character 31\./);
  assert.ok(d!.message.includes('Rendered: {\\n  \\"operation_type\\": \\"ADD\\"\\n  ⟨here⟩\\"records\\": \\"'), d!.message);
});

test('PD406: the exited branch is rendered too when calls are grouped by status', () => {
  const { found } = check('PD406', (f) => {
    f.server.httpTemplate.requestBody.value = '{"operation_type": {% if input.aggregationKey.segmentStatus == "exited" %}REMOVE{% else %}"ADD"{% endif %}}';
  });
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /status `exited`/);
});

test('PD406: a render failure with the sample profiles points into the template', () => {
  const { found, underlined } = check('PD406', (f) => {
    f.server.httpTemplate.requestBody.value = '{\n  "records": [{% for p in input.profiles %}{{ p.identityMap.pinterest_audience | abs }}{% endfor %}]\n}';
  });
  assert.equal(found.length, 1);
  assert.equal(underlined(found[0]!), 'abs');
  assert.match(found[0]!.message, /fails .*at template line 2, column \d+: Filter "abs"/);
});

test('PD406: only JSON content types are parsed', () => {
  const { found } = check('PD406', (f) => {
    f.server.httpTemplate.contentType = 'text/plain';
    f.server.httpTemplate.requestBody.value = 'records={{ input.profiles | length }}';
  });
  assert.deepEqual(found, []);
});

test('PD406: a body that renders empty says so', () => {
  const { found } = check('PD406', (f) => {
    f.server.httpTemplate.requestBody.value = '{% if input.profile %}{"a": 1}{% endif %}';
  });
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /renders empty/);
});
