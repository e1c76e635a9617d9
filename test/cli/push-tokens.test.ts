/**
 * Which token `pindest push` sends where: a local run (embedded simulator, or --base-url with
 * --env local) never sends PINTEREST_ACCESS_TOKEN, and production never sends it over plain http
 * to a remote host. A recording proxy in front of a real simulator sees every Authorization header.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator } from '../../src/simulator';
import { EXAMPLE_DIR } from '../helpers/example';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');
/** Shaped like a real access token; it must never reach a simulator. */
const REAL_TOKEN = 'pina_FAKE_REAL_TOKEN_for_tests_only_0123456789';

function pindest(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = { ...process.env };
  delete clean.PINTEREST_ACCESS_TOKEN;
  delete clean.PINDEST_SIMULATOR_TOKEN;
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...clean, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** The example in a temp folder (a push writes .pindest/state.json next to it). */
function exampleCopy(): { activation: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-tokens-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  return { activation: join(dir, 'activation.json'), dir };
}

/** A loopback proxy to the simulator that records the Authorization header of every request. */
async function recordingProxy(sim: Simulator): Promise<{ baseUrl: string; authorizations: (string | undefined)[]; close: () => Promise<void> }> {
  const target = new URL(sim.url);
  const authorizations: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v5`,
    authorizations,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

test('with PINTEREST_ACCESS_TOKEN set, a push to the embedded simulator still succeeds with its own token', async () => {
  const { activation, dir } = exampleCopy();
  try {
    const r = await pindest(['push', activation], { PINTEREST_ACCESS_TOKEN: REAL_TOKEN });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^Test activation "Pinterest - spring retargeting" succeeded — local \(http:\/\/127\.0\.0\.1:\d+\/v5\)/);
    assert.doesNotMatch(r.stdout + r.stderr, /sign in|did not accept the access token/i);
    assert.doesNotMatch(r.stdout + r.stderr, /FAKE_REAL_TOKEN/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--env local --base-url: the simulator sees only its seeded token, never PINTEREST_ACCESS_TOKEN', async () => {
  const sim = await startSimulator({ port: 0 });
  const proxy = await recordingProxy(sim);
  const { activation, dir } = exampleCopy();
  try {
    const r = await pindest(['push', '--env', 'local', '--base-url', proxy.baseUrl, activation], { PINTEREST_ACCESS_TOKEN: REAL_TOKEN });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok(proxy.authorizations.length >= 5, `requests seen: ${proxy.authorizations.length}`);
    assert.ok(proxy.authorizations.every((a) => a === `Bearer ${sim.seed.accessToken}`), 'every request carried the seeded token');
    assert.ok(!proxy.authorizations.some((a) => a?.includes(REAL_TOKEN)));
  } finally {
    await proxy.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PINDEST_SIMULATOR_TOKEN is the token a local run sends to a --base-url simulator', async () => {
  const sim = await startSimulator({ port: 0 });
  const proxy = await recordingProxy(sim);
  const { activation, dir } = exampleCopy();
  try {
    // The limited token (no ads:write) is refused by the simulator: what matters is that it was the one sent.
    await pindest(['push', '--base-url', proxy.baseUrl, activation], { PINTEREST_ACCESS_TOKEN: REAL_TOKEN, PINDEST_SIMULATOR_TOKEN: sim.seed.limitedAccessToken });
    assert.ok(proxy.authorizations.length >= 1);
    assert.ok(proxy.authorizations.every((a) => a === `Bearer ${sim.seed.limitedAccessToken}`));
  } finally {
    await proxy.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a simulator that refuses PINDEST_SIMULATOR_TOKEN says to unset it, not to sign in again', async () => {
  const sim = await startSimulator({ port: 0 });
  const { activation, dir } = exampleCopy();
  try {
    const r = await pindest(['push', '--base-url', sim.baseUrl, activation], { PINDEST_SIMULATOR_TOKEN: 'pina_not_issued_by_this_simulator' });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /The simulator did not accept the token it was sent while reading ad account 549755885175: unset PINDEST_SIMULATOR_TOKEN/);
    assert.match(r.stdout, /What to do: Unset PINDEST_SIMULATOR_TOKEN to send the simulator's seeded token/);
    assert.doesNotMatch(r.stdout, /sign in/i);
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PINDEST_SIMULATOR_TOKEN holding the real token is refused; nothing reaches the simulator', async () => {
  const sim = await startSimulator({ port: 0 });
  const proxy = await recordingProxy(sim);
  const { activation, dir } = exampleCopy();
  try {
    const r = await pindest(['push', '--base-url', proxy.baseUrl, activation], { PINTEREST_ACCESS_TOKEN: REAL_TOKEN, PINDEST_SIMULATOR_TOKEN: REAL_TOKEN });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /PINDEST_SIMULATOR_TOKEN holds the same token as PINTEREST_ACCESS_TOKEN: a real token is never sent to the simulator/);
    assert.doesNotMatch(r.stdout + r.stderr, /FAKE_REAL_TOKEN/);
    assert.deepEqual(proxy.authorizations, []);
  } finally {
    await proxy.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('push --env production --base-url http://example.com/v5 is refused before sending, naming https', async () => {
  const { activation, dir } = exampleCopy();
  try {
    const r = await pindest(['push', '--env', 'production', '--base-url', 'http://example.com/v5', activation], { PINTEREST_ACCESS_TOKEN: REAL_TOKEN });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /refused before sending anything/);
    assert.match(r.stdout, /Refusing to send the Pinterest access token over plain http to example\.com: use https/);
    assert.match(r.stdout, /What to do: Use https \(or a local simulator on 127\.0\.0\.1\)/);
    assert.doesNotMatch(r.stdout + r.stderr, /FAKE_REAL_TOKEN/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('production with a refresh token in PINTEREST_ACCESS_TOKEN is refused before sending, saying which token to use', async () => {
  const { activation, dir } = exampleCopy();
  try {
    const r = await pindest(['push', '--env', 'production', activation], { PINTEREST_ACCESS_TOKEN: 'pinr.FAKE_REFRESH_for_tests' });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /refused before sending anything/);
    assert.match(r.stdout, /The PINTEREST_ACCESS_TOKEN environment variable is a refresh token \(it starts with "pinr"\): use the access token, which starts with "pina"/);
    assert.doesNotMatch(r.stdout + r.stderr, /FAKE_REFRESH/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
