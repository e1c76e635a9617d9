/**
 * Contract test: Stoplight Prism, an independent OpenAPI validator, sits between the client and the
 * simulator with Pinterest's published description (`--errors`: a request or a response that
 * breaks it is an error). A full test activation of the example goes through it untouched.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executePlan } from '../../src/core/execute/execute';
import { createPinterestClient, noRetryPolicy, staticTokenProvider } from '../../src/core/pinterest';
import { planFromDisk } from '../../src/core/plan/load';
import { loadProject } from '../../src/core/project/load';
import { startSimulator } from '../../src/simulator';
import { EXAMPLE_DIR } from '../helpers/example';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SPEC = join(ROOT, 'spec/pinterest/openapi.yaml');
const PRISM = join(ROOT, 'node_modules/.bin/prism');

let sim: Awaited<ReturnType<typeof startSimulator>>;
let prism: ChildProcess;
let prismUrl: string;
let log = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

before(async () => {
  sim = await startSimulator({ port: 0 });
  const port = await freePort();
  prismUrl = `http://127.0.0.1:${port}`;
  prism = spawn(PRISM, ['proxy', SPEC, sim.baseUrl, '--errors', '-h', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${log.slice(-2000)}`)), 90_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    prism.stdout!.on('data', onData);
    prism.stderr!.on('data', onData);
    prism.on('exit', (code) => reject(new Error(`Prism exited with ${code}:\n${log.slice(-2000)}`)));
  });
  log = '';
});

after(async () => {
  prism?.kill();
  await sim?.close();
});

test('Prism and the Pinterest description are there', () => {
  assert.ok(existsSync(SPEC), SPEC);
  assert.ok(existsSync(PRISM), PRISM);
});

test('a full test activation of the example passes Prism with no violation', async () => {
  const { project } = await loadProject([EXAMPLE_DIR]);
  const { activation, plan } = await planFromDisk(project);
  const client = createPinterestClient({ environment: 'local', baseUrl: prismUrl, tokens: staticTokenProvider(sim.seed.accessToken), retry: noRetryPolicy });
  const report = await executePlan(activation, plan, client);
  assert.equal(report.outcome, 'succeeded', report.failure?.message);
  assert.equal(report.calls.length, 9);
  assert.ok(report.calls.every((c) => c.response?.code === 200));
  const received = log.match(/Request received/g)?.length ?? 0;
  assert.equal(received, report.calls.length, 'every call went through Prism');
  const problems = log.split('\n').filter((l) => /✖|violation/i.test(l));
  assert.deepEqual(problems, []);
});

test('control: Prism does reject a request that breaks the description', async () => {
  log = '';
  const r = await fetch(`${prismUrl}/ad_accounts/549755885175/customer_lists/5497558000001`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${sim.seed.accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ operation_type: 'ADD' }),
  });
  assert.equal(r.status, 422);
  assert.match(await r.text(), /records/);
});
