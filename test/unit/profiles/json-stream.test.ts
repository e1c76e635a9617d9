// Large JSON files streamed through stream-json: same profiles as the in-memory path, both
// top-level shapes, problems for wrong shapes and syntax errors (with a line range), a 200k
// profile file generated in os.tmpdir(), and an early stop with `limit`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseProfiles } from '../../../src/core/profiles/index';
import { drain, fixture, tempFile } from './helpers';

const STREAM = { streamThresholdBytes: 0 };
const withoutLines = <T extends { origin: { line?: number } }>(profiles: T[]) =>
  profiles.map((p) => ({ ...p, origin: { ...p.origin, line: undefined } }));

test('streamed fixtures give the same profiles as the in-memory parse (origins have no line)', async () => {
  for (const name of ['aep-sample.json', 'wrapped.json']) {
    const file = fixture(name);
    const streamed = await drain(file, STREAM);
    assert.deepEqual(streamed.problems, []);
    const whole = parseProfiles(readFileSync(file, 'utf8'), file);
    assert.deepEqual(withoutLines(streamed.profiles), withoutLines(whole.profiles));
    for (const p of streamed.profiles) assert.equal(p.origin.line, undefined);
  }
});

test('shape problems are reported per profile while streaming', async () => {
  const { profiles, problems } = await drain(fixture('problems.json'), STREAM);
  assert.deepEqual(profiles.map((p) => p.origin.index), [1, 2, 3, 4]);
  assert.equal(problems.length, 13);
  assert.match(problems[0].message, /^Profile 0: is a string/);
});

test('an object without a profiles array, or with a non-array, is a problem', async () => {
  const none = await drain(tempFile('none.json', '{"identityMap":{"Email":[]}, "segmentMembership":{}}'), STREAM);
  assert.deepEqual(none.profiles, []);
  assert.match(none.problems[0].message, /no "profiles" array/);
  const notArray = await drain(tempFile('obj.json', '{"profiles": {"a": {}}}'), STREAM);
  assert.equal(notArray.problems[0].message, '"profiles" must be an array of profiles.');
  const scalar = await drain(tempFile('scalar.json', '  "x"'), STREAM);
  assert.match(scalar.problems[0].message, /Expected an array of profiles/);
  const empty = await drain(tempFile('empty.json', ' \n '), STREAM);
  assert.match(empty.problems[0].message, /empty/);
  const emptyList = await drain(tempFile('empty-list.json', '{"profiles": []}'), STREAM);
  assert.deepEqual([emptyList.profiles.length, emptyList.problems.length], [0, 0]);
});

test('a syntax error deep in a large file keeps earlier profiles and names a narrow line range', async () => {
  const rows: string[] = [];
  for (let i = 0; i < 5000; i++) {
    rows.push(`  {\n    "identityMap": { "Email": [{ "id": "u${i}@example.com" }] },\n    "segmentMembership": {}\n  }`);
  }
  rows[4000] = rows[4000].replace('"segmentMembership"', '"segmentMembership" oops');
  const text = `[\n${rows.join(',\n')}\n]\n`;
  const badLine = text.split('\n').findIndex((l) => l.includes('oops')) + 1;
  const { profiles, problems } = await drain(tempFile('deep-error.json', text), STREAM);
  assert.equal(problems.length, 1);
  const [p] = problems;
  assert.match(p.message, /^Malformed JSON near lines? \d+/);
  assert.match(p.message, /expected ':'/);
  const [, from, to] = /lines? (\d+)(?:–(\d+))?/.exec(p.message)!.map(Number);
  assert.ok(from <= badLine && badLine <= (to || from), `${badLine} in ${from}-${to}`);
  assert.ok((to || from) - from < 200, 'the range is narrow');
  assert.equal(p.line, from);
  assert.ok(profiles.length > 3900 && profiles.length <= 4000, `${profiles.length} profiles before the error`);
  assert.ok(!p.message.includes('example.com'));
});

test('a truncated file reports the end and keeps what came before', async () => {
  const { profiles, problems } = await drain(
    tempFile('truncated.json', '[{"identityMap":{},"segmentMembership":{}},\n{"identityMap":{},"segmentMem'),
    STREAM,
  );
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /^Malformed JSON near line/);
  assert.ok(profiles.length <= 1);
});

test('200,000 generated profiles stream from os.tmpdir(), counted; limit stops early', async () => {
  const n = 200_000;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(`{"identityMap":{"Email":[{"id":"user${i}@example.com"}]},"segmentMembership":{"ups":{"aud-${i % 7}":{"status":"${i % 3 ? 'realized' : 'exited'}"}}},"person.name.firstName":"N${i}"}`);
  }
  const path = tempFile('large.json', `{"profiles":[\n${parts.join(',\n')}\n]}`);
  let count = 0;
  let problems = 0;
  let last = -1;
  const { readProfiles } = await import('../../../src/core/profiles/index');
  for await (const item of readProfiles(path)) {
    if ('identityMap' in item) {
      count++;
      assert.equal(item.origin.index, last + 1);
      last = item.origin.index;
    } else problems++;
  }
  assert.deepEqual([count, problems], [n, 0]);
  const limited = await drain(path, { limit: 10 });
  assert.equal(limited.profiles.length, 10);
  assert.equal(limited.profiles[9].identityMap.Email[0].id, 'user9@example.com');
});
