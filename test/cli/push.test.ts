/** `pindest push` as a user runs it: the embedded simulator by default, real HTTP throughout. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator } from '../../src/simulator';
import { EXAMPLE_DIR } from '../helpers/example';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');
const ACTIVATION = 'examples/pinterest-customer-list/activation.json';

function pindest(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env };
  delete clean.PINTEREST_ACCESS_TOKEN;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...clean, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI against a simulator of this process (so not spawnSync: the simulator must keep answering). */
function pindestAgainst(sim: Simulator, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = { ...process.env, PINTEREST_ACCESS_TOKEN: sim.seed.accessToken };
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'push', '--base-url', sim.baseUrl, ...args], { cwd: ROOT, encoding: 'utf8', env: clean }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** A copy of the example, so the state file lands in a folder of its own. */
function exampleCopy(): { activation: string; stateFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-push-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  return { activation: join(dir, 'activation.json'), stateFile: join(dir, '.pindest', 'state.json') };
}

test('on a fresh machine, push runs against an embedded simulator and succeeds', () => {
  const r = pindest(['push', ACTIVATION]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^Test activation "Pinterest - spring retargeting" succeeded — local \(http:\/\/127\.0\.0\.1:\d+\/v5\), ad account 549755885175/);
  assert.match(r.stdout, /Spring buyers: list \d+ \(created\), status TOO_SMALL, 5 uploaded, 2 removed/);
  // One read-only check, two creates (audience template), four membership requests, two read-backs.
  assert.match(r.stdout, /Calls \(9\)/);
  assert.match(r.stdout, /Audience template creates \(sent by AEP\): 2 \(lists created 2, reused 0\)/);
  assert.match(r.stdout, /pindest's read-only checks \(not done by AEP\): 3/);
  assert.match(r.stdout, /Pinterest needs a CUSTOMER_LIST audience built on it: AEP does not create one/);
  assert.doesNotMatch(r.stdout, /\/audiences → |\(create-audience/);
  assert.match(r.stdout, /kept in memory only/);
  assert.equal(r.stderr, '', 'no progress bar when stderr is not a terminal');
});

test('--format json is the report for scripts', () => {
  const report = JSON.parse(pindest(['push', '--format', 'json', ACTIVATION]).stdout);
  assert.equal(report.outcome, 'succeeded');
  assert.equal(report.calls.filter((c: { step: string }) => c.step === 'membership').length, 4);
});

test('--dry-run sends nothing and shows the plan', () => {
  const r = pindest(['push', '--dry-run', ACTIVATION]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Requests \(6\)/);
  assert.doesNotMatch(r.stdout, /Test activation/);
});

test('production without a token is refused before any network use, naming the variable', () => {
  const r = pindest(['push', '--env', 'production', ACTIVATION]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /was refused before sending anything/);
  assert.match(r.stdout, /PINTEREST_ACCESS_TOKEN/);
});

test('a token is never sent over plain HTTP to a non-loopback host', () => {
  const r = pindest(['push', '--base-url', 'http://pinterest.example.net/v5', ACTIVATION], { PINTEREST_ACCESS_TOKEN: 'pina_test_secret_value' });
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stdout + r.stderr, /pina_test_secret_value/);
  assert.match(r.stdout, /https|loopback|plain HTTP/i);
});

test('the policy-violation example is refused with the policy named; nothing is sent', () => {
  const r = pindest(['push', 'examples/policy-violation/activation.json']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /refused before sending anything/);
  assert.match(r.stdout, /3rd party export restriction/);
  assert.match(r.stdout, /Calls \(0\)/);
});

test("--env sandbox is refused in one line naming x-sandbox; exit 1, nothing sent", () => {
  const r = pindest(['push', '--env', 'sandbox', ACTIVATION]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^pindest push: Pinterest's sandbox does not serve customer lists or audiences \(.*`x-sandbox: disabled`\): use `local` \(the simulator\) or `production` with a test ad account\.\n$/);
});

test('an activation whose environment is sandbox is refused in one line; exit 1, nothing sent', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-sandbox-'));
  try {
    cpSync(join(ROOT, 'examples/pinterest-customer-list'), dir, { recursive: true });
    const file = join(dir, 'activation.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"environment": "local"', '"environment": "sandbox"'));
    const r = pindest(['push', file]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^pindest push: The activation's `environment` is `sandbox`\. Pinterest's sandbox does not serve customer lists or audiences .*`x-sandbox: disabled`.*\n$/);
    assert.equal(r.stderr.split('\n').length, 2, 'one line');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('usage errors exit 2', () => {
  assert.equal(pindest(['push']).code, 2);
  assert.equal(pindest(['push', '--env', 'staging', ACTIVATION]).code, 2);
});

test('two pushes against one running simulator leave one list per audience: created, then reused', async () => {
  const sim = await startSimulator({ port: 0 });
  try {
    const { activation, stateFile } = exampleCopy();
    const first = await pindestAgainst(sim, [activation]);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /Spring buyers: list (\d+) \(created\)/);
    assert.equal(JSON.parse(readFileSync(stateFile, 'utf8')).version, 1);
    const second = await pindestAgainst(sim, [activation]);
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.match(second.stdout, /Audience template creates \(sent by AEP\): 0 \(lists created 0, reused 2\)/);
    assert.equal(/Spring buyers: list (\d+) \(reused\)/.exec(second.stdout)?.[1], /Spring buyers: list (\d+) \(created\)/.exec(first.stdout)?.[1]);
    assert.match(second.stdout, /Customer lists \(remembered in .*\.pindest\/state\.json\)/);
    assert.equal(Object.keys(sim.state.customerLists).length, 2);
  } finally {
    await sim.close();
  }
});

test('--fresh forgets the remembered lists first, so the audience template creates them again', async () => {
  const sim = await startSimulator({ port: 0 });
  try {
    const { activation } = exampleCopy();
    assert.equal((await pindestAgainst(sim, [activation])).code, 0);
    const fresh = await pindestAgainst(sim, ['--fresh', activation]);
    assert.equal(fresh.code, 0, fresh.stdout);
    assert.match(fresh.stdout, /--fresh: forgot 2 remembered lists of this activation/);
    assert.match(fresh.stdout, /lists created 2, reused 0/);
    assert.equal(Object.keys(sim.state.customerLists).length, 4);
  } finally {
    await sim.close();
  }
});

test('--create-audience adds a CUSTOMER_LIST audience per list, labelled not done by AEP', async () => {
  const sim = await startSimulator({ port: 0 });
  try {
    const { activation } = exampleCopy();
    const r = await pindestAgainst(sim, ['--create-audience', '--format', 'json', activation]);
    assert.equal(r.code, 0, r.stdout);
    const report = JSON.parse(r.stdout);
    const made = report.calls.filter((c: { step: string }) => c.step === 'create-audience');
    assert.equal(made.length, 2);
    assert.ok(made.every((c: { by: string; request: { uri: string } }) => c.by === 'pindest' && c.request.uri.endsWith('/audiences')));
    assert.equal(report.summary.notDoneByAep, 2);
    assert.equal(Object.keys(sim.state.audiences).length, 2);
  } finally {
    await sim.close();
  }
});

test('a corrupt state file is one clear message with --fresh as the way out; --fresh then works', async () => {
  const sim = await startSimulator({ port: 0 });
  try {
    const { activation, stateFile } = exampleCopy();
    mkdirSync(join(stateFile, '..'), { recursive: true });
    writeFileSync(stateFile, 'not json at all');
    const r = await pindestAgainst(sim, [activation]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /was refused before sending anything/);
    assert.match(r.stdout, /state\.json is not valid JSON/);
    assert.match(r.stdout, /What to do: Run with --fresh/);
    assert.match(r.stdout, /Calls \(0\)/);
    const fresh = await pindestAgainst(sim, ['--fresh', activation]);
    assert.equal(fresh.code, 0, fresh.stdout);
    assert.match(fresh.stdout, /could not be read as state and was replaced/);
  } finally {
    await sim.close();
  }
});

test('a stale remembered id (404 at Pinterest) names the audience and --fresh; nothing is re-created silently', async () => {
  const sim = await startSimulator({ port: 0 });
  try {
    const { activation, stateFile } = exampleCopy();
    assert.equal((await pindestAgainst(sim, [activation])).code, 0);
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    state.audiences.forEach((a: { responseFields: { externalAudienceId: string } }, i: number) => (a.responseFields.externalAudienceId = `99999999${i}`));
    writeFileSync(stateFile, JSON.stringify(state));
    const r = await pindestAgainst(sim, [activation]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Pinterest has no customer list 999999990 for audience "Spring buyers"/);
    assert.match(r.stdout, /pindest push --fresh/);
    assert.equal(Object.keys(sim.state.customerLists).length, 2);
  } finally {
    await sim.close();
  }
});

test('the embedded simulator writes no state file', () => {
  const { activation, stateFile } = exampleCopy();
  assert.equal(pindest(['push', activation]).code, 0);
  assert.ok(!existsSync(stateFile));
});
