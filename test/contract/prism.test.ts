/**
 * Contract test: Stoplight Prism, an independent OpenAPI validator, sits between the client and the
 * simulator with Pinterest's published description (`--errors`: a request or a response that
 * breaks it is an error). A full test activation of the example goes through it untouched.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { executePlan } from '../../src/core/execute/execute';
import { createPinterestClient, noRetryPolicy, staticTokenProvider } from '../../src/core/pinterest';
import { planFromDisk } from '../../src/core/plan/load';
import { loadProject } from '../../src/core/project/load';
import { startSimulator } from '../../src/simulator';
import { EXAMPLE_DIR } from '../helpers/example';
import { PRISM, ROOT, startPrism, type PrismProxy } from '../helpers/prism';

const SPEC = join(ROOT, 'spec/pinterest/openapi.yaml');

let sim: Awaited<ReturnType<typeof startSimulator>>;
let prism: PrismProxy;

before(async () => {
  sim = await startSimulator({ port: 0 });
  prism = await startPrism(SPEC, sim.baseUrl);
});

after(async () => {
  prism?.stop();
  await sim?.close();
});

test('Prism and the Pinterest description are there', () => {
  assert.ok(existsSync(SPEC), SPEC);
  assert.ok(existsSync(PRISM), PRISM);
});

test('a full test activation of the example passes Prism with no violation', async () => {
  const { project } = await loadProject([EXAMPLE_DIR]);
  const { activation, plan } = await planFromDisk(project);
  const client = createPinterestClient({ environment: 'local', baseUrl: prism.url, tokens: staticTokenProvider(sim.seed.accessToken), retry: noRetryPolicy });
  const report = await executePlan(activation, plan, client);
  assert.equal(report.outcome, 'succeeded', report.failure?.message);
  assert.equal(report.calls.length, 9);
  assert.ok(report.calls.every((c) => c.response?.code === 200));
  const received = prism.log.match(/Request received/g)?.length ?? 0;
  assert.equal(received, report.calls.length, 'every call went through Prism');
  const problems = prism.log.split('\n').filter((l) => /✖|violation/i.test(l));
  assert.deepEqual(problems, []);
});

test('control: Prism does reject a request that breaks the description', async () => {
  prism.clearLog();
  const r = await fetch(`${prism.url}/ad_accounts/549755885175/customer_lists/5497558000001`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${sim.seed.accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ operation_type: 'ADD' }),
  });
  assert.equal(r.status, 422);
  assert.match(await r.text(), /records/);
});
