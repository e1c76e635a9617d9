// CSV sample profiles: the documented header format, multi-value cells, audiences, attributes,
// every header and row problem with its line, quoting errors, and a large file streamed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseProfiles } from '../../../src/core/profiles/index';
import { drain, fixture, tempFile } from './helpers';

test('identities, |-separated values, audiences by namespace, attributes, quoted and multi-line cells', async () => {
  const { profiles, problems } = await drain(fixture('profiles.csv'));
  assert.equal(profiles.length, 4);
  const [first, second, third, fifth] = profiles;
  assert.deepEqual(first.identityMap, {
    Email: [{ id: 'user1@example.com' }, { id: 'User1.Alt@Example.org' }],
    GAID: [{ id: '08b54163-f7b1-46b4-961d-716c4863485a' }],
  });
  assert.deepEqual(first.segmentMembership, {
    ups: { 'aud-1': { status: 'realized' } },
    CustomerAudienceUpload: { 'aud-3': { status: 'existing' } },
  });
  assert.deepEqual(first.attributes, { firstName: 'Ann', 'personalEmail.address': 'user1@example.com' });
  assert.deepEqual(first.origin, { file: fixture('profiles.csv'), index: 0, line: 2 });
  assert.deepEqual(second.identityMap, { IDFA: [{ id: 'CDDA802E-FB9C-47AD-9866-0794D394C912' }] });
  assert.deepEqual(second.segmentMembership, { ups: { 'aud-1': { status: 'exited' }, 'aud-2': { status: 'realized' } } });
  assert.deepEqual(second.attributes, { firstName: 'Smith, Bo' });
  assert.deepEqual(third.origin, { file: fixture('profiles.csv'), index: 2, line: 5 }, 'blank line 4 skipped');
  assert.equal(third.attributes.firstName, 'Multi\nline');
  assert.deepEqual(third.segmentMembership, {}, 'the misspelt status is dropped');
  assert.deepEqual(fifth.origin.index, 4);
  assert.equal(fifth.origin.line, 8, 'the line after a multi-line cell is counted right');

  assert.equal(problems.length, 2);
  assert.deepEqual([problems[0].index, problems[0].line, problems[0].column], [2, 5, 4]);
  assert.equal(
    problems[0].message,
    "Row 2 (line 5), column 'ups:aud-1': status must be realized, existing or exited, not 'Realised'; the membership was ignored.",
  );
  assert.deepEqual([problems[1].index, problems[1].line], [3, 7]);
  assert.equal(problems[1].message, 'Row 3 (line 7) has 4 cells but the header has 8; it was skipped.');
});

test('header problems: wrong-case namespace, empty parts, identity namespace as audience, empty header', () => {
  const file = fixture('bad-headers.csv');
  const { profiles, problems } = parseProfiles(readFileSync(file, 'utf8'), file);
  assert.deepEqual(problems.map((p) => [p.line, p.column]), [[1, 1], [1, 3], [1, 4], [1, 5], [1, 6]]);
  assert.match(problems[0].message, /'email' is read as an attribute; .* name it 'Email'/);
  assert.match(problems[1].message, /':aud-x' has an unknown type/);
  assert.match(problems[2].message, /'ups:' has an unknown type/);
  assert.match(problems[3].message, /'Email' is an identity namespace, not an audience namespace/);
  assert.match(problems[4].message, /Column 6 has an empty header/);
  assert.equal(profiles.length, 1);
  assert.deepEqual(profiles[0].identityMap, { Email: [{ id: 'b@example.com' }], GAID: [{ id: '2d669ec9-1511-476b-8e4f-fdbe4d0915d7' }] });
  assert.deepEqual(profiles[0].attributes, { email: 'a@example.com' });
  assert.deepEqual(profiles[0].segmentMembership, {});
});

test('a bad status never echoes a value that is not word-like', () => {
  const { problems } = parseProfiles('Email,ups:a\nx@example.com,secret@example.com\n', 'f.csv');
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /not an unexpected value/);
  assert.ok(!problems[0].message.includes('secret'));
});

test('malformed quoting skips the record with its line; the file goes on', async () => {
  const text = 'Email,ups:a\nok1@example.com,realized\nbad"quote@example.com",realized\nok2@example.com,exited\n';
  for (const result of [parseProfiles(text, 'q.csv'), await drain(tempFile('q.csv', text))]) {
    assert.deepEqual(result.profiles.map((p) => p.identityMap.Email[0].id), ['ok1@example.com', 'ok2@example.com']);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].line, 3);
    assert.match(result.problems[0].message, /^Malformed CSV at line 3: a quote appears inside an unquoted cell; the row was skipped\.$/);
  }
  const open = parseProfiles('Email\n"never closed@example.com\n', 'o.csv');
  assert.equal(open.profiles.length, 0);
  assert.match(open.problems[0].message, /a quoted cell is never closed/);
  assert.ok(!open.problems[0].message.includes('never closed@'));
});

test('empty files, BOM, header only, __proto__ headers', async () => {
  assert.match(parseProfiles('', 'e.csv').problems[0].message, /empty/);
  assert.match((await drain(tempFile('e.csv', ''))).problems[0].message, /empty/);
  const bom = parseProfiles('\uFEFFEmail,ups:a\nx@example.com,realized\n', 'b.csv');
  assert.deepEqual(bom.profiles[0].identityMap, { Email: [{ id: 'x@example.com' }] });
  assert.deepEqual(parseProfiles('Email,GAID\n', 'h.csv'), { profiles: [], problems: [] });
  const proto = parseProfiles('__proto__,__proto__:a\nv,realized\n', 'p.csv');
  assert.equal(Object.getPrototypeOf(proto.profiles[0].attributes), Object.prototype);
  assert.equal(proto.profiles[0].attributes['__proto__'], 'v');
  assert.deepEqual(Object.keys(proto.profiles[0].segmentMembership), ['__proto__']);
});

test('in-memory and streamed CSV agree', async () => {
  const file = fixture('profiles.csv');
  const streamed = await drain(file);
  const whole = parseProfiles(readFileSync(file, 'utf8'), file);
  assert.deepEqual(whole.profiles, streamed.profiles);
  assert.deepEqual(whole.problems, streamed.problems);
});

test('a large CSV file streams; limit stops early', async () => {
  const n = 100_000;
  let text = 'Email,IDFA,ups:aud-1,firstName\n';
  for (let i = 0; i < n; i++) text += `user${i}@example.com,,${i % 2 ? 'realized' : 'exited'},N${i}\n`;
  const path = tempFile('large.csv', text);
  const all = await drain(path);
  assert.deepEqual([all.profiles.length, all.problems.length], [n, 0]);
  assert.equal(all.profiles[n - 1].origin.line, n + 1);
  const few = await drain(path, { limit: 5 });
  assert.equal(few.profiles.length, 5);
});
