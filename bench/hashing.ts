/**
 * Identity hashing figures: how many identities per second go through normalise + validate +
 * hash, against two baselines measured in the same run on the same machine:
 * - OpenSSL's own single-core SHA-256 rate on 64-byte inputs (`openssl speed`), the ceiling for
 *   hashing short values one at a time;
 * - Python's hashlib doing trim + lower + sha256 over the same 1M emails, the script a data
 *   engineer would otherwise write (only its hashing loop is timed, inside Python).
 *
 * Issue 13: what users run is the whole process, so "ours" in the ratios is `pindest hash` end to
 * end (node start, file in, file out, in .bench-tmp/), and the Python baseline is a whole process
 * too (python3 start, read, strip+lower+sha256 per line, write); its output file must equal ours.
 * The in-process loops stay as context rows.
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
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/**
 * OpenSSL's single-core SHA-256 operations per second on 64-byte inputs, or why there is none: per
 * CPU second by default, per wall-clock second with `elapsed` (what a shared machine gives).
 */
function opensslRate(elapsed = false): { rate?: number; note: string } {
  const r = spawnSync('openssl', ['speed', ...(elapsed ? ['-elapsed'] : []), '-seconds', '3', '-bytes', '64', 'sha256'], { encoding: 'utf8', timeout: 30_000 });
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

/** Python as a user would script it: read the file, strip+lower+sha256 each line, write the digests. */
const PYTHON_FILE = `
import hashlib, sys
sha256 = hashlib.sha256
with open(sys.argv[1], encoding="utf-8") as f:
    lines = f.read().split("\\n")
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("".join(sha256(v.strip().lower().encode("utf-8")).hexdigest() + "\\n" for v in lines))
`;

/**
 * A whole process, file in, file out: median wall milliseconds and median CPU milliseconds (user +
 * sys, from /usr/bin/time) of `runs`, or why not. CPU time matters here: the machine is shared,
 * and `openssl speed` divides by CPU time unless given -elapsed.
 */
function wholeProcess(command: string, args: string[], env: Record<string, string> = {}, runs = RUNS): { ms?: number; cpuMs?: number; note: string } {
  const times: number[] = [];
  const cpu: number[] = [];
  const timed = existsSync('/usr/bin/time');
  let note = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = timed
      ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, ...env } })
      : spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, ...env } });
    times.push(performance.now() - start);
    if (r.error) return { note: (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? `${command} is not installed` : `${command} failed: ${r.error.message}` };
    if (r.status !== 0) return { note: `exited ${r.status}: ${r.stderr.trim().split('\n').at(-1) ?? ''}` };
    const used = /^cpu ([\d.]+) ([\d.]+)$/m.exec(r.stderr);
    if (used) cpu.push((Number(used[1]) + Number(used[2])) * 1000);
    note = r.stderr.split('\n')[0] ?? '';
  }
  const mid = (xs: number[]): number | undefined => (xs.length ? [...xs].sort((a, b) => a - b)[xs.length >> 1] : undefined);
  return { ms: mid(times), cpuMs: mid(cpu), note };
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

  const tmp = fileURLToPath(new URL('../.bench-tmp/', import.meta.url));
  mkdirSync(tmp, { recursive: true });
  const path = join(tmp, 'emails.txt');
  writeFileSync(path, emails.join('\n'));
  const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
  if (!existsSync(cli)) return row('pindest hash', 'skipped', 'dist/cli.mjs not built (npm run build)');
  const ourOut = join(tmp, 'emails.pindest.out');
  const pyOut = join(tmp, 'emails.python.out');

  // `sh -c` only to redirect stdout into a file, as a user's shell would.
  const hashRun = (workers: string) => wholeProcess('sh', ['-c', `"$0" "$1" hash --namespace Email --input "$2" > "$3"`, process.execPath, cli, path, ourOut], { PINDEST_HASH_WORKERS: workers });
  const single = hashRun('0');
  const rateOf = (ms?: number): number | undefined => (ms ? rate(COUNT, ms) : undefined);
  const singleRate = rateOf(single.ms);
  const singleCpu = rateOf(single.cpuMs);
  row('pindest hash, whole process, file in/out, 1 thread', singleRate ? perSecond(singleRate) : 'skipped', `wall, median of ${RUNS}; ${single.note}`);
  if (singleCpu) row('  per CPU second (user+sys)', perSecond(singleCpu), '');
  const workers = hashRun('2');
  const workersRate = rateOf(workers.ms);
  row('pindest hash, whole process, 2 worker threads (forced)', workersRate ? perSecond(workersRate) : 'skipped', `wall, median of ${RUNS}`);
  if (workers.cpuMs) row('  per CPU second (user+sys)', perSecond(rate(COUNT, workers.cpuMs)), '');

  const openssl = opensslRate();
  row('OpenSSL speed sha256, 64-byte inputs, 1 core, per CPU s', openssl.rate ? perSecond(openssl.rate) : 'skipped', openssl.note);
  const opensslWall = opensslRate(true);
  row('OpenSSL speed -elapsed (per wall-clock second)', opensslWall.rate ? perSecond(opensslWall.rate) : 'skipped', opensslWall.note);

  const python = pythonRate(path);
  row('Python hashlib: strip+lower+sha256 loop only (in Python)', python.rate ? perSecond(python.rate) : 'skipped', python.note);
  if (python.fingerprint && python.fingerprint !== ourFingerprint) row('  CHECK FAILED: Python digests differ from ours', '', '');
  const pyWhole = wholeProcess('python3', ['-c', PYTHON_FILE, path, pyOut]);
  const pyRate = rateOf(pyWhole.ms);
  const pyCpu = rateOf(pyWhole.cpuMs);
  row('Python hashlib script, whole process, file in/out', pyRate ? perSecond(pyRate) : 'skipped', pyRate ? `wall, median of ${RUNS}` : pyWhole.note);
  if (pyCpu) row('  per CPU second (user+sys)', perSecond(pyCpu), '');
  if (pyRate && singleRate) {
    const same = readFileSync(pyOut).equals(readFileSync(ourOut));
    row('  Python output file equals pindest hash output', same ? 'yes' : 'NO', same ? `all ${COUNT / 1e6}M lines` : 'CHECK FAILED');
  }

  // "Ours" is the default path for this input (1 thread: see hash.ts on workers), wall against
  // wall and CPU against CPU, each pair from this run.
  if (singleRate && opensslWall.rate) row('ratio pindest hash / OpenSSL, wall / -elapsed', ratio(singleRate / opensslWall.rate), verdict(singleRate / opensslWall.rate, 0.5));
  if (singleCpu && openssl.rate) row('ratio pindest hash / OpenSSL, per CPU second', ratio(singleCpu / openssl.rate), verdict(singleCpu / openssl.rate, 0.5));
  if (!openssl.rate) row('ratio pindest hash / OpenSSL', 'skipped', openssl.note);
  if (singleRate && pyRate) row('ratio pindest hash / Python script, wall', ratio(singleRate / pyRate), verdict(singleRate / pyRate, 2.5));
  if (singleCpu && pyCpu) row('ratio pindest hash / Python script, per CPU second', ratio(singleCpu / pyCpu), verdict(singleCpu / pyCpu, 2.5));
  if (!pyRate) row('ratio pindest hash / Python', 'skipped', pyWhole.note);
  if (workersRate && singleRate) row('ratio 2 workers / 1 thread, wall', ratio(workersRate / singleRate), 'workers pay off when > 1');
}
