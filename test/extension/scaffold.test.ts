// New Destination Project: the files the wizard writes validate clean with the core validator, with
// fresh instanceIds wired together and the answers applied.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadProject } from '../../src/core/project/load';
import { validateProject } from '../../src/core/validate';
import { IDENTITIES, scaffoldProblem, scaffoldProject, type Identity } from '../../src/extension/scaffold';

const EXAMPLE_IDS = ['3f1e6a4c-2b8d-4e57-9c1a-7d5e0b2f9a61', '9b7c2e1d-5a3f-4c68-8e0b-1f2a3d4c5b6e', 'c41f0b7e-8d2a-4a9e-b3f6-52e7d1a90c38', '5b8a1c3e-7f4d-4e2a-9b6c-0d1e2f3a4b5c'];
const schemaFor = (kind: string) => `file:///ext/schemas/${kind}.schema.json`;

async function written(identities: readonly Identity[]) {
  const files = scaffoldProject({ name: 'Spring test', adAccountId: '123456789012', identities, schemaFor });
  const dir = mkdtempSync(join(tmpdir(), 'pindest-scaffold-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const { project, problems } = await loadProject([dir]);
    const findings = validateProject(project).flatMap((r) => r.diagnostics.map((d) => `${r.path.slice(dir.length)} ${d.code} ${d.severity}: ${d.message}`));
    const json = Object.fromEntries(Object.entries(files).map(([n, t]) => [n, JSON.parse(t)]));
    return { files, json, problems, findings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const identities of [IDENTITIES, ['Email'], ['GAID', 'IDFA'], ['Email_LC_SHA256']] as Identity[][]) {
  test(`new project with ${identities.join(', ')} validates with no finding`, async () => {
    const { problems, findings } = await written(identities);
    assert.deepEqual(problems, []);
    assert.deepEqual(findings, []);
  });
}

test('new project: fresh, distinct instanceIds, wired from the destination to its server and audience template', async () => {
  const a = (await written(IDENTITIES)).json;
  const b = (await written(IDENTITIES)).json;
  const ids = [a['destination.json'].instanceId, a['destination-server.json'].instanceId, a['audience-template.json'].instanceId];
  assert.equal(new Set([...ids, ...EXAMPLE_IDS]).size, ids.length + EXAMPLE_IDS.length, 'no id is the example\'s, none repeats');
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(b['destination.json'].instanceId, ids[0], 'a second project gets other ids');
  assert.equal(a['destination.json'].destinationDelivery[0].destinationServerId, ids[1]);
  assert.equal(a['destination.json'].segmentMappingConfig.audienceTemplateId, ids[2]);
  const audienceIds = a['activation.json'].audiences.map((x: { id: string }) => x.id);
  assert.ok(audienceIds.every((id: string) => !EXAMPLE_IDS.includes(id)));
  const memberships = a['profiles.json'].flatMap((p: { segmentMembership: Record<string, object> }) => Object.values(p.segmentMembership).flatMap((m) => Object.keys(m)));
  assert.ok(memberships.length > 0 && memberships.every((id: string) => audienceIds.includes(id)), 'profiles belong to the new audiences');
});

test('new project: the answers are applied and every kind file has its $schema line', async () => {
  const { json, files } = await written(['GAID', 'IDFA']);
  assert.equal(json['activation.json'].connection.name, 'Spring test');
  assert.equal(json['activation.json'].connection.customerData.adAccountId, '123456789012');
  assert.equal(json['destination.json'].name, 'Spring test');
  assert.deepEqual(Object.keys(json['destination.json'].identityNamespaces.pinterest_audience.acceptedGlobalNamespaces).sort(), [...IDENTITIES].sort(), 'the destination accepts every identity');
  assert.deepEqual(json['activation.json'].mappings.map((m: { source: string }) => m.source).sort(), ['GAID', 'IDFA']);
  assert.ok(json['profiles.json'].every((p: { identityMap: object }) => Object.keys(p.identityMap).every((k) => k === 'GAID' || k === 'IDFA')));
  for (const kind of ['destination', 'destination-server', 'audience-template', 'activation']) {
    assert.equal(json[`${kind}.json`].$schema, schemaFor(kind));
    assert.ok(files[`${kind}.json`]!.startsWith(`{\n  "$schema": `), `${kind}.json starts with its $schema line`);
  }
  assert.notEqual(json['destination.json'].customerAuthenticationConfigurations[0].clientId, '1484362', 'not the example app\'s client id');
});

test('new project: bad answers get a sentence, not a project', () => {
  assert.match(scaffoldProblem({ name: 'x', adAccountId: '12a', identities: ['Email'] })!, /1 to 18 digits/);
  assert.match(scaffoldProblem({ name: 'x', adAccountId: '1234567890123456789', identities: ['Email'] })!, /1 to 18 digits/);
  assert.match(scaffoldProblem({ name: 'x', adAccountId: '1', identities: [] })!, /at least one identity/);
  assert.match(scaffoldProblem({ name: ' ', adAccountId: '1', identities: ['Email'] })!, /needs a name/);
  assert.equal(scaffoldProblem({ name: 'x', adAccountId: '123456789012345678', identities: ['IDFA'] }), undefined);
  assert.throws(() => scaffoldProject({ name: 'x', adAccountId: '', identities: ['Email'], schemaFor }), /1 to 18 digits/);
});
