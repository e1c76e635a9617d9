import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode, type ExampleFiles, type Found } from '../../helpers/example';

/** Validates the mutated example; returns the findings with `code` and the text each one underlines. */
function check(code: string, mutate: (f: ExampleFiles) => void, file: keyof ExampleFiles = 'server') {
  let text = '';
  const found = withCode(validateExample((f) => {
    mutate(f);
    text = JSON.stringify(f[file], null, 2);
  }), code);
  const lines = text.split('\n');
  const underlined = (d: Found) => {
    assert.equal(d.range.start.line, d.range.end.line, 'one-line range');
    return lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
  };
  return { found, lines, underlined };
}

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
