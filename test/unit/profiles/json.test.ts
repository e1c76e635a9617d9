// JSON sample profiles read whole: AEP's documented shapes, every shape problem with its position,
// recovery around syntax errors, and the in-memory parseProfiles used by the language server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseProfiles } from '../../../src/core/profiles/index';
import { drain, fixture, tempFile } from './helpers';

test('an array in AEP source shape: identities, memberships, attributes and raw XDM paths', async () => {
  const { profiles, problems } = await drain(fixture('aep-sample.json'));
  assert.deepEqual(problems, []);
  assert.equal(profiles.length, 2);
  const [jane, sam] = profiles;
  assert.deepEqual(jane.identityMap, {
    Email: [{ id: 'Jane.Doe@Example.com' }, { id: 'jane.work@example.org' }],
    GAID: [{ id: '08b54163-f7b1-46b4-961d-716c4863485a' }],
  });
  assert.deepEqual(jane.segmentMembership.ups['5b998cb9-9488-4ec3-8d95-fa8338ced490'], {
    status: 'realized',
    lastQualificationTime: '2024-03-01T10:00:00Z',
  });
  assert.equal(jane.segmentMembership.ups['9f7a1d2e-1111-4c3b-8f00-000000000001'].status, 'exited');
  assert.deepEqual(jane.attributes, { 'personalEmail.address': 'jane.doe@example.com', 'person.name.firstName': 'Jane' });
  assert.deepEqual(jane.origin, { file: fixture('aep-sample.json'), index: 0, line: 2 });
  assert.deepEqual(sam.identityMap.IDFA, [{ id: 'CDDA802E-FB9C-47AD-9866-0794D394C912' }], 'extra identity fields dropped');
  assert.equal(sam.segmentMembership.ups['5b998cb9-9488-4ec3-8d95-fa8338ced490'].status, 'existing');
  assert.equal(sam.segmentMembership.CustomerAudienceUpload['7c1e0000-aaaa-4bbb-8ccc-000000000002'].status, 'realized');
  assert.deepEqual(sam.attributes, { firstName: { value: 'Sam' }, birthDate: {} });
  assert.equal(sam.origin.line, 16);
});

test('{ "profiles": [...] } as sent to AEP testing and render APIs', async () => {
  const { profiles, problems } = await drain(fixture('wrapped.json'));
  assert.deepEqual(problems, []);
  assert.deepEqual(profiles.map((p) => Object.keys(p.identityMap)[0]), ['Email', 'GAID']);
  assert.deepEqual(profiles.map((p) => p.origin.index), [0, 1]);
});

test('a single profile object is read as one profile', () => {
  const { profiles, problems } = parseProfiles('{"identityMap":{"Email":[{"id":"one@example.com"}]},"segmentMembership":{}}', 'one.json');
  assert.deepEqual(problems, []);
  assert.equal(profiles.length, 1);
  assert.deepEqual(profiles[0].origin, { file: 'one.json', index: 0, line: 1 });
});

test('every shape problem is reported at the offending node and the rest is kept', () => {
  const file = fixture('problems.json');
  const { profiles, problems } = parseProfiles(readFileSync(file, 'utf8'), file);
  const lines = problems.map((p) => `${p.index}@${p.line}:${p.column} ${p.message}`);
  const expect = [
    /^0@2:3 Profile 0: is a string, not an object; it was skipped\.$/,
    /^1@4:40 .*identityMap\.Email\[0\]\.id must be a string, not a number/,
    /^1@4:46 .*identityMap\.Email\[1\] must be an object/,
    /^1@4:107 .*identityMap\.GAID must be an array/,
    /^1@7:30 .*segmentMembership\.ups\.aud-1\.status must be realized, existing or exited, not 'Realised'/,
    /^1@8:30 .*segmentMembership\.ups\.aud-2\.status must be realized, existing or exited, not an unexpected value/,
    /^1@9:18 .*segmentMembership\.ups\.aud-3 must be an object/,
    /^1@10:65 .*aud-4\.lastQualificationTime must be a string/,
    /^1@12:16 .*segmentMembership\.other must be an object/,
    /^1@14:19 .*attributes must be an object, not a string/,
    /^2@16:3 .*has no identityMap/,
    /^3@17:20 .*identityMap must be an object/,
    /^3@17:45 .*segmentMembership must be an object/,
  ];
  assert.equal(lines.length, expect.length, lines.join('\n'));
  lines.forEach((l, i) => assert.match(l, expect[i]));
  assert.deepEqual(profiles.map((p) => p.origin.index), [1, 2, 3, 4]);
  assert.deepEqual(profiles[0].identityMap, { Email: [{ id: 'user3@example.com' }] });
  assert.deepEqual(profiles[0].segmentMembership, { ups: { 'aud-4': { status: 'exited' } } });
  assert.deepEqual(profiles[0].attributes, {});
  for (const p of problems) assert.ok(!/user\d@example\.com/.test(p.message), 'a problem repeats an email');
});

test('a missing segmentMembership is reported; the profile is kept', () => {
  const { profiles, problems } = parseProfiles('[{"identityMap":{"GAID":[{"id":"x"}]}}]', 'f.json');
  assert.equal(profiles.length, 1);
  assert.match(problems[0].message, /has no segmentMembership/);
});

test('a syntax error skips only the profile that contains it, with its position', async () => {
  const { profiles, problems } = await drain(fixture('malformed.json'));
  assert.deepEqual(profiles.map((p) => p.identityMap.Email[0].id), ['ok1@example.com', 'ok2@example.com']);
  assert.equal(problems.length, 2);
  assert.deepEqual([problems[0].line, problems[0].column], [3, 66]);
  assert.match(problems[0].message, /^Malformed JSON at line 3, column 66: ',' was expected\.$/);
  assert.match(problems[1].message, /Profile 1 was skipped/);
  assert.ok(!problems.some((p) => p.message.includes('broken@example.com')));
});

test('malformed JSON messages never quote the input (unlike JSON.parse)', () => {
  const { problems } = parseProfiles('[{"identityMap":{"Email":[{"id":"secret@example.com" x}]}}]', 'f.json');
  assert.ok(problems.length > 0);
  for (const p of problems) assert.ok(!p.message.includes('secret'), p.message);
});

test('other syntax problems: comments, trailing commas, truncated file, empty file', () => {
  const comment = parseProfiles('[\n// note\n{"identityMap":{},"segmentMembership":{}}]', 'c.json');
  assert.match(comment.problems[0].message, /line 2, column 1: comments are not allowed/);
  const trailing = parseProfiles('[{"identityMap":{},"segmentMembership":{}},]', 't.json');
  assert.equal(trailing.profiles.length, 1);
  assert.equal(trailing.problems.length, 1);
  const truncated = parseProfiles('[{"identityMap":{},"segmentMembership":{}},\n{"identityMap":{}', 'x.json');
  assert.equal(truncated.profiles.length, 1, 'the intact first profile survives');
  assert.ok(truncated.problems.some((p) => /^Malformed JSON at line 2/.test(p.message)));
  assert.deepEqual(parseProfiles('  \n', 'e.json').problems.map((p) => p.message), ['The file is empty; it holds no profiles.']);
});

test('wrong top-level shapes are problems', () => {
  assert.match(parseProfiles('"x"', 'a.json').problems[0].message, /Expected an array of profiles/);
  assert.match(parseProfiles('{"name":"x"}', 'a.json').problems[0].message, /Expected an array of profiles/);
  const notArray = parseProfiles('{\n"profiles": {"a": 1}}', 'a.json').problems[0];
  assert.equal(notArray.message, "'profiles' must be an array of profiles.");
  assert.equal(notArray.line, 2);
});

test('a byte-order mark is ignored', () => {
  const { profiles, problems } = parseProfiles('\uFEFF[{"identityMap":{},"segmentMembership":{}}]', 'bom.json');
  assert.deepEqual([profiles.length, problems.length], [1, 0]);
});

test('readProfiles of a small file equals parseProfiles; limit stops early', async () => {
  const file = fixture('aep-sample.json');
  const streamed = await drain(file);
  assert.deepEqual(streamed.profiles, parseProfiles(readFileSync(file, 'utf8'), file).profiles);
  const one = await drain(file, { limit: 1 });
  assert.equal(one.profiles.length, 1);
  assert.equal((await drain(file, { limit: 0 })).profiles.length, 0);
});

test('unreadable paths are problems, not exceptions', async () => {
  const missing = await drain('/definitely/not/here.json');
  assert.deepEqual(missing.profiles, []);
  assert.match(missing.problems[0].message, /cannot be read \(ENOENT\)/);
  const dir = await drain(fixture(''));
  assert.match(dir.problems[0].message, /not a file/);
});

test('profiles and problems come in file order', async () => {
  const path = tempFile('order.json', '[\n{"identityMap":{},"segmentMembership":{}},\n7,\n{"identityMap":{},"segmentMembership":{}}\n]');
  const { order } = await drain(path);
  assert.deepEqual(order, ['profile', 'problem', 'profile']);
});

test('hostile nesting (200,000 levels) is one problem and no profile, not a stack overflow, read whole or in memory', async () => {
  const text = `[{"identityMap": ${'['.repeat(200_000)}${']'.repeat(200_000)}}]`;
  const expected = [{ file: 'deep.json', message: 'The JSON is nested too deeply to read (thousands of levels; a profile needs a few), so no profiles were read.' }];
  assert.deepEqual(parseProfiles(text, 'deep.json'), { profiles: [], problems: expected });
  const path = tempFile('deep.json', text);
  const { profiles, problems } = await drain(path);
  assert.deepEqual(profiles, []);
  assert.deepEqual(problems.map((p) => p.message), [expected[0]!.message]);
});
