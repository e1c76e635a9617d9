/**
 * Preview of a large sample (issue 13): `pindest preview` over a 1M-profile JSON Lines file, as a
 * whole process, with its peak RSS, against a Python script that reads the same file with `json`
 * and hashes each email with `hashlib` (the least a script checking the sample would do), timed
 * as a whole process too. Target: peak RSS ≤ 256 MB and faster than the script.
 *
 * Peak RSS: `/usr/bin/time -v`'s "Maximum resident set size" when present, else VmHWM of
 * /proc/PID/status polled while the process runs. CPU time (user + sys, from `/usr/bin/time -v`)
 * is shown beside wall time: on a shared machine wall time moves with the load, CPU time much less,
 * so the CPU ratio says more about the code than the wall ratio does. Figures: core/plan/large.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeLargeSample } from '../test/helpers/large-sample';
import { row } from './measure';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const COUNT = 1_000_000;

/** A whole process: wall time and peak RSS in MB (or undefined when it cannot be read). */
export async function runMeasured(command: string, args: string[], stdoutPath: string): Promise<{ ms: number; cpuMs?: number; peakMb?: number; code: number | null; stderr: string }> {
  const out = createWriteStream(stdoutPath);
  await once(out, 'open');
  const timeV = existsSync('/usr/bin/time');
  const start = performance.now();
  const child = timeV
    ? spawn('/usr/bin/time', ['-v', command, ...args], { stdio: ['ignore', out, 'pipe'] })
    : spawn(command, args, { stdio: ['ignore', out, 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let polled = 0;
  const poll = timeV
    ? undefined
    : setInterval(() => {
        const m = /VmHWM:\s+(\d+) kB/.exec(safeRead(`/proc/${child.pid}/status`));
        if (m) polled = Math.max(polled, Number(m[1]));
      }, 20);
  const [code] = (await once(child, 'exit')) as [number | null];
  const ms = performance.now() - start;
  if (poll) clearInterval(poll);
  out.close();
  const max = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const kb = max ? Number(max[1]) : polled;
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpuMs = user && sys ? (Number(user[1]) + Number(sys[1])) * 1000 : undefined;
  return { ms, cpuMs, peakMb: kb ? kb / 1024 : undefined, code, stderr };
}

function cpu(run: { cpuMs?: number }): string {
  return run.cpuMs === undefined ? '' : `, ${(run.cpuMs / 1000).toFixed(2)} s CPU`;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

const PYTHON = `
import hashlib, json, sys
counts = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        p = json.loads(line)
        for e in p.get("identityMap", {}).get("Email", []):
            d = hashlib.sha256(e["id"].strip().lower().encode("utf-8")).hexdigest()
            counts[d[0]] = counts.get(d[0], 0) + 1
print(sum(counts.values()))
`;

export async function previewBench(): Promise<void> {
  console.log('\n## Preview of a large sample (1M profiles, JSON Lines)');
  const cli = join(ROOT, 'dist/cli.mjs');
  if (!existsSync(cli)) return row('pindest preview', 'skipped', 'dist/cli.mjs not built (npm run build)');
  const dir = join(ROOT, '.bench-tmp/preview-1m');
  const activation = existsSync(join(dir, 'profiles.jsonl')) ? join(dir, 'activation.json') : await writeLargeSample(dir, COUNT, 'jsonl');

  const ours = await runMeasured(process.execPath, [cli, 'preview', activation], join(dir, 'preview.out'));
  if (ours.code !== 0 && ours.code !== 1) return row('pindest preview', 'failed', `exit ${ours.code}: ${ours.stderr.split('\n')[0]}`);
  row('pindest preview, 1M profiles, whole process', `${(ours.ms / 1000).toFixed(2)} s`, `${(COUNT / ours.ms / 1000).toFixed(2)} M profiles/s${cpu(ours)}`);
  row('  peak RSS', ours.peakMb ? `${ours.peakMb.toFixed(0)} MB` : 'unknown', ours.peakMb ? (ours.peakMb <= 256 ? 'target ≤ 256 MB: met' : 'target ≤ 256 MB: NOT met') : '');

  const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (python.error) return row('Python json + hashlib', 'skipped', 'python3 is not installed');
  const py = await runMeasured('python3', ['-c', PYTHON, join(dir, 'profiles.jsonl')], join(dir, 'python.out'));
  row('Python: json.loads per line + hashlib per email, whole process', `${(py.ms / 1000).toFixed(2)} s`, `${python.stdout.trim()}, peak ${py.peakMb?.toFixed(0) ?? '?'} MB${cpu(py)}`);
  const speed = py.ms / ours.ms;
  row('ratio Python time / ours (> 1: ours faster)', `${speed.toFixed(2)}×`, speed > 1 ? 'target > 1: met' : 'target > 1: NOT met');
  if (ours.cpuMs && py.cpuMs) {
    const cpuSpeed = py.cpuMs / ours.cpuMs;
    row('ratio of CPU times (user + sys), Python / ours', `${cpuSpeed.toFixed(2)}×`, cpuSpeed > 1 ? 'target > 1: met' : 'target > 1: NOT met');
  }
}
