/**
 * `pindest push` retries as AEP does, seen as a user sees it: the built CLI against a simulator
 * with seeded faults (started here, over real HTTP; the CLI runs in its own process).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../../src/simulator';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');
const ACTIVATION = 'examples/pinterest-customer-list/activation.json';

/** A copy of the example: a push against a running simulator remembers its lists next to the activation. */
function exampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-retries-'));
  cpSync(join(ROOT, 'examples/pinterest-customer-list'), dir, { recursive: true });
  return join(dir, 'activation.json');
}

/** Runs the CLI without blocking this process, so the in-process simulator keeps answering. */
function pindest(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = { ...process.env };
  delete clean.PINTEREST_ACCESS_TOKEN;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...clean, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A push of the example (configurable aggregation) against a simulator answering 503 at random, seeded. */
async function faultyPush(seed: number, extra: string[]) {
  const sim = await startSimulator({ port: 0, faults: '503:0.3', seed });
  try {
    return await pindest(['push', '--base-url', sim.baseUrl, ...extra, exampleCopy()], { PINTEREST_ACCESS_TOKEN: sim.seed.accessToken });
  } finally {
    await sim.close();
  }
}

interface JsonCall {
  step: string;
  attempts: number;
  dropped?: boolean;
  retries?: { reason: string; status?: number; aepWaitMs: number; waitedMs: number }[];
}

test('the JSON report names AEP\'s policy and shows, per call, AEP\'s 30-minute wait beside the compressed one (default ×0.001 locally)', async () => {
  const r = await faultyPush(8, ['--format', 'json']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const report = JSON.parse(r.stdout) as { outcome: string; retry: { policy: string; timeScale: number }; calls: JsonCall[] };
  assert.equal(report.outcome, 'succeeded');
  assert.equal(report.retry.policy, 'aep-configurable-aggregation');
  assert.equal(report.retry.timeScale, 0.001);
  const retried = report.calls.filter((c) => c.retries);
  assert.ok(retried.length > 0, 'the seeded 503s were retried');
  for (const c of retried) {
    assert.equal(c.attempts, 2);
    assert.deepEqual(c.retries, [{ attempt: 1, reason: 'http-503', status: 503, aepWaitMs: 1_800_000, waitedMs: 1800 }]);
  }
  assert.ok(report.calls.every((c) => !c.dropped));
});

test('a membership call that fails again after AEP\'s one retry is reported dropped, with its records counted as dropped', async () => {
  const r = await faultyPush(1, ['--retry-time-scale', '0.0001']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^Test activation ".*" FAILED/);
  assert.match(r.stdout, /^Retries: AEP configurable aggregation: 420, 429, codes above 500 and no answer are retried once, 30 min later; then AEP drops the batch \(waits compressed ×0\.0001 in this run\)$/m);
  assert.match(r.stdout, /AEP would drop this call after its retries/);
  assert.match(r.stdout, /→ 503 after 2 attempts .*\(membership, [^)]+\)\n {5}retry after http-503: AEP waits 30 min \(this run waited 180 ms\)\n {5}dropped: AEP gives up on this call after its retries/);
  const rows = [...r.stdout.matchAll(/^ {2}(.+?) \/ (\S+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+)$/gm)].map((m) => ({ sent: Number(m[3]), rejected: Number(m[5]), dropped: Number(m[7]) }));
  assert.ok(rows.length > 0);
  assert.ok(rows.some((x) => x.dropped > 0), 'the dropped records are counted');
  assert.ok(rows.every((x) => x.dropped === x.rejected), 'every rejected record here is one AEP dropped');
});

test('--retry-time-scale outside 0..1 is a usage error that says what to give', async () => {
  const r = await pindest(['push', '--retry-time-scale', '2', ACTIVATION]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--retry-time-scale: the retry time scale must be a number from 0 to 1/);
});
