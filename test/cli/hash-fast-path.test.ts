/**
 * The WebAssembly path of `pindest hash` (src/cli/bulk/email-wasm.ts, fast-email.ts) must answer
 * every line exactly as prepareIdentity does: a differential test over a generated corpus built
 * to hit every branch of the byte-level checks (trim, lowercase, '@' and '.' rules, lengths around
 * the one-block limit, 64-hex values, non-ASCII lines handed back to JS), for every namespace and
 * both transformation settings, with the block cut anywhere between lines. Then the same corpus
 * through the CLI, into a pipe and into a file (the two output paths), against prepareIdentity.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyCounts, hashBlock, type HashCounts } from '../../src/cli/bulk/hash-block';
import { wholeLinesEnd } from '../../src/core/text/lines';
import { listNamespaces, prepareIdentity, sha256Hex } from '../../src/core/identity';
import { mulberry32 } from '../../src/simulator/prng';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');

/** Values chosen to reach each check of the fast path and its edges; generated, not real people. */
function corpus(): string[] {
  const random = mulberry32(0x13);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const hex = (n: number, upper = false): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(random() * 16)]!;
    return upper ? s.toUpperCase() : s;
  };
  const uuid = (): string => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
  const spaces = ['', ' ', '\t', '  \t', '\v', '\f', '\u00a0', '\ufeff', '\u2003', '\u3000', '\x1c', '\x00'];
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-';
  const word = (n: number): string => Array.from({ length: n }, () => pick([...letters])).join('');
  const fixed = [
    '', ' ', '\t\t', 'a@b.c', 'A@B.C', '@b.c', 'a@', 'a@b', 'a@.b', 'a@b.', 'a@b..c', 'a..b@c.d', 'a@b.c.', 'a@@b.c',
    'a@b@c.d', 'a b@c.d', 'a\tb@c.d', 'a@b\v.c', '.a@b.c', 'a.@b.c', 'a@-b.c', 'a@b.c-', 'A@EXAMPLE.COM', 'İ@example.com',
    'user@exämple.de', 'ünï@x.de', 'a@b.c\u00a0', '\u00a0a@b.c', 'a\u2028b@c.d', '\ufeffa@b.c', 'ẞ@example.com', 'a@b.cß',
    hex(64), hex(64, true), ` ${hex(64)} `, hex(63), hex(65), hex(32), hex(40), hex(64).replace(/^./, 'g'),
    uuid(), uuid().toUpperCase(), '00000000-0000-0000-0000-000000000000', ` ${uuid()}\t`, '+14155550100', '(415) 555-0100',
    '0041 79 555 01 00', 'x'.repeat(300), `${'x'.repeat(250)}@example.com`, `${'x'.repeat(240)}@example.com`,
  ];
  // Lengths around 55 (one SHA-256 block), 64 and 254 bytes.
  for (const n of [15, 16, 17, 31, 32, 33, 50, 53, 54, 55, 56, 57, 63, 64, 65, 100, 241, 242, 243, 250, 254, 255]) {
    const local = word(Math.max(1, n - '@example.com'.length));
    fixed.push(`${local}@example.com`.slice(0, n), `${local}@example.com`.slice(0, n).toUpperCase(), ` ${`${local}@ex.com`.slice(0, n)}`);
  }
  const out = [...fixed];
  for (let i = 0; i < 4000; i++) {
    const at = random() < 0.9 ? '@' : pick(['', '@@', ' @', '@.']);
    const dot = random() < 0.85 ? '.' : pick(['', '..', '.@']);
    let v = `${word(1 + Math.floor(random() * 30))}${at}${word(1 + Math.floor(random() * 12))}${dot}${word(Math.floor(random() * 6))}`;
    if (random() < 0.1) v = v.replace(/[a-z]/, pick(['é', 'Ö', 'ı', 'İ', '€', '😀', 'K']));
    if (random() < 0.1) v = pick(['.', '@', ' ', '\t']) + v;
    if (random() < 0.1) v += pick(['.', '@', ' ']);
    out.push(pick(spaces) + v + pick(spaces));
  }
  return out;
}

/** prepareIdentity's answer per line and the counts `pindest hash` reports for them. */
function expected(namespace: string, values: readonly string[], apply: boolean): { text: string; counts: HashCounts } {
  const counts = emptyCounts();
  let text = '';
  for (const v of values) {
    const r = prepareIdentity(namespace, v, { applyTransformation: apply });
    counts.total++;
    if (r.ok) {
      text += r.value + '\n';
      for (const w of r.warnings ?? []) counts.warned[w.reason] = (counts.warned[w.reason] ?? 0) + 1;
    } else {
      text += '\n';
      counts.rejectedTotal++;
      counts.rejected[r.reason] = (counts.rejected[r.reason] ?? 0) + 1;
    }
  }
  return { text, counts };
}

/** The block through hashBlock, cut into pieces of whole lines at `cuts` (byte offsets, rounded to a line end). */
function throughBlocks(namespace: string, bytes: Buffer, apply: boolean, cuts: number[]): { text: string; counts: HashCounts } {
  const counts = emptyCounts();
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const c of [...cuts.sort((a, b) => a - b), bytes.length]) {
    if (c <= start) continue;
    const piece = bytes.subarray(start, c);
    const end = c === bytes.length ? piece.length : wholeLinesEnd(piece);
    if (end === 0) continue;
    parts.push(hashBlock(piece.subarray(0, end), namespace, apply, counts));
    start += end;
  }
  return { text: Buffer.concat(parts).toString('utf8'), counts };
}

const sorted = (c: HashCounts) => JSON.stringify({ ...c, rejected: Object.entries(c.rejected).sort(), warned: Object.entries(c.warned).sort() });

let values: string[];
before(() => {
  values = corpus();
});

test('the corpus reaches the fast path, the JS path and every Email reason', () => {
  const { counts } = expected('Email', values, true);
  for (const reason of ['empty', 'invalid-email', 'hashed-value-in-plain-namespace'] as const) assert.ok(counts.rejected[reason]! > 0, reason);
  assert.ok(counts.warned['whitespace-trimmed']! > 0);
  assert.ok(values.some((v) => /[^\x00-\x7f]/.test(v)) && values.some((v) => v.trim().length > 55 && v.trim().length < 255));
  assert.ok(counts.total - counts.rejectedTotal > 2000, 'most values are accepted addresses');
});

for (const apply of [true, false]) {
  test(`every namespace, transformation ${apply ? 'on' : 'off'}: hashBlock answers each line as prepareIdentity, counts equal`, () => {
    for (const { code } of listNamespaces()) {
      const want = expected(code, values, apply);
      for (const breakText of ['\n', '\r\n', '\r']) {
        const bytes = Buffer.from(values.join(breakText) + breakText);
        const got = throughBlocks(code, bytes, apply, []);
        assert.equal(got.text, want.text, `${code}, break ${JSON.stringify(breakText)}`);
        assert.equal(sorted(got.counts), sorted(want.counts), `${code} counts`);
      }
    }
  });
}

test('Email blocks cut anywhere between lines, mixed breaks, no break after the last line: the same bytes', () => {
  const random = mulberry32(7);
  const breaks = ['\n', '\r\n', '\r'];
  // (A lone CR before an empty line's LF would make one CRLF break: that pair is not drawn.)
  let text = '';
  let previous = '';
  values.forEach((v, i) => {
    const choices = v === '' && previous === '\r' ? ['\r', '\r\n'] : breaks;
    previous = i === values.length - 1 ? '' : choices[Math.floor(random() * choices.length)]!;
    text += v + previous;
  });
  const bytes = Buffer.from(text);
  for (const apply of [true, false]) {
    const want = expected('Email', values, apply);
    for (let round = 0; round < 5; round++) {
      const cuts = Array.from({ length: 1 + round * 20 }, () => Math.floor(random() * bytes.length));
      const got = throughBlocks('Email', bytes, apply, cuts);
      assert.equal(got.text, want.text, `round ${round}, apply ${apply}`);
      assert.equal(sorted(got.counts), sorted(want.counts));
    }
  }
});

test('a block whose answers overflow the output area several times (short addresses, non-ASCII lines between them)', () => {
  // ~1.4 MB of input gives ~9 MB of hex: the module hands its output back when full, JS lines land in order.
  const lines: string[] = [];
  for (let i = 0; i < 140_000; i++) lines.push(i % 3 === 2 ? `é${i}@x.de` : `A${i}@b.co`);
  const bytes = Buffer.from(lines.join('\n') + '\n');
  const counts = emptyCounts();
  const got = Buffer.from(hashBlock(bytes, 'Email', true, counts)).toString('utf8').split('\n');
  assert.equal(got.length, lines.length + 1);
  for (let i = 0; i < lines.length; i += 997) assert.equal(got[i], sha256Hex(lines[i]!.toLowerCase()), `line ${i}`);
  assert.equal(got.at(-2), sha256Hex(lines.at(-1)!.toLowerCase()));
  assert.equal(counts.total, lines.length);
  assert.equal(counts.rejectedTotal, 0);
});

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pindest-hash-fast-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the CLI over the corpus, into a pipe, into a file, from a file as standard input and on worker threads: prepareIdentity\'s answers, byte for byte', () => {
  const file = join(dir, 'values.txt');
  writeFileSync(file, values.join('\r\n'));
  for (const flag of ['--apply-transformation', '--no-transformation']) {
    const want = expected('Email', values, flag === '--apply-transformation');
    const args = [CLI, 'hash', '--namespace', 'Email', flag, '--input', file];
    const piped = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(piped.status, 0, piped.stderr);
    assert.equal(piped.stdout, want.text, `${flag}, into a pipe`);
    const outPath = join(dir, 'out.txt');
    const fd = openSync(outPath, 'w');
    const toFile = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    assert.equal(toFile.status, 0, toFile.stderr);
    assert.equal(readFileSync(outPath, 'utf8'), want.text, `${flag}, into a file`);
    assert.equal(toFile.stderr, piped.stderr);
    // Standard input a regular file (`< values.txt`) is read like --input.
    const inFd = openSync(file, 'r');
    const fromFile = spawnSync(process.execPath, [CLI, 'hash', '--namespace', 'Email', flag], { cwd: ROOT, encoding: 'utf8', stdio: [inFd, 'pipe', 'pipe'], maxBuffer: 1 << 26 });
    closeSync(inFd);
    assert.equal(fromFile.stdout, want.text, `${flag}, from standard input`);
    // Worker threads, small blocks: the same bytes and the same summary.
    const env = { ...process.env, PINDEST_HASH_WORKERS: '2', PINDEST_HASH_CHUNK_BYTES: '4096' };
    const workers = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 1 << 26 });
    assert.equal(workers.stdout, want.text, `${flag}, worker threads`);
    assert.equal(workers.stderr, piped.stderr);
    assert.match(piped.stderr, new RegExp(`^rejected ${want.counts.rejectedTotal} of ${values.length}: `));
  }
});
