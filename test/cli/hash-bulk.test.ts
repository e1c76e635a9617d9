/**
 * `pindest hash` over big, awkward files (issue 13): the block reader must give byte for byte the
 * answers of another tool. Python's hashlib computes the expected output from the same file;
 * tiny reads (PINDEST_HASH_CHUNK_BYTES) make CRLF pairs, multi-byte characters and whole values
 * straddle read boundaries; PINDEST_HASH_WORKERS forces the worker-thread path.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runHash } from '../../src/cli/commands/hash';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');

/**
 * The expected output, by Python: lines split as node:readline did (LF, CRLF or lone CR; no line
 * after a final break), each a plausible email after strip+lower gets sha256 hex, else an empty
 * line; the rejected count.
 */
const PYTHON = String.raw`
import hashlib, re, sys
data = open(sys.argv[1], "rb").read().decode("utf-8")
lines = re.split(r"\r\n|\r|\n", data)
if lines and lines[-1] == "":
    lines.pop()
out, rejected = [], 0
for line in lines:
    v = line.strip(" \t").lower()
    ok = v.count("@") == 1 and not v.startswith("@") and "." in v.split("@")[1] and " " not in v
    if ok:
        out.append(hashlib.sha256(v.encode("utf-8")).hexdigest())
    else:
        out.append("")
        rejected += 1
sys.stdout.write("".join(x + "\n" for x in out))
sys.stderr.write("%d %d" % (rejected, len(lines)))
`;

let dir: string;
let file: string;
let expected: { stdout: string; rejected: number; total: number };

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pindest-hash-bulk-'));
  file = join(dir, 'values.txt');
  // Valid addresses (padded, upper case, non-ASCII), invalid ones and blank lines, with LF, CRLF
  // and lone CR breaks, and a last line without a break. Values only from a fixed pattern.
  const breaks = ['\n', '\r\n', '\r', '\n'];
  let text = '';
  for (let i = 0; i < 5000; i++) {
    const kind = i % 7;
    const value =
      kind === 0 ? `user${i}@example.com` :
      kind === 1 ? `  User${i}@Example.COM\t` :
      kind === 2 ? `ünïcødé${i}@exämple.de` :
      kind === 3 ? `not-an-address-${i}` :
      kind === 4 ? '' :
      kind === 5 ? `a${i}@b@c.com` :
      `x${'y'.repeat(i % 97)}@long.example.org`;
    text += value + breaks[i % breaks.length];
  }
  text += 'last@example.com';
  writeFileSync(file, text);
  const py = spawnSync('python3', ['-c', PYTHON, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(py.status, 0, py.stderr);
  const [rejected, total] = py.stderr.split(' ').map(Number);
  expected = { stdout: py.stdout, rejected: rejected!, total: total! };
});

after(() => rmSync(dir, { recursive: true, force: true }));

function hash(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, 'hash', '--namespace', 'Email', '--input', file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  return r;
}

test('1 MiB reads: every line answered as Python hashlib answers it, rejections counted', () => {
  const r = hash({ PINDEST_HASH_WORKERS: '0' });
  assert.equal(r.stdout, expected.stdout);
  assert.match(r.stderr, new RegExp(`^rejected ${expected.rejected} of ${expected.total}: `));
  // (A lone CR before an empty line's LF makes one CRLF break, as readline read it: hence fewer than 5001.)
  assert.ok(expected.total > 4500 && expected.rejected > 1000, 'the file has the lines and rejections it was built with');
});

test('7-byte reads: CRLF pairs, multi-byte characters and values split across reads change nothing', () => {
  const r = hash({ PINDEST_HASH_WORKERS: '0', PINDEST_HASH_CHUNK_BYTES: '7' });
  assert.equal(r.stdout, expected.stdout);
  assert.match(r.stderr, new RegExp(`^rejected ${expected.rejected} of ${expected.total}: `));
});

test('worker threads (forced, small blocks): same bytes in the same order, same summary', () => {
  const single = hash({ PINDEST_HASH_WORKERS: '0' });
  for (const chunk of ['64', '4096']) {
    const r = hash({ PINDEST_HASH_WORKERS: '2', PINDEST_HASH_CHUNK_BYTES: chunk });
    assert.equal(r.stdout, expected.stdout, `blocks of ${chunk} bytes`);
    assert.equal(r.stderr, single.stderr);
  }
});

test('no value reaches stderr, whatever the path', () => {
  for (const env of [{ PINDEST_HASH_WORKERS: '0' } as Record<string, string>, { PINDEST_HASH_WORKERS: '2', PINDEST_HASH_CHUNK_BYTES: '64' }]) {
    const r = hash(env);
    assert.ok(!/user\d|example|not-an-address/i.test(r.stderr), r.stderr);
  }
});

test('in process (a front end\'s io), the worker path gives the same text', async () => {
  const saved = { workers: process.env.PINDEST_HASH_WORKERS, chunk: process.env.PINDEST_HASH_CHUNK_BYTES };
  process.env.PINDEST_HASH_WORKERS = '2';
  process.env.PINDEST_HASH_CHUNK_BYTES = '512';
  try {
    let out = '';
    let err = '';
    const code = await runHash(['--namespace', 'Email', '--input', file], { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: ROOT });
    assert.equal(code, 0, err);
    assert.equal(out, expected.stdout);
  } finally {
    for (const [k, v] of [['PINDEST_HASH_WORKERS', saved.workers], ['PINDEST_HASH_CHUNK_BYTES', saved.chunk]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});
