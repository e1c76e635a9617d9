import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { adobeFixtures, createAjv, fixturesDir, loadSchema, readJson } from './support';

const fixtures = adobeFixtures();
const ajv = createAjv();
const validators = {
  destination: ajv.compile(loadSchema('destination')),
  'destination-server': ajv.compile(loadSchema('destination-server')),
  'audience-template': ajv.compile(loadSchema('audience-template')),
};

test('there are 8 to 20 Adobe fixtures covering the three Adobe kinds, each listed in SOURCES.md', () => {
  assert.ok(fixtures.length >= 8 && fixtures.length <= 20, `found ${fixtures.length}`);
  for (const kind of ['destination', 'destination-server', 'audience-template']) {
    assert.ok(fixtures.some((f) => f.kind === kind), `no ${kind} fixture`);
  }
  const sources = readFileSync(new URL('SOURCES.md', fixturesDir), 'utf8');
  for (const { file } of fixtures) assert.ok(sources.includes(`\`${file}\``), `${file} missing from SOURCES.md`);
});

for (const { file, kind } of fixtures) {
  test(`Adobe example ${file} validates as a ${kind} with zero errors`, () => {
    const validate = validators[kind];
    const ok = validate(readJson(new URL(file, fixturesDir)));
    assert.deepEqual(validate.errors ?? [], []);
    assert.equal(ok, true);
  });
}
