/** `pindest deploy`, `pull` and `publish` as a user runs them: the built CLI, real HTTP to the AEP simulator. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAepSimulator, type AepSimulator, type AepSimulatorOptions } from '../../src/simulator/aep';
import { EXAMPLE_DIR } from '../helpers/example';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');

/** The environment without any AEP credential of the machine running the tests. */
function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = { ...process.env };
  for (const k of Object.keys(clean)) if (k.startsWith('AEP_') || k.startsWith('LC_') || k === 'LANG') delete clean[k];
  return { ...clean, ...env };
}

function pindest(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: cleanEnv(env) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI against a simulator of this process (so not spawnSync: the simulator must keep answering). */
function pindestAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: cleanEnv(env) }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

function exampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-deploy-cli-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  return dir;
}

function editJson(path: string, edit: (v: any) => void): void {
  const v = JSON.parse(readFileSync(path, 'utf8'));
  edit(v);
  writeFileSync(path, JSON.stringify(v, null, 2) + '\n');
}

async function withSim<T>(fn: (sim: AepSimulator) => Promise<T>, options: AepSimulatorOptions = {}): Promise<T> {
  const sim = await startAepSimulator(options);
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}

const writes = (json: any) => json.calls.filter((c: any) => c.method !== 'GET').map((c: any) => `${c.method} ${c.path.replace(/[0-9a-f-]{36}/, 'ID')}`);

test('deploy with no options uses an embedded AEP simulator: three creates in dependency order, json as the issue gives it', () => {
  const dir = exampleCopy();
  const r = pindest(['deploy', '--format', 'json', dir]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.outcome, 'succeeded');
  assert.deepEqual(json.resources.map((x: any) => [x.kind, x.name, x.action]), [
    ['destination-server', 'Pinterest customer list membership (v5 PATCH)', 'created'],
    ['audience-template', 'Pinterest customer list', 'created'],
    ['destination', 'Pinterest Customer List', 'created'],
  ]);
  for (const x of json.resources) assert.match(x.instanceId, /^[0-9a-f-]{36}$/);
  assert.deepEqual(writes(json), ['POST /destination-servers', 'POST /audience-templates', 'POST /destinations']);
  for (const c of json.calls) assert.deepEqual(Object.keys(c), ['method', 'path', 'status']);
  assert.equal(existsSync(join(dir, '.pindest', 'deploy.json')), false, 'the embedded simulator starts empty: nothing is remembered');
});

test('against a running simulator: created, then unchanged with no write, then only the changed file updated', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const first = await pindestAsync(['deploy', '--aep-url', sim.baseUrl, dir]);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /^Deployed to AEP — local \(http:\/\/127\.0\.0\.1:\d+\/data\/core\/activation\/authoring\), sandbox prod\n/);
    assert.match(first.stdout, /destination server "Pinterest customer list membership \(v5 PATCH\)" \(destination-server\.json\): created, instanceId [0-9a-f-]{36}/);
    assert.match(first.stdout, /instanceIds remembered in .*\.pindest\/deploy\.json/);
    assert.ok(existsSync(join(dir, '.pindest', 'deploy.json')));

    const second = await pindestAsync(['deploy', '--aep-url', sim.baseUrl, '--format', 'json', dir]);
    assert.equal(second.code, 0);
    const json = JSON.parse(second.stdout);
    assert.deepEqual(json.resources.map((x: any) => x.action), ['unchanged', 'unchanged', 'unchanged']);
    assert.deepEqual(writes(json), []);
    const secondText = await pindestAsync(['deploy', '--aep-url', sim.baseUrl, dir]);
    assert.match(secondText.stdout, /^Nothing to deploy: AEP already holds these files \(3 unchanged\)/);

    editJson(join(dir, 'destination.json'), (v) => (v.description = 'Audiences to Pinterest customer lists.'));
    const third = JSON.parse((await pindestAsync(['deploy', '--aep-url', sim.baseUrl, '--format', 'json', dir])).stdout);
    assert.deepEqual(third.resources.map((x: any) => x.action), ['unchanged', 'unchanged', 'updated']);
    assert.deepEqual(writes(third), ['PUT /destinations/ID']);
  }));

test('no credential reaches the output, the JSON report or .pindest/deploy.json', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const secrets = { AEP_CLIENT_ID: sim.seed.clientId, AEP_CLIENT_SECRET: sim.seed.clientSecret, AEP_IMS_ORG: sim.seed.imsOrg };
    const text = await pindestAsync(['deploy', '--aep-url', sim.baseUrl, dir], secrets);
    assert.equal(text.code, 0, text.stderr);
    const json = await pindestAsync(['deploy', '--aep-url', sim.baseUrl, '--format', 'json', dir], { AEP_ACCESS_TOKEN: sim.seed.accessToken, AEP_API_KEY: sim.seed.clientId, AEP_IMS_ORG: sim.seed.imsOrg });
    assert.equal(json.code, 0, json.stderr);
    const pulled = await pindestAsync(['pull', '--name', 'Pinterest Customer List', '--output', join(dir, 'pulled'), '--aep-url', sim.baseUrl, '--format', 'json'], secrets);
    assert.equal(pulled.code, 0, pulled.stderr);
    const state = readFileSync(join(dir, '.pindest', 'deploy.json'), 'utf8') + readFileSync(join(dir, 'pulled', '.pindest', 'deploy.json'), 'utf8');
    for (const out of [text.stdout, text.stderr, json.stdout, json.stderr, pulled.stdout, state]) {
      for (const secret of [sim.seed.clientSecret, sim.seed.accessToken]) assert.ok(!out.includes(secret), 'a credential was printed or stored');
      assert.doesNotMatch(out, /bearer|authorization|x-api-key/i);
    }
  }));

test('--dry-run prints the diff per file and sends no write', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    await pindestAsync(['deploy', '--aep-url', sim.baseUrl, dir]);
    editJson(join(dir, 'destination-server.json'), (v) => (v.httpTemplate.httpMethod = 'POST'));
    const r = await pindestAsync(['deploy', '--dry-run', '--aep-url', sim.baseUrl, dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Dry run: nothing was sent, only read/);
    assert.match(r.stdout, /destination server .*: would be updated, instanceId/);
    assert.match(r.stdout, /--- AEP destination server [0-9a-f-]{36}\n\+\+\+ local destination-server\.json\n@@ [^\n]+ @@\n/);
    assert.match(r.stdout, /\n-    "httpMethod": "PATCH",\n\+    "httpMethod": "POST",\n/);
    assert.doesNotMatch(r.stdout, / (POST|PUT|DELETE) \//);
    const after = JSON.parse((await pindestAsync(['deploy', '--dry-run', '--format', 'json', '--aep-url', sim.baseUrl, dir])).stdout);
    assert.equal(after.resources[0].action, 'update', 'the dry run changed nothing in AEP');
    // Nor on disk: a first dry run of a folder leaves no deploy state behind.
    const fresh = exampleCopy();
    const first = await pindestAsync(['deploy', '--dry-run', '--aep-url', sim.baseUrl, fresh]);
    assert.match(first.stdout, /^Deploy stopped on a conflict: nothing was sent/, 'the example is in AEP already, deployed from another folder');
    assert.equal(existsSync(join(fresh, '.pindest')), false);
  }));

test('validation errors refuse the deploy: the findings, exit 1, no call', () => {
  const dir = exampleCopy();
  editJson(join(dir, 'destination-server.json'), (v) => (v.httpTemplate.httpMethod = 'FETCH'));
  const r = pindest(['deploy', dir]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^Deploy refused: nothing was sent/);
  assert.match(r.stdout, /destination-server\.json:\d+:\d+ error PD\d+ /);
  assert.match(r.stdout, /The project has \d+ validation errors?, so nothing was sent to AEP\./);
  assert.doesNotMatch(r.stdout, /Calls \(/);
});

test('a half-done deploy says what is in AEP and how to finish or roll back; the next run creates nothing twice', async () => {
  const options: AepSimulatorOptions = { failOperations: { createDestination: 400 } };
  await withSim(async (sim) => {
    const dir = exampleCopy();
    const r = await pindestAsync(['deploy', '--aep-url', sim.baseUrl, dir]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^Deploy failed/);
    assert.match(r.stdout, /destination "Pinterest Customer List" \(destination\.json\): failed/);
    assert.match(r.stdout, /AEP rejected POST destination configuration \(400\)/);
    assert.match(r.stdout, /In AEP now: the destination server "Pinterest customer list membership \(v5 PATCH\)" \([0-9a-f-]{36}, created\); the audience template "Pinterest customer list" \([0-9a-f-]{36}, created\)\./);
    assert.match(r.stdout, /Deploy again to finish: the 2 resources above are reused, not created again\. To roll back instead, delete what this deploy created: DELETE http:\/\/127\.0\.0\.1:\d+\/data\/core\/activation\/authoring\/audience-templates\//);
    delete options.failOperations!.createDestination;
    const again = JSON.parse((await pindestAsync(['deploy', '--aep-url', sim.baseUrl, '--format', 'json', dir])).stdout);
    assert.equal(again.outcome, 'succeeded');
    assert.deepEqual(again.resources.map((x: any) => x.action), ['unchanged', 'unchanged', 'created']);
    assert.deepEqual(writes(again), ['POST /destinations']);
  }, options);
});

test('a change made in AEP since the last deploy is a conflict, with what to do; nothing is overwritten', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const first = JSON.parse((await pindestAsync(['deploy', '--aep-url', sim.baseUrl, '--format', 'json', dir])).stdout);
    const id = first.resources[2].instanceId;
    // Someone edits the destination in AEP (another folder pulled it, changed it and deployed).
    const other = mkdtempSync(join(tmpdir(), 'pindest-pull-cli-'));
    const pulled = await pindestAsync(['pull', '--destination-id', id, '--output', other, '--aep-url', sim.baseUrl]);
    assert.equal(pulled.code, 0, pulled.stderr);
    editJson(join(other, 'destination.json'), (v) => (v.description = 'Edited elsewhere.'));
    assert.equal((await pindestAsync(['deploy', '--aep-url', sim.baseUrl, other])).code, 0);

    editJson(join(dir, 'destination.json'), (v) => (v.description = 'Edited here.'));
    const r = await pindestAsync(['deploy', '--aep-url', sim.baseUrl, dir]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^Deploy stopped on a conflict: nothing was sent/);
    assert.match(r.stdout, /The destination "Pinterest Customer List" \(destination\.json\) was changed in AEP since the last deploy or pull from this folder/);
    assert.match(r.stdout, new RegExp(`To keep AEP's version, pull it \\(pindest pull --destination-id ${id} --output DIR\\) and carry your changes over; to replace it with your file, deploy with --force\\.`));
    assert.match(r.stdout, /\n-  "description": "Edited elsewhere\.",\n\+  "description": "Edited here\.",\n/);
    const check = JSON.parse((await pindestAsync(['pull', '--destination-id', id, '--output', mkdtempSync(join(tmpdir(), 'pindest-pull-cli-')), '--aep-url', sim.baseUrl, '--format', 'json'])).stdout);
    assert.equal(check.outcome, 'succeeded');
    const forced = JSON.parse((await pindestAsync(['deploy', '--force', '--aep-url', sim.baseUrl, '--format', 'json', dir])).stdout);
    assert.deepEqual(forced.resources.map((x: any) => x.action), ['unchanged', 'unchanged', 'updated']);
  }));

test('pull after deploy writes a project that validates; by name; a missing id is a clear exit 1; differing files need --force', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    assert.equal((await pindestAsync(['deploy', '--aep-url', sim.baseUrl, dir])).code, 0);
    const out = mkdtempSync(join(tmpdir(), 'pindest-pull-cli-'));
    const r = await pindestAsync(['pull', '--name', 'Pinterest Customer List', '--output', out, '--aep-url', sim.baseUrl]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /destination "Pinterest Customer List" \([0-9a-f-]{36}\) → .*destination\.json/);
    assert.match(r.stdout, /\nCalls \(\d+\)\n  GET \/destinations → 200\n/);
    const v = pindest(['validate', out]);
    assert.equal(v.code, 0, v.stdout);
    assert.match(v.stdout, /3 files checked: 0 errors/);
    const server = JSON.parse(readFileSync(join(out, 'destination-server.json'), 'utf8'));
    const original = JSON.parse(readFileSync(join(dir, 'destination-server.json'), 'utf8'));
    for (const k of ['instanceId', 'createdDate', 'lastModifiedDate']) delete server[k], delete original[k];
    assert.deepEqual(server, original);

    const missing = await pindestAsync(['pull', '--destination-id', '00000000-0000-4000-8000-000000000000', '--output', out, '--aep-url', sim.baseUrl]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^pindest pull: AEP holds no destination with instanceId "00000000-0000-4000-8000-000000000000" in sandbox "prod" of http:\/\/127\.0\.0\.1:\d+\/data\/core\/activation\/authoring\. Check the id/);
    const typo = await pindestAsync(['pull', '--name', 'Pinterest customer list', '--output', out, '--aep-url', sim.baseUrl]);
    assert.match(typo.stderr, /AEP holds no destination named "Pinterest customer list" .*; did you mean "Pinterest Customer List"\?/);

    // Pulled again over its own files: written without asking. A local edit is never lost silently:
    // refused, nothing written, until --force.
    assert.equal((await pindestAsync(['pull', '--name', 'Pinterest Customer List', '--output', out, '--aep-url', sim.baseUrl])).code, 0);
    editJson(join(out, 'destination-server.json'), (v) => (v.httpTemplate.httpMethod = 'POST'));
    const edited = readFileSync(join(out, 'destination-server.json'), 'utf8');
    const refused = await pindestAsync(['pull', '--name', 'Pinterest Customer List', '--output', out, '--aep-url', sim.baseUrl]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^pindest pull: Pull would replace a file of .* that differs from AEP's version \(destination-server\.json\); nothing was written\. .*--force/);
    assert.equal(readFileSync(join(out, 'destination-server.json'), 'utf8'), edited);
    const forced = await pindestAsync(['pull', '--name', 'Pinterest Customer List', '--output', out, '--aep-url', sim.baseUrl, '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(JSON.parse(readFileSync(join(out, 'destination-server.json'), 'utf8')).httpTemplate.httpMethod, 'PATCH');
  }));

test('publish submits the deployed destination and prints the status of its requests', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const deployed = JSON.parse((await pindestAsync(['deploy', '--aep-url', sim.baseUrl, '--format', 'json', dir])).stdout);
    const r = await pindestAsync(['publish', '--aep-url', sim.baseUrl, dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^Submitted "Pinterest Customer List" \\(${deployed.resources[2].instanceId}\\) for publishing`));
    assert.match(r.stdout, /\n  (PUBLIC|DEV) [^\n]*: (REVIEW|TEST|PUBLISHED)/);
    // Like deploy, publish lists the calls it made; its JSON names the target as deploy's does.
    assert.match(r.stdout, new RegExp(`\nCalls \\(\\d+\\)\n  GET /destinations/${deployed.resources[2].instanceId} → 200\n[^]*  POST /destinations/publish → 201\n`));
    const json = JSON.parse((await pindestAsync(['publish', '--aep-url', sim.baseUrl, '--format', 'json', dir])).stdout);
    assert.deepEqual([json.outcome, json.environment, json.sandbox, json.destinationId], ['submitted', 'local', 'prod', deployed.resources[2].instanceId]);
    assert.ok(json.calls.some((c: any) => c.method === 'POST' && c.path === '/destinations/publish'));
    const fresh = exampleCopy();
    const notDeployed = pindest(['publish', fresh]);
    assert.equal(notDeployed.code, 1);
    assert.match(notDeployed.stderr, /is not in sandbox "prod" of .*: this folder has not deployed it there.*Deploy it first \(pindest deploy\), then publish\./);
  }));

test('wrong credentials, an unknown sandbox, 429 and 5xx: one clear message each, exit 1, nothing written', () =>
  withSim(async (sim) => {
    const dir = exampleCopy();
    const wrong = await pindestAsync(['deploy', '--aep-url', sim.baseUrl, dir], { AEP_ACCESS_TOKEN: 'not-a-valid-token', AEP_API_KEY: sim.seed.clientId, AEP_IMS_ORG: sim.seed.imsOrg });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stdout, /AEP refused the access token .*AEP_ACCESS_TOKEN.* Nothing was sent\./);
    assert.doesNotMatch(wrong.stdout + wrong.stderr, /not-a-valid-token/, 'the token never appears');
    const sandbox = await pindestAsync(['deploy', '--aep-url', sim.baseUrl, dir], { AEP_SANDBOX: 'no-such-sandbox' });
    assert.equal(sandbox.code, 1);
    assert.match(sandbox.stdout, /sandbox "no-such-sandbox".*AEP_SANDBOX/);
    const missing = pindest(['deploy', '--env', 'production', dir]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^pindest deploy: No AEP credentials: set AEP_ACCESS_TOKEN, or AEP_CLIENT_ID and AEP_CLIENT_SECRET/);
  }));

test('429 and 5xx from AEP end in a message saying to run again, and the next run finishes', async () => {
  await withSim(async (sim) => {
    const r = await pindestAsync(['deploy', '--aep-url', sim.baseUrl, exampleCopy()]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /AEP is limiting the rate of these calls \(429\) after 3 attempts: wait a minute, then run again\. Nothing was sent\./);
  }, { faults: '429:1' });
  const options: AepSimulatorOptions = { failOperations: { createDestinationServer: 500 } };
  await withSim(async (sim) => {
    const dir = exampleCopy();
    const r = await pindestAsync(['deploy', '--aep-url', sim.baseUrl, dir]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /AEP answered 500 to POST destination server.*Nothing of this deploy is in AEP\./);
    delete options.failOperations!.createDestinationServer;
    const again = JSON.parse((await pindestAsync(['deploy', '--aep-url', sim.baseUrl, '--format', 'json', dir])).stdout);
    assert.deepEqual(again.resources.map((x: any) => x.action), ['created', 'created', 'created']);
  }, options);
});

test('usage errors exit 2 with the synopsis; a misspelt command or option gets a did-you-mean', () => {
  const none = pindest(['deploy']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^pindest deploy: name one project folder\nusage: pindest deploy PROJECT/);
  assert.match(pindest(['deploy', '--env', 'sandbox', EXAMPLE_DIR]).stderr, /unknown environment 'sandbox': use local or production/);
  assert.match(pindest(['deploy', '--dryrun', EXAMPLE_DIR]).stderr, /unknown option '--dryrun'\. Did you mean "--dry-run"\?/);
  assert.match(pindest(['deplyo']).stderr, /unknown command 'deplyo'\. Did you mean "deploy"\?/);
  const pull = pindest(['pull', '--output', '/tmp']);
  assert.equal(pull.code, 2);
  assert.match(pull.stderr, /name the destination with --destination-id ID or --name NAME/);
  assert.match(pindest(['deploy', '--help']).stdout, /^usage: pindest deploy PROJECT \[--env local\|production\] \[--aep-url URL\] \[--dry-run\]/);
  assert.match(pindest(['--help']).stdout, /\n  deploy PROJECT .*\n  pull \(--destination-id ID \| --name NAME\).*\n  publish PROJECT/);
  const fr = pindest(['deploy'], { LANG: 'fr_FR.UTF-8' });
  assert.match(fr.stderr, /^pindest deploy: indiquez un dossier de projet/);
});

test('a deploy state that cannot be read is one clear message with the way out, and nothing is sent', () => {
  const dir = exampleCopy();
  mkdirSync(join(dir, '.pindest'));
  writeFileSync(join(dir, '.pindest', 'deploy.json'), '{"version": 1, "resources": [{"kind": "destination"}]}');
  const r = pindest(['deploy', '--aep-url', 'http://127.0.0.1:9/data/core/activation/authoring', dir]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^pindest deploy: .*\.pindest\/deploy\.json, resource entry 1, is incomplete or was edited by hand\. Delete \.pindest\/deploy\.json to start again/);
  assert.equal(r.stdout, '');
});
