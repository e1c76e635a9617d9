import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode, checkUnderlined as check } from '../../helpers/example';

test('PD401: the example templates parse', () => {
  assert.deepEqual(withCode(validateExample(), 'PD401'), []);
});

test('PD401: an error on template line 3 of the request body lands on its characters in the escaped JSON string', () => {
  const { found, lines, underlined } = check('PD401', (f) => {
    f.server.httpTemplate.requestBody.value = '{\n  "operation_type": "ADD",\n  "records": "{{ input.profiles | lenght }}"\n}';
  });
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d!.severity, 'error');
  assert.equal(d!.file, 'destination-server.json');
  assert.equal(d!.pointer, '/httpTemplate/requestBody/value');
  assert.match(d!.message, /^Template \(line 3, column 35\): Unknown filter "lenght"\. Did you mean "length"\?/);
  // The whole template sits on the JSON line of "value", after escaped newlines and quotes.
  assert.match(lines[d!.range.start.line]!, /^\s*"value": "\{\\n/);
  assert.equal(underlined(d!), 'lenght');
  const before = lines[d!.range.start.line]!.slice(0, d!.range.start.character);
  assert.ok(before.endsWith('\\"records\\": \\"{{ input.profiles | '), before);
});

test('PD401: a broken tag in the URL, and every error of a template, each reported', () => {
  const { found, underlined } = check('PD401', (f) => {
    f.server.urlBasedDestination.url.value = 'https://api.pinterest.com/v5/ad_accounts/{{customerData.adAccountId}/customer_lists/{% for x input.profiles %}';
  });
  assert.ok(found.length >= 1);
  assert.ok(found.every((d) => d.pointer === '/urlBasedDestination/url/value' && d.severity === 'error'));
  assert.equal(underlined(found[0]!), '}');
});

test('PD401: a server value with templatingStrategy NONE is not a template', () => {
  const { found } = check('PD401', (f) => {
    f.server.httpTemplate.headers = [{ header: 'X-Debug', value: { templatingStrategy: 'NONE', value: 'literal {{ braces' } }];
  });
  assert.deepEqual(found, []);
});

test('PD401: audience template strings are templates too', () => {
  const { found, underlined } = check('PD401', (f) => {
    f.audienceTemplate.metadataTemplate.create.requestBody.json.name = '{{ segment.name | uper }}';
  }, 'audienceTemplate');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.file, 'audience-template.json');
  assert.equal(found[0]!.pointer, '/metadataTemplate/create/requestBody/json/name');
  assert.equal(underlined(found[0]!), 'uper');
});

test('PD401: a filter outside Pebble core (Twig\'s e, keys) is an error on its name, naming the supported way', () => {
  const { found, underlined } = check('PD401', (f) => {
    f.server.httpTemplate.requestBody.value = '{"records": "{% for k in input.profiles[0].attributes | keys %}{{ k | e }}{% endfor %}"}';
  });
  assert.deepEqual(found.map((d) => underlined(d)), ['keys', 'e']);
  assert.match(found[0]!.message, /Unknown filter "keys"\. Pebble has no "keys" filter; iterate the map instead/);
  assert.match(found[1]!.message, /Unknown filter "e"\. Pebble has no "e" filter \(that is Twig's alias\); use "escape"\./);
});
