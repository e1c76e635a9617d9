/**
 * Identity hashing figures: how many identities per second go through normalise + validate +
 * hash, against two baselines measured in the same run on the same machine:
 * - OpenSSL's own single-core SHA-256 rate on 64-byte inputs (`openssl speed`), the ceiling for
 *   hashing short values one at a time;
 * - Python's hashlib doing trim + lower + sha256 over the same 1M emails, the script a data
 *   engineer would otherwise write (only its hashing loop is timed, inside Python).
 *
 * Why these paths: `prepareIdentity` is what the preview and `pindest hash` run per value (with
 * validation and reasons); `sha256Lower` over the array is the hashing step the product runs per
 * value without validation, the like-for-like match for the two baselines and "ours" in the
 * ratios. The emails are
 * synthetic (`user<i>@example.com`, random case and surrounding whitespace, fixed seed); the
 * Python run also checks that its digests equal ours.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareIdentity, sha256Lower } from '../src/core/identity';
import { median, row } from './measure';
import { mulberry32 } from '../src/simulator/prng';

const COUNT = 1_000_000;
const RUNS = 3;

/** Deterministic emails: `user<i>@example.com`, ~30% of letters upper-cased, ~30% padded. */
export function syntheticEmails(count: number, seed = 0x5eed): string[] {
  const random = mulberry32(seed);
  const pad = (): string => (random() < 0.3 ? (random() < 0.5 ? ' ' : '\t') + (random() < 0.3 ? ' ' : '') : '');
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const base = `user${i}@example.com`;
    let s = '';
    for (const ch of base) s += random() < 0.3 ? ch.toUpperCase() : ch;
    out[i] = pad() + s + pad();
  }
  return out;
}

const rate = (count: number, milliseconds: number): number => (count / milliseconds) * 1000;
const perSecond = (r: number): string => `${(r / 1e6).toFixed(2)} M/s`;
const ratio = (x: number): string => `${x.toFixed(2)}×`;
const verdict = (x: number, target: number): string => `target ≥ ${target}: ${x >= target ? 'met' : 'NOT met'}`;

/** Digest of all digests, one per line, to compare runs and languages cheaply. */
const fingerprint = (digests: readonly string[]): string => createHash('sha256').update(digests.join('\n')).digest('hex');

/** OpenSSL's single-core SHA-256 operations per second on 64-byte inputs, or why there is none. */
function opensslRate(): { rate?: number; note: string } {
  const r = spawnSync('openssl', ['speed', '-seconds', '3', '-bytes', '64', 'sha256'], { encoding: 'utf8', timeout: 30_000 });
  if (r.error) return { note: (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'openssl is not installed' : `openssl failed: ${r.error.message}` };
  // The table gives thousands of bytes per second: "sha256   258806.71k".
  const table = /^sha256\s+([\d.]+)k\s*$/m.exec(r.stdout);
  if (table) return { rate: (Number(table[1]) * 1000) / 64, note: (/^OpenSSL .*$|^version: .*$/m.exec(r.stdout)?.[0] ?? 'openssl').trim() };
  // Fallback: "Doing sha256 for 3s on 64 size blocks: 12345 sha256's in 2.99s" (on stderr).
  const doing = /:\s*(\d+)\s+sha256'?s?\s+in\s+([\d.]+)s/.exec(r.stderr + r.stdout);
  if (doing) return { rate: Number(doing[1]) / Number(doing[2]), note: 'openssl speed' };
  return { note: `could not read openssl speed's output (exit ${r.status})` };
}

/** Python's hashlib over the file's lines: rate of the timed loop and the fingerprint of its digests. */
const PYTHON = `
import hashlib, sys, time
with open(sys.argv[1], encoding="utf-8") as f:
    values = f.read().split("\\n")
sha256 = hashlib.sha256
start = time.perf_counter()
digests = [sha256(v.strip().lower().encode("utf-8")).hexdigest() for v in values]
elapsed = time.perf_counter() - start
print(len(values), elapsed, hashlib.sha256("\\n".join(digests).encode("utf-8")).hexdigest(), sys.version.split()[0])
`;

function pythonRate(path: string): { rate?: number; fingerprint?: string; note: string } {
  const r = spawnSync('python3', ['-c', PYTHON, path], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) return { note: (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'python3 is not installed' : `python3 failed: ${r.error.message}` };
  const [count, seconds, digest, version] = r.stdout.trim().split(/\s+/);
  if (r.status !== 0 || !seconds) return { note: `python3 exited ${r.status}: ${r.stderr.trim().split('\n').at(-1) ?? ''}` };
  return { rate: Number(count) / Number(seconds), fingerprint: digest, note: `Python ${version}` };
}

/** `pindest hash` end to end on the same file (process start, streaming read, write to /dev/null). */
function cliRate(path: string): { rate?: number; note: string } {
  const cli = new URL('../dist/cli.mjs', import.meta.url);
  if (!existsSync(cli)) return { note: 'dist/cli.mjs not built (npm run build)' };
  const sink = openSync('/dev/null', 'w');
  try {
    const start = performance.now();
    const r = spawnSync(process.execPath, [cli.pathname, 'hash', '--namespace', 'Email', '--input', path], { stdio: ['ignore', sink, 'pipe'], encoding: 'utf8' });
    const elapsed = performance.now() - start;
    const summary = r.stderr.split('\n')[0] ?? '';
    if (r.status !== 0) return { note: `pindest hash exited ${r.status}` };
    return { rate: rate(COUNT, elapsed), note: summary };
  } finally {
    closeSync(sink);
  }
}

export async function hashingBench(): Promise<void> {
  console.log('\n## Identity hashing (1M synthetic emails)');
  const emails = syntheticEmails(COUNT);

  // Warm the JIT and the hash binding on a slice before timing whole runs.
  const warm = emails.slice(0, 100_000);
  for (const e of warm) prepareIdentity('Email', e, { applyTransformation: true });
  warm.map(sha256Lower);

  let prepared: string[] = [];
  const prepareMs = await median(
    () => {
      const out = new Array<string>(emails.length);
      for (let i = 0; i < emails.length; i++) {
        const r = prepareIdentity('Email', emails[i]!, { applyTransformation: true });
        out[i] = r.ok ? r.value : '';
      }
      prepared = out;
    },
    { warmup: 0, runs: RUNS },
  );
  const prepareRate = rate(COUNT, prepareMs);
  row('prepareIdentity: trim+lower+validate+sha256, 1 thread', perSecond(prepareRate), `median of ${RUNS}`);

  let batched: string[] = [];
  const batchMs = await median(() => void (batched = emails.map(sha256Lower)), { warmup: 0, runs: RUNS });
  const batchRate = rate(COUNT, batchMs);
  row('sha256Lower: trim+lower+sha256, 1 thread', perSecond(batchRate), `median of ${RUNS}`);
  const ourFingerprint = fingerprint(batched);
  if (fingerprint(prepared) !== ourFingerprint) row('  CHECK FAILED: prepareIdentity and the batch disagree', '', '');

  const best = { rate: batchRate };

  const dir = mkdtempSync(join(tmpdir(), 'pindest-bench-hash-'));
  try {
    const path = join(dir, 'emails.txt');
    writeFileSync(path, emails.join('\n'));

    const cli = cliRate(path);
    row('pindest hash --namespace Email, end to end (1 process)', cli.rate ? perSecond(cli.rate) : 'skipped', cli.note);

    const openssl = opensslRate();
    row('OpenSSL speed sha256, 64-byte inputs, 1 core', openssl.rate ? perSecond(openssl.rate) : 'skipped', openssl.note);

    const python = pythonRate(path);
    row('Python hashlib: strip+lower+sha256 loop', python.rate ? perSecond(python.rate) : 'skipped', python.note);
    if (python.fingerprint && python.fingerprint !== ourFingerprint) row('  CHECK FAILED: Python digests differ from ours', '', '');
    else if (python.fingerprint) row('  Python digests equal ours (all 1M)', 'yes', '');

    if (openssl.rate) {
      row('ratio ours / OpenSSL single core', ratio(best.rate / openssl.rate), verdict(best.rate / openssl.rate, 0.5));
    } else {
      row('ratio ours / OpenSSL', 'skipped', openssl.note);
    }
    if (python.rate) {
      row('ratio ours / Python hashlib', ratio(best.rate / python.rate), verdict(best.rate / python.rate, 2.5));
      row('ratio prepareIdentity (with validation) / Python', ratio(prepareRate / python.rate), 'Python does no validation');
    } else {
      row('ratio ours / Python', 'skipped', python.note);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
