/**
 * `pindest hash` through the real bundle, as a user pipes a column into it: the independent
 * Python-computed vectors, line-for-line output, the stderr summary, usage errors, and the rule
 * that no raw identifier ever reaches stderr.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runHash } from '../../src/cli/commands/hash';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');

interface VectorCase {
  namespace: string;
  input: string;
  applyTransformation: boolean;
  expected: { ok: true; value: string } | { ok: false; reason: string };
}
const VECTORS = (JSON.parse(readFileSync(join(ROOT, 'test/vectors/identity-vectors.json'), 'utf8')) as { cases: VectorCase[] }).cases;

function pindest(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, 'hash', ...args], { cwd: ROOT, encoding: 'utf8', input: input ?? '', maxBuffer: 1 << 30 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The lines of stdout, without the newline that ends the last one. */
function lines(stdout: string): string[] {
  assert.ok(stdout === '' || stdout.endsWith('\n'), 'every output line ends with a newline');
  return stdout === '' ? [] : stdout.slice(0, -1).split('\n');
}

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pindest-hash-'));
});

// A line-based file cannot hold a value with a line break in it; those vectors stay with the unit
// tests of prepareIdentity. Unknown-namespace vectors are a usage error here (tested below).
const lineVectors = VECTORS.filter((c) => !/[\r\n]/.test(c.input) && (c.expected.ok || c.expected.reason !== 'unknown-namespace'));
const groups = new Map<string, VectorCase[]>();
for (const c of lineVectors) {
  const key = `${c.namespace} ${c.applyTransformation}`;
  groups.set(key, [...(groups.get(key) ?? []), c]);
}

for (const [key, cases] of groups) {
  test(`vectors ${key}: exactly the expected line per input line, counts on stderr, no value there`, () => {
    const { namespace, applyTransformation } = cases[0]!;
    const flag = applyTransformation ? '--apply-transformation' : '--no-transformation';
    const r = pindest(['--namespace', namespace, flag], cases.map((c) => c.input).join('\n') + '\n');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(lines(r.stdout), cases.map((c) => (c.expected.ok ? c.expected.value : '')));

    const counts = new Map<string, number>();
    for (const c of cases) if (!c.expected.ok) counts.set(c.expected.reason, (counts.get(c.expected.reason) ?? 0) + 1);
    const rejected = [...counts].reduce((n, [, k]) => n + k, 0);
    const first = r.stderr.split('\n')[0]!;
    assert.match(first, new RegExp(`^rejected ${rejected} of ${cases.length}(: |$)`));
    for (const [reason, n] of counts) assert.ok(first.includes(`${reason} ${n}`), `${reason} ${n} in: ${first}`);
    for (const c of cases) {
      const raw = c.input.trim();
      if (raw.length >= 5) assert.ok(!r.stderr.includes(raw) && !r.stderr.includes(raw.toLowerCase()), `a raw value reached stderr: ${r.stderr}`);
    }
  });
}

test('every usable vector was run (a line-based input covers all but multi-line ones)', () => {
  assert.ok(lineVectors.length >= 55, `${lineVectors.length} vectors`);
});

test('defaults: Email, GAID and IDFA are hashed; already hashed namespaces pass through unchanged', () => {
  const email = pindest(['--namespace', 'Email'], '  Test@Example.COM \n');
  assert.deepEqual(lines(email.stdout), ['973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b']);
  const idfa = pindest(['--namespace', 'IDFA'], 'CDDA802E-FB9C-47AD-9866-0794D394C912\n');
  assert.deepEqual(lines(idfa.stdout), [sha256('cdda802e-fb9c-47ad-9866-0794d394c912')]);
  assert.match(idfa.stdout, /^f23b554b[0-9a-f]{52}2c9f\n$/); // checked with coreutils (test/vectors/README.md)
  const digest = 'b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514';
  const hashed = pindest(['--namespace', 'Email_LC_SHA256'], digest + '\n');
  assert.deepEqual(lines(hashed.stdout), [digest]);
  assert.equal(hashed.stderr, 'rejected 0 of 1\n');
  const plain = pindest(['--namespace', 'Email', '--no-transformation'], 'Jane@Example.com\n');
  assert.deepEqual(lines(plain.stdout), ['jane@example.com']);
});

test('CRLF input, blank lines and a last line without newline keep the line count', () => {
  const r = pindest(['-n', 'Email'], 'a@example.com\r\n\r\nnot-an-email\r\n   \r\nlast@example.com');
  assert.equal(r.code, 0);
  assert.deepEqual(lines(r.stdout), [sha256('a@example.com'), '', '', '', sha256('last@example.com')]);
  assert.equal(r.stderr.split('\n')[0], 'rejected 3 of 5: empty 2, invalid-email 1');
});

test('the summary counts reasons, most frequent first, explains each, and exits 0', () => {
  const ids = Array.from({ length: 997 }, (_, i) => `08b54163-f7b1-46b4-961d-${String(i).padStart(12, '0')}`);
  const input = [...ids.slice(0, 500), 'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'gaid-2', ...ids.slice(500)].join('\n');
  const r = pindest(['--namespace', 'GAID'], input);
  assert.equal(r.code, 0);
  const out = lines(r.stdout);
  assert.equal(out.length, 1000);
  assert.deepEqual(out.slice(500, 503), ['', '', '']);
  assert.equal(out[0], sha256(ids[0]!));
  assert.equal(out[999], sha256(ids[996]!));
  const err = r.stderr.split('\n');
  assert.equal(err[0], 'rejected 3 of 1000: invalid-device-id 2, zeroed-device-id 1');
  assert.match(err[1]!, /^ {2}invalid-device-id: The GAID value is not a device advertising ID/);
  assert.match(err[2]!, /^ {2}zeroed-device-id: .*limits ad tracking/);
  assert.ok(!r.stderr.includes('not-a-uuid') && !r.stderr.includes('gaid-2') && !r.stderr.includes('08b54163'));
});

test('a wrong-case namespace is a usage error (exit 2) with did-you-mean, before reading input', () => {
  for (const [given, meant] of [['email', 'Email'], ['EMAIL_LC_SHA256', 'Email_LC_SHA256'], ['idfa', 'IDFA']] as const) {
    const r = pindest(['--namespace', given], 'secret.person@example.com\n');
    assert.equal(r.code, 2, given);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^pindest hash: '${given}' is not an identity namespace .*; did you mean '${meant}'\\?\n`));
    assert.ok(!r.stderr.includes('secret.person'));
  }
});

test('usage errors: missing or identifier-shaped namespace, both flags, stray argument', () => {
  const missing = pindest([], 'x\n');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--namespace NS \(one of Email, Email_LC_SHA256, GAID, IDFA/);
  // A value passed where the namespace goes is not echoed back.
  const value = pindest(['--namespace', 'jane.doe@example.com']);
  assert.equal(value.code, 2);
  assert.ok(!value.stderr.includes('jane.doe'), value.stderr);
  const both = pindest(['-n', 'Email', '--apply-transformation', '--no-transformation']);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /not both/);
  const stray = pindest(['-n', 'Email', 'emails.txt']);
  assert.equal(stray.code, 2);
  assert.match(stray.stderr, /--input FILE/);
});

test('--input FILE and --input - read the same values; a missing file is exit 1', () => {
  const path = join(dir, 'emails.txt');
  writeFileSync(path, 'One@Example.com\nbad\n');
  const fromFile = pindest(['-n', 'Email', '--input', path]);
  const fromStdin = pindest(['-n', 'Email', '--input', '-'], 'One@Example.com\nbad\n');
  assert.equal(fromFile.code, 0);
  assert.deepEqual(lines(fromFile.stdout), [sha256('one@example.com'), '']);
  assert.equal(fromStdin.stdout, fromFile.stdout);
  assert.equal(fromStdin.stderr, fromFile.stderr);
  const missing = pindest(['-n', 'Email', '--input', join(dir, 'nope.txt')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^pindest hash: cannot read '.*nope\.txt': no such file\n$/);
  const folder = pindest(['-n', 'Email', '--input', dir]);
  assert.equal(folder.code, 1);
  assert.match(folder.stderr, /it is a folder/);
});

test('a 200,000-line input streams through with one output line per input line', () => {
  const n = 200_000;
  const values = Array.from({ length: n }, (_, i) => (i % 1000 === 999 ? `broken${i}` : ` User${i}@Example.COM\t`));
  const r = pindest(['--namespace', 'Email'], values.join('\n') + '\n');
  assert.equal(r.code, 0, r.stderr);
  const out = lines(r.stdout);
  assert.equal(out.length, n);
  for (const i of [0, 1, 998, 999, 123_456, n - 1]) {
    assert.equal(out[i], i % 1000 === 999 ? '' : sha256(`user${i}@example.com`), `line ${i + 1}`);
  }
  assert.equal(r.stderr.split('\n')[0], `rejected ${n / 1000} of ${n}: invalid-email ${n / 1000}`);
  assert.ok(!/user\d|broken/i.test(r.stderr), r.stderr);
});

test('in process, runHash reads the io.stdin stream a front end passes', async () => {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), cwd: ROOT, stdin: Readable.from(['Jane@Exa', 'mple.com\r', '\nnope\n']) };
  assert.equal(await runHash(['--namespace', 'Email'], io), 0);
  assert.deepEqual(lines(stdout), [sha256('jane@example.com'), '']);
  assert.equal(stderr.split('\n')[0], 'rejected 1 of 2: invalid-email 1');
});

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}
