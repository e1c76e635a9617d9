import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixesFor } from '../../../src/core/edits/fixes';
import { exampleFiles, validateExample, withCode, type ExampleFiles } from '../../helpers/example';

/** Applies the finding's preferred fix to the destination text, as the language server would. */
function fixedDestination(mutate: (f: ExampleFiles) => void): unknown {
  const files = exampleFiles();
  mutate(files);
  const text = JSON.stringify(files.destination, null, 2);
  const [d] = withCode(validateExample(mutate), 'PD208');
  assert.ok(d, 'PD208 expected');
  const [fix] = fixesFor(text, { code: d.code, pointer: d.pointer, data: d.data, start: 0, end: 0 });
  assert.ok(fix, 'a quick fix');
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return JSON.parse(out);
}

test('PD208: the example sends the client credentials as HTTP Basic', () => {
  assert.deepEqual(withCode(validateExample(), 'PD208'), []);
});

test('PD208: an OAuth2 configuration without options is an error on the configuration, and the fix re-validates clean', () => {
  const drop = (f: ExampleFiles) => delete f.destination.customerAuthenticationConfigurations[0].options;
  const [d, ...more] = withCode(validateExample(drop), 'PD208');
  assert.equal(more.length, 0);
  assert.equal(d!.severity, 'error');
  assert.equal(d!.pointer, '/customerAuthenticationConfigurations/0');
  assert.match(d!.message, /HTTP Basic.*"useBasicAuth": true.*Pinterest refuses the token exchange/);
  const destination = fixedDestination(drop);
  assert.deepEqual(validateExample((f) => (f.destination = destination)), []);
});

test('PD208: options without useBasicAuth, or with false, is positioned on options, and fixed', () => {
  const empty = (f: ExampleFiles) => (f.destination.customerAuthenticationConfigurations[0].options = {});
  assert.equal(withCode(validateExample(empty), 'PD208')[0]!.pointer, '/customerAuthenticationConfigurations/0/options');
  assert.deepEqual(validateExample((f) => (f.destination = fixedDestination(empty))), []);
  const off = (f: ExampleFiles) => (f.destination.customerAuthenticationConfigurations[0].options = { useBasicAuth: false });
  const [d] = withCode(validateExample(off), 'PD208');
  assert.equal(d!.pointer, '/customerAuthenticationConfigurations/0/options/useBasicAuth');
  assert.deepEqual(validateExample((f) => (f.destination = fixedDestination(off))), []);
});

test('PD208: only OAuth2 configurations of a Pinterest destination are checked', () => {
  assert.deepEqual(withCode(validateExample((f) => f.destination.customerAuthenticationConfigurations.push({ authType: 'BEARER' })), 'PD208'), []);
  const elsewhere = validateExample((f) => {
    delete f.destination.customerAuthenticationConfigurations[0].options;
    delete f.destination.identityNamespaces.pinterest_audience;
    f.server.urlBasedDestination.url.value = 'https://api.example.com/v1/lists/{{input.aggregationKey.segmentId}}';
  });
  assert.deepEqual(withCode(elsewhere, 'PD208'), []);
});
