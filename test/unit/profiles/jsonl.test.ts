// JSON Lines: one profile per line, blank lines skipped, a malformed line costs only itself and
// is reported with line and column, large files stream.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseProfiles } from '../../../src/core/profiles/index';
import { drain, fixture, tempFile } from './helpers';

test('profiles, blank lines, malformed and non-object lines', async () => {
  const { profiles, problems } = await drain(fixture('profiles.jsonl'));
  assert.deepEqual(profiles.map((p) => [p.origin.index, p.origin.line]), [[0, 1], [1, 3], [4, 6]]);
  assert.deepEqual(profiles[1].segmentMembership, { ups: { 'aud-1': { status: 'exited' } } });
  assert.deepEqual(profiles[2].identityMap, { IDFA: [{ id: 'EE43FA13-BB63-4BBF-A39F-CE949FE70305' }] });
  assert.equal(problems.length, 2);
  assert.deepEqual([problems[0].index, problems[0].line, problems[0].column], [2, 4, 53]);
  assert.equal(problems[0].message, 'Malformed JSON on line 4, column 53: unexpected character; the line was skipped.');
  assert.deepEqual([problems[1].index, problems[1].line], [3, 5]);
  assert.match(problems[1].message, /is an array, not an object/);
  assert.ok(!problems.some((p) => p.message.includes('a3@example.com')));
});

test('parseProfiles on JSON Lines text equals the streamed read, .ndjson too, CRLF and BOM handled', async () => {
  const file = fixture('profiles.jsonl');
  const text = readFileSync(file, 'utf8');
  const streamed = await drain(file);
  const whole = parseProfiles(text, file);
  assert.deepEqual(whole.profiles, streamed.profiles);
  assert.deepEqual(whole.problems, streamed.problems);
  const crlf = '\uFEFF' + text.replace(/\n/g, '\r\n');
  const nd = tempFile('crlf.ndjson', crlf);
  const fromNd = await drain(nd);
  assert.deepEqual(fromNd.profiles.map((p) => p.origin.line), [1, 3, 6]);
  assert.deepEqual(parseProfiles(crlf, nd).profiles.map((p) => p.origin.line), [1, 3, 6]);
});

test('a large JSON Lines file streams and limit stops early', async () => {
  const n = 100_000;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`{"identityMap":{"GAID":[{"id":"00000000-0000-4000-8000-${String(i).padStart(12, '0')}"}]},"segmentMembership":{}}`);
  const path = tempFile('large.jsonl', lines.join('\n') + '\n');
  const all = await drain(path);
  assert.deepEqual([all.profiles.length, all.problems.length], [n, 0]);
  assert.equal(all.profiles[n - 1].origin.line, n);
  assert.equal((await drain(path, { limit: 3 })).profiles.length, 3);
});
