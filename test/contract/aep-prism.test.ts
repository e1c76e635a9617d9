/**
 * Contract test: Stoplight Prism, an independent OpenAPI validator, sits between the AEP authoring
 * client and the AEP simulator with Adobe's published Destination Authoring API description
 * (`--errors`: a request or a response that breaks it is an error). Creating, reading, updating,
 * listing and publishing the example's three configurations goes through it with no violation.
 * The IMS token is fetched from the simulator directly: IMS is not part of that description.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { aepSettingsFromEnv, createAepClientFromSettings } from '../../src/core/aep';
import { startAepSimulator, type AepSimulator } from '../../src/simulator/aep';
import { exampleConfig } from '../aep/helpers';
import { PRISM, ROOT, startPrism, type PrismProxy } from '../helpers/prism';

const SPEC = join(ROOT, 'spec/adobe/destination-authoring.yaml');

let sim: AepSimulator;
let prism: PrismProxy;
const simLines: string[] = [];

before(async () => {
  sim = await startAepSimulator({ log: (l) => simLines.push(l) });
  prism = await startPrism(SPEC, sim.baseUrl);
});

after(async () => {
  prism?.stop();
  await sim?.close();
});

test("Prism and Adobe's description are there", () => {
  assert.ok(existsSync(SPEC), SPEC);
  assert.ok(existsSync(PRISM), PRISM);
});

test('deploy, read back, update, list and publish the example through Prism with no violation', async () => {
  const calls: string[] = [];
  const settings = aepSettingsFromEnv({}, { environment: 'local', aepUrl: prism.url, imsUrl: sim.imsUrl });
  const aep = createAepClientFromSettings(settings, { retryTimeScale: 0, onEvent: (e) => e.type === 'response' && calls.push(`${e.method} ${e.path} ${e.status}`) });

  const server = await aep.destinationServers.create(exampleConfig('destination-server'));
  const template = await aep.audienceTemplates.create(exampleConfig('audience-template'));
  const destination = exampleConfig('destination') as any;
  destination.destinationDelivery[0].destinationServerId = server.instanceId;
  if (destination.audienceMetadataConfig) destination.audienceMetadataConfig.audienceTemplateId = template.instanceId;
  if (destination.segmentMappingConfig?.audienceTemplateId) destination.segmentMappingConfig.audienceTemplateId = template.instanceId;
  const created = await aep.destinations.create(destination);

  assert.equal((await aep.destinationServers.get(server.instanceId)).name, server.name);
  assert.equal((await aep.audienceTemplates.get(template.instanceId)).instanceId, template.instanceId);
  assert.equal((await aep.destinations.get(created.instanceId)).instanceId, created.instanceId);
  await aep.destinationServers.update(server.instanceId, { ...exampleConfig('destination-server'), name: 'Pinterest customer list membership (v5 PATCH, renamed)' });
  await aep.audienceTemplates.update(template.instanceId, exampleConfig('audience-template'));
  await aep.destinations.update(created.instanceId, { ...destination, description: 'Updated through the contract test.' });
  assert.equal((await aep.destinationServers.list()).length, 1);
  assert.equal((await aep.audienceTemplates.list()).length, 1);
  assert.equal((await aep.destinations.list()).length, 1);
  const submitted = await aep.publish.submit(created.instanceId);
  assert.equal(submitted.destinationId, created.instanceId);
  assert.equal((await aep.publish.status(created.instanceId)).destinationId, created.instanceId);
  assert.equal((await aep.publish.list()).length, 1);
  assert.match(await aep.testing.sampleTemplate(created.instanceId), /input\.profiles/);

  assert.equal(calls.length, 16);
  assert.ok(calls.every((c) => / 20[01]$/.test(c)), calls.join('\n'));
  assert.equal(prism.log.match(/Request received/g)?.length ?? 0, calls.length, 'every call went through Prism');
  const problems = prism.log.split('\n').filter((l) => /✖|violation/i.test(l));
  assert.deepEqual(problems, []);
});

test('control: Prism rejects a request without the x-api-key header, and the simulator never sees it', async () => {
  const before = simLines.length;
  const r = await fetch(`${prism.url}/destinations`, {
    headers: { Authorization: `Bearer ${sim.seed.accessToken}`, 'x-gw-ims-org-id': sim.seed.imsOrg, 'x-sandbox-name': 'prod' },
  });
  assert.equal(r.status, 422);
  assert.match(await r.text(), /required property 'x-api-key'/);
  assert.equal(simLines.length, before);
});
