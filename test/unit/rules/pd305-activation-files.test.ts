import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD305: the files the example activation names all exist', () => {
  assert.deepEqual(withCode(validateExample(), 'PD305'), []);
});

test('PD305: a missing file, a file of the wrong kind and missing profiles are errors', () => {
  const found = withCode(validateExample((f) => {
    f.activation.files.destination = 'destination-server.json';
    f.activation.files.audienceTemplate = 'nowhere.json';
    f.activation.profiles = ['profiles.json', 'missing.csv'];
  }), 'PD305');
  assert.deepEqual(found.map((d) => d.pointer).sort(), ['/files/audienceTemplate', '/files/destination', '/profiles/1']);
  assert.match(found.find((d) => d.pointer === '/files/destination')!.message, /destination-server file/);
});
