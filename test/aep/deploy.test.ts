// deployProject, planDeploy and pullDestination through the authoring client, against the AEP
// simulator over real HTTP: dependency order, idempotence, dry run, refusal, the half-done deploy,
// conflicts, pull after deploy, and the bad inputs of issue 14.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthoringCall } from '../../src/core/aep/api';
import { authoringApi, recordCalls } from '../../src/core/aep/authoring';
import { createAepClientFromSettings } from '../../src/core/aep/client';
import { aepSettingsFromEnv } from '../../src/core/aep/credentials';
import { deployProject, planDeploy, type DeployReport } from '../../src/core/aep/deploy';
import { DeployState, deployStateStore } from '../../src/core/aep/deploy-state';
import { publishProject } from '../../src/core/aep/publish';
import { pullDestination } from '../../src/core/aep/pull';
import { AuthoringFailure } from '../../src/core/aep/api';
import { SERVER_SET_FIELDS, toPayload, projectResources, canonicalText } from '../../src/core/aep/resources';
import { loadProject } from '../../src/core/project/load';
import { validateProject } from '../../src/core/validate';
import { startAepSimulator, type AepSimulator, type AepSimulatorOptions } from '../../src/simulator/aep';
import { EXAMPLE_DIR } from '../helpers/example';

/** A copy of the example project (deploy writes .pindest/deploy.json into the folder). */
function exampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-deploy-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  return dir;
}

function editJson(path: string, edit: (v: any) => void): void {
  const v = JSON.parse(readFileSync(path, 'utf8'));
  edit(v);
  writeFileSync(path, JSON.stringify(v, null, 2) + '\n');
}

/** The client as `pindest deploy --aep-url` builds it, with the environment given. */
function connect(sim: AepSimulator, env: Record<string, string> = {}) {
  const settings = aepSettingsFromEnv(env, { environment: 'local', aepUrl: sim.baseUrl });
  const calls: AuthoringCall[] = [];
  const client = createAepClientFromSettings(settings, { onEvent: recordCalls(settings.baseUrl, calls), retryTimeScale: 0 });
  return { api: authoringApi(client), client, calls };
}

async function deploy(sim: AepSimulator, dir: string, opts: { dryRun?: boolean; force?: boolean; env?: Record<string, string> } = {}): Promise<DeployReport> {
  const { api, calls } = connect(sim, opts.env);
  const { project } = await loadProject([dir]);
  const state = await DeployState.open(deployStateStore(dir), { environment: 'local', aepUrl: api.baseUrl, sandbox: api.sandbox, imsOrg: api.imsOrg });
  const options = { projectDir: dir, project, api, state, calls, force: opts.force };
  return opts.dryRun ? planDeploy(options) : deployProject(options);
}

const writes = (r: DeployReport) => r.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path.replace(/[0-9a-f-]{36}/, 'ID')}`);
const actions = (r: DeployReport) => r.resources.map((x) => `${x.kind}:${x.action}`);

async function withSim<T>(fn: (sim: AepSimulator) => Promise<T>, options: AepSimulatorOptions = {}): Promise<T> {
  const sim = await startAepSimulator(options);
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}

test('first deploy creates the server, the template, then the destination naming their new ids', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const r = await deploy(sim, dir);
    assert.equal(r.outcome, 'succeeded', JSON.stringify(r.error));
    assert.deepEqual(actions(r), ['destination-server:created', 'audience-template:created', 'destination:created']);
    assert.deepEqual(writes(r), ['POST /destination-servers', 'POST /audience-templates', 'POST /destinations']);
    const [server, template, destination] = r.resources.map((x) => x.instanceId!);
    const { client } = connect(sim);
    const held: any = await client.destinations.get(destination!);
    assert.equal(held.destinationDelivery[0].destinationServerId, server);
    assert.equal(held.segmentMappingConfig.audienceTemplateId, template);
    assert.notEqual(server, JSON.parse(readFileSync(join(dir, 'destination-server.json'), 'utf8')).instanceId, 'AEP gives its own instanceId');
  }));

test('a second deploy of unchanged files says unchanged and writes nothing', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const first = await deploy(sim, dir);
    const second = await deploy(sim, dir);
    assert.equal(second.outcome, 'succeeded');
    assert.deepEqual(actions(second), ['destination-server:unchanged', 'audience-template:unchanged', 'destination:unchanged']);
    assert.deepEqual(writes(second), []);
    assert.deepEqual(second.resources.map((x) => x.instanceId), first.resources.map((x) => x.instanceId));
  }));

test('a changed file updates only its resource, in place', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const first = await deploy(sim, dir);
    editJson(join(dir, 'audience-template.json'), (v) => (v.metadataTemplate.create.requestBody.json.list_type = 'MAID'));
    const r = await deploy(sim, dir);
    assert.deepEqual(actions(r), ['destination-server:unchanged', 'audience-template:updated', 'destination:unchanged']);
    assert.deepEqual(writes(r), ['PUT /audience-templates/ID']);
    assert.equal(r.resources[1]!.instanceId, first.resources[1]!.instanceId);
  }));

test('--dry-run shows, per file, the diff between AEP and the file, and sends no write', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const created = await deploy(sim, dir, { dryRun: true });
    assert.equal(created.outcome, 'dry-run');
    assert.deepEqual(actions(created), ['destination-server:create', 'audience-template:create', 'destination:create']);
    assert.match(created.resources[0]!.diff!, /^--- \/dev\/null\n\+\+\+ local destination-server.json\n@@ -0,0 \+1,\d+ @@\n/);
    assert.deepEqual(writes(created), []);
    const { client } = connect(sim);
    assert.deepEqual(await client.destinationServers.list(), [], 'nothing was created');

    await deploy(sim, dir);
    editJson(join(dir, 'destination-server.json'), (v) => (v.name = 'Pinterest membership v2'));
    const changed = await deploy(sim, dir, { dryRun: true });
    assert.deepEqual(actions(changed), ['destination-server:update', 'audience-template:unchanged', 'destination:unchanged']);
    assert.match(changed.resources[0]!.diff!, /\n-  "name": "Pinterest customer list membership \(v5 PATCH\)",\n\+  "name": "Pinterest membership v2",\n/);
    assert.deepEqual(writes(changed), []);
    // The two sides, for an editor's diff view.
    assert.match(changed.resources[0]!.aepText!, /"name": "Pinterest customer list membership \(v5 PATCH\)"/);
    assert.match(changed.resources[0]!.localText!, /"name": "Pinterest membership v2"/);
    assert.equal(changed.resources[1]!.localText, undefined, 'nothing to show for an unchanged file');
    assert.equal(((await client.destinationServers.list())[0] as any).name, 'Pinterest customer list membership (v5 PATCH)');
  }));

test('validation errors refuse the deploy before any call', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    editJson(join(dir, 'destination.json'), (v) => (v.schemaConfig.segmentRequired = false));
    const r = await deploy(sim, dir);
    assert.equal(r.outcome, 'refused');
    assert.ok(r.findings!.some((f) => f.diagnostic.code === 'PD103'), JSON.stringify(r.findings));
    assert.match(r.error!.message, /validation error.*nothing was sent/);
    assert.deepEqual(r.calls, []);
  }));

test('a half-done deploy (destination refused) says what is in AEP; fixed and re-run, it creates nothing twice', async () => {
  const options: AepSimulatorOptions = { failOperations: { createDestination: 400 } };
  await withSim(async (sim) => {
    const dir = exampleCopy();
    const r = await deploy(sim, dir);
    assert.equal(r.outcome, 'failed');
    assert.deepEqual(actions(r), ['destination-server:created', 'audience-template:created', 'destination:failed']);
    const [server, template] = r.resources.map((x) => x.instanceId);
    assert.match(r.error!.message, new RegExp(`In AEP now: the destination server "Pinterest customer list membership \\(v5 PATCH\\)" \\(${server}, created\\); the audience template "Pinterest customer list" \\(${template}, created\\)`));
    assert.match(r.error!.whatToDo, /Deploy again to finish: the 2 resources above are reused, not created again\./);
    assert.match(r.error!.whatToDo, new RegExp(`To roll back instead, delete what this deploy created: DELETE ${sim.baseUrl}/audience-templates/${template}, DELETE ${sim.baseUrl}/destination-servers/${server}`));

    // AEP accepts destinations again (the test's fault is lifted); the next deploy finishes the job.
    delete options.failOperations!.createDestination;
    const again = await deploy(sim, dir);
    assert.equal(again.outcome, 'succeeded', JSON.stringify(again.error));
    assert.deepEqual(actions(again), ['destination-server:unchanged', 'audience-template:unchanged', 'destination:created']);
    assert.deepEqual(writes(again), ['POST /destinations']);
    const { client } = connect(sim);
    assert.equal((await client.destinationServers.list()).length, 1);
    assert.equal((await client.audienceTemplates.list()).length, 1);
    assert.equal((await client.destinations.list()).length, 1);
  }, options);
});

test('a resource changed in AEP since the last deploy is a conflict: nothing is written until --force', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const first = await deploy(sim, dir);
    const serverId = first.resources[0]!.instanceId!;
    const { client } = connect(sim);
    const held = await client.destinationServers.get(serverId);
    const theirs = { ...held, name: 'Renamed in the AEP UI' };
    for (const k of SERVER_SET_FIELDS) delete (theirs as any)[k];
    await client.destinationServers.update(serverId, theirs);
    editJson(join(dir, 'destination-server.json'), (v) => (v.name = 'Renamed here'));

    const r = await deploy(sim, dir);
    assert.equal(r.outcome, 'conflict');
    assert.equal(r.resources[0]!.action, 'conflict');
    assert.match(r.error!.message, /The destination server "Renamed here" \(destination-server.json\) was changed in AEP since the last deploy or pull from this folder/);
    assert.match(r.error!.whatToDo, /Nothing was sent\. To keep AEP's version, pull it .* to replace it with your file, deploy with --force/);
    assert.deepEqual(writes(r), []);
    assert.equal(((await client.destinationServers.get(serverId)) as any).name, 'Renamed in the AEP UI');

    const forced = await deploy(sim, dir, { force: true });
    assert.deepEqual(actions(forced), ['destination-server:updated', 'audience-template:unchanged', 'destination:unchanged']);
    assert.equal(((await client.destinationServers.get(serverId)) as any).name, 'Renamed here');
  }));

test('pull after deploy writes files that validate and equal the originals except the fields AEP sets', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const deployed = await deploy(sim, dir);
    const out = mkdtempSync(join(tmpdir(), 'pindest-pull-'));
    const { api } = connect(sim);
    const state = await DeployState.open(deployStateStore(out), { environment: 'local', aepUrl: api.baseUrl, sandbox: api.sandbox, imsOrg: api.imsOrg });
    const files = await pullDestination({ api, name: 'Pinterest Customer List', outputDir: out, state });
    assert.deepEqual(files.map((f) => f.kind), ['destination-server', 'audience-template', 'destination']);

    const pulled = await loadProject([out]);
    const errors = validateProject(pulled.project).flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error'));
    assert.deepEqual(errors, []);
    // Equal to the originals with AEP's ids in the references, server-set fields aside.
    const original = projectResources((await loadProject([dir])).project);
    const ids = { 'destination-server': deployed.resources[0]!.instanceId, 'audience-template': deployed.resources[1]!.instanceId };
    for (const [i, res] of projectResources(pulled.project).entries()) {
      assert.equal(canonicalText(res.value), canonicalText(toPayload(original[i]!, ids)), res.kind);
      assert.equal(res.value.instanceId, deployed.resources[i]!.instanceId);
      assert.equal('imsOrg' in res.value, false);
    }
    // The pulled folder deploys as unchanged: pull remembered what it read.
    const again = await deploy(sim, out);
    assert.deepEqual(actions(again), ['destination-server:unchanged', 'audience-template:unchanged', 'destination:unchanged']);
    assert.deepEqual(writes(again), []);
  }));

test('pull of a destination id AEP does not hold says so, with the sandbox and what to do', () =>
  withSim(async (sim) => {
    const { api } = connect(sim);
    const out = mkdtempSync(join(tmpdir(), 'pindest-pull-'));
    const state = await DeployState.open(deployStateStore(out), { environment: 'local', aepUrl: api.baseUrl, sandbox: api.sandbox, imsOrg: api.imsOrg });
    await assert.rejects(pullDestination({ api, destinationId: '00000000-0000-4000-8000-000000000000', outputDir: out, state }), (e: unknown) => e instanceof AuthoringFailure && /no destination with instanceId "00000000-0000-4000-8000-000000000000" in sandbox "prod"/.test(e.message) && /AEP_SANDBOX/.test(e.whatToDo));
  }));

test('wrong credentials and an unknown sandbox fail before anything is sent, with what to set', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const wrong = await deploy(sim, dir, { env: { AEP_ACCESS_TOKEN: 'not-a-valid-token', AEP_API_KEY: sim.seed.clientId, AEP_IMS_ORG: sim.seed.imsOrg } });
    assert.equal(wrong.outcome, 'failed');
    assert.match(wrong.error!.message, /AEP refused the access token.*AEP_ACCESS_TOKEN.*Nothing was sent\./);
    assert.deepEqual(writes(wrong), []);
    const sandbox = await deploy(sim, dir, { env: { AEP_SANDBOX: 'no-such-sandbox' } });
    assert.equal(sandbox.outcome, 'failed');
    assert.match(sandbox.error!.message, /sandbox "no-such-sandbox"/);
    assert.match(sandbox.error!.message, /AEP_SANDBOX/);
    assert.deepEqual(writes(sandbox), []);
  }));

test('429 and 5xx from AEP: retried reads, then a message saying to run again; nothing half-written', async () => {
  await withSim(async (sim) => {
    const r = await deploy(sim, exampleCopy());
    assert.equal(r.outcome, 'failed');
    assert.match(r.error!.message, /AEP is limiting the rate of these calls \(429\) after 3 attempts/);
    assert.equal(r.calls.filter((c) => c.status === 429).length, 3, 'each attempt is in the report');
    assert.deepEqual(writes(r), []);
  }, { faults: '429:1' });
  const options: AepSimulatorOptions = { failOperations: { createAudienceTemplate: 503 } };
  await withSim(async (sim) => {
    const dir = exampleCopy();
    const r = await deploy(sim, dir);
    assert.deepEqual(actions(r), ['destination-server:created', 'audience-template:failed', 'destination:not sent']);
    assert.match(r.error!.message, /AEP answered 503 to POST audience template/);
    assert.match(r.error!.whatToDo, /Run deploy again later\. Deploy again to finish: the resource above is reused/);
    delete options.failOperations!.createAudienceTemplate;
    const again = await deploy(sim, dir);
    assert.deepEqual(actions(again), ['destination-server:unchanged', 'audience-template:created', 'destination:created']);
  }, options);
});

test('publish submits the deployed destination and reports the status of its requests', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const deployed = await deploy(sim, dir);
    const { api } = connect(sim);
    const { project } = await loadProject([dir]);
    const state = await DeployState.open(deployStateStore(dir), { environment: 'local', aepUrl: api.baseUrl, sandbox: api.sandbox, imsOrg: api.imsOrg });
    const r = await publishProject({ projectDir: dir, project, api, state });
    assert.equal(r.destinationId, deployed.resources[2]!.instanceId);
    assert.ok(r.requests.some((q) => q.status === 'REVIEW' || q.status === 'TEST'), JSON.stringify(r.requests));
    assert.equal(r.notDeployed, undefined);
  }));

test('a create whose answer is lost is looked up by name on the next deploy and adopted, not made twice', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const { api, calls } = connect(sim);
    // The destination's create reaches AEP, but its answer never comes back (a dropped connection).
    const lossy = {
      ...api,
      async create(kind: any, body: any, signal?: AbortSignal) {
        const made = await api.create(kind, body, signal);
        if (kind === 'destination') throw new AuthoringFailure('No complete answer from AEP to POST /destinations (connection: ECONNRESET).', 'Check the network and the AEP URL, then run again.');
        return made;
      },
    };
    const { project } = await loadProject([dir]);
    const target = { environment: 'local', aepUrl: api.baseUrl, sandbox: api.sandbox, imsOrg: api.imsOrg };
    const r = await deployProject({ projectDir: dir, project, api: lossy, state: await DeployState.open(deployStateStore(dir), target), calls });
    assert.equal(r.outcome, 'failed');
    assert.match(r.error!.message, /The destination "Pinterest Customer List" may have been created without an answer: the next deploy looks it up by name before creating it\./);
    const state = JSON.parse(readFileSync(join(dir, '.pindest', 'deploy.json'), 'utf8'));
    assert.equal(state.resources.find((x: any) => x.kind === 'destination').status, 'pending');

    const again = await deploy(sim, dir);
    assert.equal(again.outcome, 'succeeded', JSON.stringify(again.error));
    assert.deepEqual(actions(again), ['destination-server:unchanged', 'audience-template:unchanged', 'destination:unchanged']);
    assert.deepEqual(writes(again), []);
    const { client } = connect(sim);
    assert.equal((await client.destinations.list()).length, 1);
  }));

test('a create answered 504 by the gateway may have happened: kept pending, and adopted by name on the next deploy', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const { api, calls } = connect(sim);
    // The gateway times out while AEP creates the destination behind it.
    const lossy = {
      ...api,
      async create(kind: any, body: any, signal?: AbortSignal) {
        const made = await api.create(kind, body, signal);
        if (kind === 'destination') throw new AuthoringFailure('AEP answered 504 to POST destination configuration: Adobe\'s service is failing; run again later.', 'Run deploy again later.', 504);
        return made;
      },
    };
    const { project } = await loadProject([dir]);
    const target = { environment: 'local', aepUrl: api.baseUrl, sandbox: api.sandbox, imsOrg: api.imsOrg };
    const r = await deployProject({ projectDir: dir, project, api: lossy, state: await DeployState.open(deployStateStore(dir), target), calls });
    assert.equal(r.outcome, 'failed');
    assert.match(r.error!.message, /may have been created without an answer: the next deploy looks it up by name before creating it\./);
    const again = await deploy(sim, dir);
    assert.equal(again.outcome, 'succeeded', JSON.stringify(again.error));
    assert.deepEqual(actions(again), ['destination-server:unchanged', 'audience-template:unchanged', 'destination:unchanged']);
    const { client } = connect(sim);
    assert.equal((await client.destinations.list()).length, 1);
  }));

test('progress is reported per resource; a cancelled deploy sends nothing and says how to finish', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const { api, calls } = connect(sim);
    const { project } = await loadProject([dir]);
    const state = await DeployState.open(deployStateStore(dir), { environment: 'local', aepUrl: api.baseUrl, sandbox: api.sandbox, imsOrg: api.imsOrg });
    const seen: string[] = [];
    const r = await deployProject({ projectDir: dir, project, api, state, calls, onProgress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}${p.kind ? ` ${p.kind}` : ''}`) });
    assert.equal(r.outcome, 'succeeded');
    assert.deepEqual(seen, ['plan 0/3 destination-server', 'plan 1/3 audience-template', 'plan 2/3 destination', 'plan 3/3', 'deploy 0/3 destination-server', 'deploy 1/3 audience-template', 'deploy 2/3 destination', 'deploy 3/3']);

    const cancelled = await deployProject({ projectDir: exampleCopy(), project, api, state, calls: [], signal: AbortSignal.abort() });
    assert.equal(cancelled.outcome, 'failed');
    assert.match(cancelled.error!.message, /^The deploy was cancelled\. Nothing was sent\./);
    assert.deepEqual(cancelled.calls, []);
  }));

test('another folder deploying the same resources meets a conflict naming them, not a second copy in AEP', () =>
  withSim(async (sim) => {
    const first = await deploy(sim, exampleCopy());
    const r = await deploy(sim, exampleCopy());
    assert.equal(r.outcome, 'conflict');
    assert.match(r.error!.message, new RegExp(`AEP already holds a destination server named "Pinterest customer list membership \\(v5 PATCH\\)" \\(${first.resources[0]!.instanceId}\\) that this folder did not deploy\\.`));
    assert.match(r.error!.whatToDo, /set "instanceId" in destination-server\.json to its id and deploy again/);
    assert.deepEqual(writes(r), []);
    const { client } = connect(sim);
    assert.equal((await client.destinationServers.list()).length, 1);
  }));

test('a change in AEP that is exactly what the folder would send is no conflict', () =>
  withSim(async (sim) => {
    const a = exampleCopy();
    await deploy(sim, a);
    // A second folder pulled from AEP makes the same edit as the first and deploys it first.
    const b = mkdtempSync(join(tmpdir(), 'pindest-pull-'));
    const { api } = connect(sim);
    await pullDestination({ api, name: 'Pinterest Customer List', outputDir: b, state: await DeployState.open(deployStateStore(b), { environment: 'local', aepUrl: api.baseUrl, sandbox: api.sandbox, imsOrg: api.imsOrg }) });
    for (const dir of [a, b]) editJson(join(dir, 'destination.json'), (v) => (v.description = 'Same edit in both folders.'));
    assert.deepEqual(actions(await deploy(sim, b)), ['destination-server:unchanged', 'audience-template:unchanged', 'destination:updated']);
    const r = await deploy(sim, a);
    assert.equal(r.outcome, 'succeeded', JSON.stringify(r.error));
    assert.deepEqual(actions(r), ['destination-server:unchanged', 'audience-template:unchanged', 'destination:unchanged']);
  }));

test('a destination without "status" (AEP stores TEST) deploys once, then stays unchanged', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    editJson(join(dir, 'destination.json'), (v) => delete v.status);
    assert.equal((await deploy(sim, dir)).outcome, 'succeeded');
    const again = await deploy(sim, dir);
    assert.deepEqual(actions(again), ['destination-server:unchanged', 'audience-template:unchanged', 'destination:unchanged']);
    assert.deepEqual(writes(again), []);
  }));

test('pull into a project whose files have other names rewrites them only when asked, and the folder deploys unchanged', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const first = await deploy(sim, dir);
    const renamed = mkdtempSync(join(tmpdir(), 'pindest-pull-'));
    for (const [from, to] of [['destination.json', 'pinterest.destination.json'], ['destination-server.json', 'pinterest.destination-server.json'], ['audience-template.json', 'pinterest.audience-template.json']]) {
      cpSync(join(dir, from!), join(renamed, to!));
    }
    const { api } = connect(sim);
    const state = await DeployState.open(deployStateStore(renamed), { environment: 'local', aepUrl: api.baseUrl, sandbox: api.sandbox, imsOrg: api.imsOrg });
    // The local destination names the example's ids, AEP's the ids AEP gave: a content change, made
    // only when asked (what AEP merely adds, instanceId and dates, is no change).
    const before = readFileSync(join(renamed, 'pinterest.destination.json'), 'utf8');
    await assert.rejects(pullDestination({ api, destinationId: first.resources[2]!.instanceId!, outputDir: renamed, state }), (e: unknown) =>
      e instanceof AuthoringFailure && /^Pull would replace a file of .* that differs from AEP's version \(pinterest\.destination\.json\); nothing was written\.$/.test(e.message) && /--force/.test(e.whatToDo));
    assert.equal(readFileSync(join(renamed, 'pinterest.destination.json'), 'utf8'), before);
    const files = await pullDestination({ api, destinationId: first.resources[2]!.instanceId!, outputDir: renamed, state, overwrite: true });
    assert.deepEqual(files.map((f) => f.path.slice(renamed.length + 1)), ['pinterest.destination-server.json', 'pinterest.audience-template.json', 'pinterest.destination.json']);
    assert.equal(JSON.parse(readFileSync(join(renamed, 'pinterest.destination.json'), 'utf8')).instanceId, first.resources[2]!.instanceId);
    const again = await deploy(sim, renamed);
    assert.deepEqual(actions(again), ['destination-server:unchanged', 'audience-template:unchanged', 'destination:unchanged']);
  }));
