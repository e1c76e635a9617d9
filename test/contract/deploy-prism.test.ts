/**
 * Contract test of `deploy`, `pull` and `publish`: the core functions the CLI runs, through
 * Stoplight Prism (proxy, `--errors`) with Adobe's Destination Authoring API description, in front
 * of the AEP simulator. Every call they make (the 404 reads of a first deploy included) must be one
 * Adobe's description allows, and every answer one it describes. IMS is not in that description:
 * the token is fetched from the simulator directly (as test/contract/aep-prism.test.ts does).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuthoringCall } from '../../src/core/aep/api';
import { authoringApi, recordCalls } from '../../src/core/aep/authoring';
import { aepSettingsFromEnv, createAepClientFromSettings } from '../../src/core/aep';
import { deployProject, openDeployState } from '../../src/core/aep/deploy';
import { publishProject } from '../../src/core/aep/publish';
import { pullDestination } from '../../src/core/aep/pull';
import { loadProject } from '../../src/core/project/load';
import { validateProject } from '../../src/core/validate';
import { startAepSimulator, type AepSimulator } from '../../src/simulator/aep';
import { EXAMPLE_DIR } from '../helpers/example';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SPEC = join(ROOT, 'spec/adobe/destination-authoring.yaml');
const PRISM = join(ROOT, 'node_modules/.bin/prism');

let sim: AepSimulator;
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
  sim = await startAepSimulator();
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

test('deploy (twice), pull and publish of the example through Prism with no violation', async () => {
  const calls: AuthoringCall[] = [];
  const settings = aepSettingsFromEnv({}, { environment: 'local', aepUrl: prismUrl, imsUrl: sim.imsUrl });
  const api = authoringApi(createAepClientFromSettings(settings, { retryTimeScale: 0, onEvent: recordCalls(settings.baseUrl, calls) }));
  const dir = mkdtempSync(join(tmpdir(), 'pindest-deploy-prism-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const { project } = await loadProject([dir]);

  const first = await deployProject({ projectDir: dir, project, api, state: await openDeployState(dir, api, 'local'), calls });
  assert.equal(first.outcome, 'succeeded', JSON.stringify(first.error));
  assert.deepEqual(first.resources.map((r) => r.action), ['created', 'created', 'created']);
  const second = await deployProject({ projectDir: dir, project, api, state: await openDeployState(dir, api, 'local'), calls: [] });
  assert.deepEqual(second.resources.map((r) => r.action), ['unchanged', 'unchanged', 'unchanged']);

  const out = mkdtempSync(join(tmpdir(), 'pindest-pull-prism-'));
  await pullDestination({ api, destinationId: first.resources[2]!.instanceId!, outputDir: out, state: await openDeployState(out, api, 'local') });
  const pulled = await loadProject([out]);
  assert.deepEqual(validateProject(pulled.project).flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error')), []);

  const published = await publishProject({ projectDir: dir, project, api, state: await openDeployState(dir, api, 'local') });
  assert.equal(published.destinationId, first.resources[2]!.instanceId);

  // Three 404 reads (the example's own ids are not in this AEP), the rest answered.
  assert.deepEqual(calls.filter((c) => c.status === 404).map((c) => c.method), ['GET', 'GET', 'GET']);
  assert.ok(calls.every((c) => c.status === 404 || c.status === 200 || c.status === 201), JSON.stringify(calls));
  const problems = log.split('\n').filter((l) => /✖|violation/i.test(l));
  assert.deepEqual(problems, []);
  assert.equal(log.match(/Request received/g)?.length ?? 0, calls.length, 'every call went through Prism');
});
