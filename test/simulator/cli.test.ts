import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSimulateCommand } from '../../src/simulator/cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) } };
}

async function waitFor<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('pindest simulate prints the listening line and a usable token, logs requests without tokens, stops on abort', async () => {
  const c = capture();
  const stop = new AbortController();
  const done = runSimulateCommand(['--port', '0', '--rate-limit', '400/min', '--seed', '7'], { ...c.io, signal: stop.signal });
  const url = await waitFor(() => /^listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(c.out[0] ?? '')?.[1]);
  const token = await waitFor(() => c.out.map((l) => /^access token:\s+(\S+)/.exec(l)?.[1]).find(Boolean));
  assert.ok(c.out.some((l) => /ad account id:\s+\d{12}/.test(l)));
  const res = await fetch(`${url}/v5/user_account`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as { username: string }).username, 'pindest_demo');
  const line = await waitFor(() => c.err.find((l) => l.includes('GET /v5/user_account 200')));
  assert.match(line, /^[0-9a-f]{16} GET \/v5\/user_account 200 \d+ms\n$/);
  assert.ok(!c.err.join('').includes(token), 'request logs never contain tokens');
  stop.abort();
  assert.equal(await done, 0);
  await assert.rejects(fetch(`${url}/v5/user_account`), 'stopped');
});

test('pindest simulate stops on SIGINT', async () => {
  const c = capture();
  const done = runSimulateCommand(['--quiet'], c.io);
  await waitFor(() => (c.out[0]?.startsWith('listening on ') ? true : undefined));
  process.emit('SIGINT');
  assert.equal(await done, 0);
  assert.ok(c.out.includes('simulator stopped\n'));
});

test('usage errors exit 2 with one line', async () => {
  for (const argv of [['--port', 'abc'], ['--bogus'], ['--faults', 'nope:1'], ['--rate-limit', 'fast'], ['--created-status', '204'], ['extra']]) {
    const c = capture();
    assert.equal(await runSimulateCommand(argv, c.io), 2, argv.join(' '));
    assert.equal(c.out.length, 0);
    assert.equal(c.err.length, 1);
    assert.match(c.err[0] ?? '', /^pindest simulate: .+ Usage: pindest simulate .*\n$/);
    assert.equal((c.err[0] ?? '').trimEnd().split('\n').length, 1);
  }
  const help = capture();
  assert.equal(await runSimulateCommand(['--help'], help.io), 0);
  assert.match(help.out[0] ?? '', /^Usage: pindest simulate/);
});

test('pindest simulate --aep-port starts the AEP authoring simulator too and prints its URLs', async () => {
  const c = capture();
  const stop = new AbortController();
  const done = runSimulateCommand(['--port', '0', '--aep-port', '0', '--quiet'], { ...c.io, signal: stop.signal });
  const base = await waitFor(() => c.out.map((l) => /^AEP authoring API: (http:\/\/127\.0\.0\.1:\d+\/data\/core\/activation\/authoring) /.exec(l)?.[1]).find(Boolean));
  const ims = await waitFor(() => c.out.map((l) => /^AEP IMS token URL: (\S+) /.exec(l)?.[1]).find(Boolean));
  const token = await fetch(ims!, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'pindest-local-client', client_secret: 'p8e-pindest-local-simulator-secret', scope: 'openid' }),
  });
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  const res = await fetch(`${base}/destinations`, {
    headers: { authorization: `Bearer ${accessToken}`, 'x-api-key': 'pindest-local-client', 'x-gw-ims-org-id': '0A1B2C3D4E5F60718293A4B5@AdobeOrg', 'x-sandbox-name': 'prod' },
  });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), []);
  stop.abort();
  assert.equal(await done, 0);
  await assert.rejects(fetch(`${base}/destinations`), 'stopped');
});
