/**
 * Contract test of `deploy`, `pull` and `publish`: the core functions the CLI runs, through
 * Stoplight Prism (proxy, `--errors`) with Adobe's Destination Authoring API description, in front
 * of the AEP simulator. Every call they make (the 404 reads of a first deploy included) must be one
 * Adobe's description allows, and every answer one it describes. IMS is not in that description:
 * the token is fetched from the simulator directly (as test/contract/aep-prism.test.ts does).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { ROOT, startPrism, type PrismProxy } from '../helpers/prism';

const SPEC = join(ROOT, 'spec/adobe/destination-authoring.yaml');

let sim: AepSimulator;
let prism: PrismProxy;

before(async () => {
  sim = await startAepSimulator();
  prism = await startPrism(SPEC, sim.baseUrl);
});

after(async () => {
  prism?.stop();
  await sim?.close();
});

test('deploy (twice), pull and publish of the example through Prism with no violation', async () => {
  const calls: AuthoringCall[] = [];
  const settings = aepSettingsFromEnv({}, { environment: 'local', aepUrl: prism.url, imsUrl: sim.imsUrl });
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
  const problems = prism.log.split('\n').filter((l) => /✖|violation/i.test(l));
  assert.deepEqual(problems, []);
  assert.equal(prism.log.match(/Request received/g)?.length ?? 0, calls.length, 'every call went through Prism');
});
