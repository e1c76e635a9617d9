// What the extension's Deploy to AEP shows and does, through its binding to the core
// (src/extension/aep-core.ts) with the real authoring client over HTTP against the AEP simulator:
// the plan's diff sides (AEP's copy, what would be sent), the deploy, its report page, a second
// deploy that changes nothing, an edit shown as an update, a half-done deploy that says what is in
// AEP and is finished by the next deploy without creating anything twice, cancel, and pull.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AuthoringCall } from '../../src/core/aep/api';
import { authoringApi, recordCalls } from '../../src/core/aep/authoring';
import { createAepClientFromSettings, oneResource } from '../../src/core/aep/client';
import { aepSettingsFromEnv } from '../../src/core/aep/credentials';
import { memoryStateStore, type StateStore } from '../../src/core/execute/state';
import { loadProject } from '../../src/core/project/load';
import type { Project } from '../../src/core/project/project';
import { validateProject } from '../../src/core/validate';
import { startAepSimulator, type AepSimulator, type AepSimulatorOptions } from '../../src/simulator/aep';
import type { AepConnection, DeployRun } from '../../src/extension/aep-api';
import { createAepApi } from '../../src/extension/aep-core';
import { renderDeployPage } from '../../src/extension/deploy-html';
import { EXAMPLE_DIR } from '../helpers/example';
import { aepCall } from '../aep/helpers';

const RES = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'AAAAAAAAAAAAAAAAAAAAAA==', scriptUri: 'https://x/dist/webview.js', styleUri: 'https://x/media/preview.css' };
const XSS = '<img src=x onerror=alert(1)></script>"><svg onload=alert(3)>';

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'pindest-aep-core-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the example project (never the example itself), optionally edited. */
function projectDir(name: string, edit?: (dest: Record<string, unknown>) => void): string {
  const dir = join(tmp, name);
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  if (edit) {
    const p = join(dir, 'destination.json');
    const d = JSON.parse(readFileSync(p, 'utf8'));
    edit(d);
    writeFileSync(p, JSON.stringify(d, null, 2) + '\n');
  }
  return dir;
}

async function load(dir: string): Promise<Project> {
  return (await loadProject([dir])).project;
}

/** The binding as the extension builds it, against a simulator; states in memory per folder, as for the simulator inside VS Code. */
async function setup(options: AepSimulatorOptions = {}) {
  const sim = await startAepSimulator({ port: 0, ...options });
  const states = new Map<string, StateStore>();
  const api = createAepApi({
    connect: async (conn, calls: AuthoringCall[]) => {
      const settings = aepSettingsFromEnv({ AEP_SANDBOX: conn.sandbox }, { environment: 'local', aepUrl: conn.target.baseUrl });
      return { api: authoringApi(createAepClientFromSettings(settings, { onEvent: recordCalls(settings.baseUrl, calls), retryTimeScale: 0 })), close: async () => {} };
    },
    stateStore: (_conn, folder) => {
      let s = states.get(folder);
      if (!s) states.set(folder, (s = memoryStateStore('memory only')));
      return s;
    },
  });
  const conn: AepConnection = { target: { environment: 'local', baseUrl: sim.baseUrl, needsSimulator: false }, sandbox: 'prod' };
  return { sim, api, conn };
}

async function run(conn: AepConnection, folder: string, extra: Partial<DeployRun> = {}): Promise<DeployRun> {
  return { folder, project: await load(folder), conn, ...extra };
}

const stored = (sim: AepSimulator, kind: 'destinations' | 'destination-servers' | 'audience-templates') => [...sim.state.sandboxes.get('prod')!.resources[kind].values()];

test('a first deploy: the plan shows three creates in dependency order, AEP\'s side empty, the right side what would be sent', async () => {
  const { sim, api, conn } = await setup();
  try {
    const dir = projectDir('first');
    const plan = await api.plan(await run(conn, dir));
    assert.equal(plan.outcome, 'ready');
    assert.deepEqual(plan.items.map((i) => [i.kind, i.action, i.file]), [
      ['destination-server', 'create', 'destination-server.json'],
      ['audience-template', 'create', 'audience-template.json'],
      ['destination', 'create', 'destination.json'],
    ]);
    for (const i of plan.items) assert.equal(i.aep, undefined, `${i.kind}: AEP holds nothing yet`);
    const local = JSON.parse(plan.items[2]!.local!);
    const file = JSON.parse(readFileSync(join(dir, 'destination.json'), 'utf8'));
    assert.equal(local.name, file.name);
    assert.equal(local.instanceId, undefined, 'server-set fields are not sent');
    // the server is not created yet: its id is the placeholder AEP's answer replaces
    assert.match(JSON.stringify(local.destinationDelivery), /instanceId given by AEP on create/);
    assert.equal(stored(sim, 'destinations').length, 0, 'planning sent no write');
  } finally {
    await sim.close();
  }
});

test('the deploy creates the three; its report page lists them created with their ids and every call; a second plan finds nothing to do', async () => {
  const { sim, api, conn } = await setup();
  try {
    const dir = projectDir('deploy');
    const progress: string[] = [];
    const result = await api.deploy(await run(conn, dir), (p) => progress.push(`${p.message} ${p.done}/${p.total}`));
    assert.equal(result.outcome, 'succeeded');
    assert.deepEqual(result.resources.map((r) => `${r.kind}=${r.action}`), ['destination-server=created', 'audience-template=created', 'destination=created']);
    const ids = result.resources.map((r) => r.instanceId);
    assert.deepEqual(ids, [stored(sim, 'destination-servers')[0]!.instanceId, stored(sim, 'audience-templates')[0]!.instanceId, stored(sim, 'destinations')[0]!.instanceId].map(String));
    assert.deepEqual(result.calls.filter((c) => c.method === 'POST').map((c) => `${c.method} ${c.path} ${c.status}`), ['POST /destination-servers 200', 'POST /audience-templates 200', 'POST /destinations 200']);
    assert.ok(progress.includes('destination 2/3'), progress.join(', '));
    const page = renderDeployPage({ result }, RES);
    assert.match(page, /<h1 id="deploy-title" class="ok">Deployed to AEP<\/h1>/);
    assert.match(page, /data-count="created">3</);
    for (const id of ids) assert.ok(page.includes(id!), `the page names ${id}`);
    assert.equal([...page.matchAll(/data-result="created"/g)].length, 3);
    // the plan's lookups that AEP answered 404 (not there yet) are not shown as failures
    assert.ok(result.calls.some((c) => c.method === 'GET' && c.status === 404));
    assert.match(page, /<span class="status muted">404<\/span>/);
    assert.doesNotMatch(page, /class="status bad"/);
    assert.doesNotMatch(page, new RegExp(`${sim.seed.accessToken}|${sim.seed.clientSecret}`), 'no credential on the page');
    const again = await api.plan(await run(conn, dir));
    assert.deepEqual(again.items.map((i) => i.action), ['unchanged', 'unchanged', 'unchanged']);
    assert.equal(again.items[0]!.aep, again.items[0]!.local, 'unchanged: both sides equal');
  } finally {
    await sim.close();
  }
});

test('an edit is planned as an update: AEP\'s side holds what AEP has, the right side the edit', async () => {
  const { sim, api, conn } = await setup();
  try {
    const dir = projectDir('edit');
    assert.equal((await api.deploy(await run(conn, dir), () => {})).outcome, 'succeeded');
    const p = join(dir, 'destination.json');
    const d = JSON.parse(readFileSync(p, 'utf8'));
    const before = d.description;
    d.description = 'Edited before a deploy';
    writeFileSync(p, JSON.stringify(d, null, 2));
    const plan = await api.plan(await run(conn, dir));
    const dest = plan.items.find((i) => i.kind === 'destination')!;
    assert.equal(dest.action, 'update');
    assert.equal(JSON.parse(dest.aep!).description, before);
    assert.equal(JSON.parse(dest.local!).description, 'Edited before a deploy');
    // the server's id AEP holds is what the destination would name: no difference there
    assert.deepEqual(JSON.parse(dest.aep!).destinationDelivery, JSON.parse(dest.local!).destinationDelivery);
    const result = await api.deploy(await run(conn, dir), () => {});
    assert.deepEqual(result.resources.map((r) => r.action), ['unchanged', 'unchanged', 'updated']);
  } finally {
    await sim.close();
  }
});

test('a half-done deploy (destination refused) says what is in AEP now and how to finish; the next deploy finishes without creating twice', async () => {
  const { sim, api, conn } = await setup({ failOperations: { createDestination: 400 } });
  try {
    const dir = projectDir('half');
    const result = await api.deploy(await run(conn, dir), () => {});
    assert.equal(result.outcome, 'failed');
    assert.deepEqual(result.resources.map((r) => `${r.kind}=${r.action}`), ['destination-server=created', 'audience-template=created', 'destination=failed']);
    assert.match(result.failure!.message, /In AEP now: the destination server "[^"]+" \([\w-]+, created\); the audience template "[^"]+" \([\w-]+, created\)\./);
    assert.match(result.failure!.whatToDo, /deploy again to finish/i);
    const page = renderDeployPage({ result }, RES);
    assert.match(page, /id="failure"/);
    assert.match(page, /id="how-to-finish"/);
    assert.match(page, /data-result="failed"/);
  } finally {
    await sim.close();
  }
});

test('the next deploy finishes a half-done one: the server and template are reused, only the destination is created', async () => {
  // The simulator reads its failOperations on each request: lifting the refusal is AEP accepting the fixed destination.
  const refuse: AepSimulatorOptions['failOperations'] = { createDestination: 400 };
  const { sim, api, conn } = await setup({ failOperations: refuse });
  try {
    const dir = projectDir('finish');
    assert.equal((await api.deploy(await run(conn, dir), () => {})).outcome, 'failed');
    delete refuse.createDestination;
    const plan = await api.plan(await run(conn, dir));
    assert.deepEqual(plan.items.map((i) => i.action), ['unchanged', 'unchanged', 'create']);
    const result = await api.deploy(await run(conn, dir), () => {});
    assert.equal(result.outcome, 'succeeded');
    assert.deepEqual(result.resources.map((r) => r.action), ['unchanged', 'unchanged', 'created']);
    assert.equal(stored(sim, 'destination-servers').length, 1, 'the server was not created twice');
    assert.equal(stored(sim, 'audience-templates').length, 1, 'the template was not created twice');
    assert.equal(stored(sim, 'destinations').length, 1);
  } finally {
    await sim.close();
  }
});

test('a cancelled deploy is reported cancelled, and nothing after the cancel is sent', async () => {
  const { sim, api, conn } = await setup();
  try {
    const dir = projectDir('cancel');
    const abort = new AbortController();
    abort.abort();
    const result = await api.deploy(await run(conn, dir, { signal: abort.signal }), () => {});
    assert.equal(result.outcome, 'cancelled');
    assert.equal(result.calls.filter((c) => c.method === 'POST').length, 0);
    assert.equal(stored(sim, 'destinations').length, 0);
  } finally {
    await sim.close();
  }
});

test('destinations are listed by name for the pull picker; pull writes a project that validates, and names its destination file', async () => {
  const { sim, api, conn } = await setup();
  try {
    const dir = projectDir('to-pull');
    const deployed = await api.deploy(await run(conn, dir), () => {});
    const list = await api.listDestinations(conn);
    const name = JSON.parse(readFileSync(join(dir, 'destination.json'), 'utf8')).name;
    assert.deepEqual(list.map((d) => [d.instanceId, d.name]), [[deployed.resources[2]!.instanceId, name]]);
    const out = join(tmp, 'pulled');
    const pulled = await api.pull(conn, list[0]!.instanceId, out);
    assert.equal(pulled.destinationFile, join(out, 'destination.json'));
    assert.deepEqual(pulled.files.map((f) => f.slice(out.length + 1)).sort(), ['audience-template.json', 'destination-server.json', 'destination.json']);
    const findings = validateProject(await load(out)).flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${r.path} ${d.code}`));
    assert.deepEqual(findings, []);
    // what was pulled is what AEP holds: deploying the pulled folder changes nothing
    const plan = await api.plan(await run(conn, out));
    assert.deepEqual(plan.items.map((i) => i.action), ['unchanged', 'unchanged', 'unchanged']);
  } finally {
    await sim.close();
  }
});

test('a destination changed in AEP since the deploy is a conflict: nothing is written, the diff shows AEP\'s version, and only force overwrites it', async () => {
  const { sim, api, conn } = await setup();
  try {
    const dir = projectDir('conflict');
    const first = await api.deploy(await run(conn, dir), () => {});
    const id = first.resources[2]!.instanceId!;
    // someone edits the destination in AEP (the authoring API, as the UI or Postman would)
    const current: Record<string, unknown> = { ...oneResource((await aepCall(sim, 'GET', `/destinations/${id}`)).body) };
    const edited: Record<string, unknown> = { ...current, description: 'Changed in AEP by someone else' };
    for (const k of ['instanceId', 'createdDate', 'lastModifiedDate', 'imsOrg', 'sandboxName', 'sandboxId']) delete edited[k];
    assert.equal((await aepCall(sim, 'PUT', `/destinations/${id}`, { body: edited })).status, 200);
    const plan = await api.plan(await run(conn, dir));
    assert.equal(plan.outcome, 'conflict');
    const dest = plan.items.find((i) => i.kind === 'destination')!;
    assert.equal(dest.action, 'conflict');
    assert.equal(JSON.parse(dest.aep!).description, 'Changed in AEP by someone else');
    assert.notEqual(JSON.parse(dest.local!).description, 'Changed in AEP by someone else');
    assert.match(plan.failure!.message, /changed in AEP since the last deploy or pull/);
    const refused = await api.deploy(await run(conn, dir), () => {});
    assert.equal(refused.outcome, 'conflict');
    assert.equal(refused.calls.filter((c) => c.method === 'PUT' || c.method === 'POST').length, 0, 'nothing written');
    const forced = await api.deploy(await run(conn, dir, { force: true }), () => {});
    assert.equal(forced.outcome, 'succeeded');
    assert.deepEqual(forced.resources.map((r) => r.action), ['unchanged', 'unchanged', 'updated']);
    assert.equal(oneResource((await aepCall(sim, 'GET', `/destinations/${id}`)).body).description, JSON.parse(readFileSync(join(dir, 'destination.json'), 'utf8')).description);
  } finally {
    await sim.close();
  }
});

test('publish submits the destination this folder deployed and says its status', async () => {
  const { sim, api, conn } = await setup();
  try {
    const dir = projectDir('publish');
    const deployed = await api.deploy(await run(conn, dir), () => {});
    const r = await api.publish(await run(conn, dir));
    assert.equal(r.destinationId, deployed.resources[2]!.instanceId);
    assert.equal(r.name, deployed.resources[2]!.name);
    assert.match(r.status, /^(TEST|REVIEW|APPROVED|PUBLISHED)(, \w+)*$/);
    assert.equal(r.notDeployed, undefined, 'AEP holds what the folder has');
  } finally {
    await sim.close();
  }
});

test('hostile names stay text on the report page', async () => {
  const { sim, api, conn } = await setup();
  try {
    const dir = projectDir('xss', (d) => {
      d.name = XSS;
    });
    const result = await api.deploy(await run(conn, dir), () => {});
    assert.equal(result.outcome, 'succeeded', JSON.stringify(result.failure));
    const page = renderDeployPage({ result }, RES);
    assert.ok(!page.includes(XSS), 'the payload is escaped');
    assert.match(page, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.equal([...page.matchAll(/<script/g)].length, 1, 'only the bundled script');
  } finally {
    await sim.close();
  }
});
