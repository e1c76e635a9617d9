/** `pindest template sample` and the core's sample template, rendered against generated profiles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MULTIPLE_PROFILES_SAMPLE_TEMPLATE, SINGLE_PROFILE_SAMPLE_TEMPLATE, sampleTemplate } from '../../src/core/plan/sample-template';
import { generateSampleProfiles, sampleProfileSpecForDestination } from '../../src/core/profiles';
import { renderTemplate } from '../../src/core/template';
import { EXAMPLE_DIR, exampleFiles } from '../helpers/example';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');

function pindest(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const bestEffort = (maxUsersPerRequest?: number) => {
  const d = exampleFiles().destination;
  d.aggregation = { aggregationType: 'BEST_EFFORT', bestEffortAggregation: { splitUserById: false, ...(maxUsersPerRequest === undefined ? {} : { maxUsersPerRequest }) } };
  return d;
};

test("the single-profile template is Adobe's text, the one its render-template page renders", () => {
  // Case 13 quotes the template of Adobe's render-template-api.md (CRLF as the API returned it).
  const adobe = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/adobe/pebble-cases/13-render-api-single-profile-best-effort.json'), 'utf8')) as { template: string };
  assert.equal(SINGLE_PROFILE_SAMPLE_TEMPLATE, adobe.template.replace(/\r\n/g, '\n'));
});

test('maxUsersPerRequest 1 gives the single-profile template; more, absent-with-configurable aggregation, the one over input.profiles', () => {
  assert.equal(sampleTemplate(bestEffort(1)).template, SINGLE_PROFILE_SAMPLE_TEMPLATE);
  assert.equal(sampleTemplate(bestEffort(1)).singleProfile, true);
  // Best effort without maxUsersPerRequest: one profile per call, as the planner sends it.
  assert.equal(sampleTemplate(bestEffort()).singleProfile, true);
  assert.equal(sampleTemplate(bestEffort(10)).template, MULTIPLE_PROFILES_SAMPLE_TEMPLATE);
  assert.deepEqual(sampleTemplate(exampleFiles().destination), { template: MULTIPLE_PROFILES_SAMPLE_TEMPLATE, singleProfile: false, profilesPerCall: 5000, aggregationType: 'CONFIGURABLE_AGGREGATION' });
});

test('both templates render against generated profiles with the core renderer into the JSON Adobe shows', () => {
  const destination = exampleFiles().destination;
  const profiles = [...generateSampleProfiles(sampleProfileSpecForDestination(destination), { count: 25, seed: 4 })];
  const added = (p: (typeof profiles)[number]) => Object.entries(p.segmentMembership.ups ?? {}).filter(([, m]) => m.status === 'realized').map(([id]) => id);
  const removed = (p: (typeof profiles)[number]) => Object.entries(p.segmentMembership.ups ?? {}).filter(([, m]) => m.status === 'exited').map(([id]) => id);
  const identities = (p: (typeof profiles)[number]) => Object.entries(p.identityMap).flatMap(([type, ids]) => ids.map(({ id }) => ({ type, id })));

  const single = JSON.parse(renderTemplate(sampleTemplate(bestEffort(1)).template, { input: { profile: profiles[0] } }));
  assert.deepEqual(single, { identities: identities(profiles[0]!), AdobeExperiencePlatformSegments: { add: added(profiles[0]!), remove: removed(profiles[0]!) } });

  const many = JSON.parse(renderTemplate(sampleTemplate(destination).template, { input: { profiles } }));
  assert.equal(many.profiles.length, 25);
  profiles.forEach((p, i) => assert.deepEqual(many.profiles[i], { identities: identities(p), AdobeExperiencePlatformSegments: { add: added(p), remove: removed(p) } }));
});

test('pindest template sample prints the template, --json the escaped string for requestBody.value, and says which and why', () => {
  const r = pindest(['template', 'sample', join(EXAMPLE_DIR, 'destination.json')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, MULTIPLE_PROFILES_SAMPLE_TEMPLATE + '\n');
  assert.match(r.stderr, /configurable aggregation: the template for multiple profiles \(input\.profiles\)/);
  const json = pindest(['template', 'sample', '--json', EXAMPLE_DIR]);
  assert.equal(json.code, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout), MULTIPLE_PROFILES_SAMPLE_TEMPLATE);
  // The activation names its destination.
  assert.equal(pindest(['template', 'sample', join(EXAMPLE_DIR, 'activation.json')]).stdout, r.stdout);

  const dir = mkdtempSync(join(tmpdir(), 'pindest-template-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'destination.json'), JSON.stringify(bestEffort(1), null, 2));
  const one = pindest(['template', 'sample', join(dir, 'destination.json')]);
  assert.equal(one.stdout, SINGLE_PROFILE_SAMPLE_TEMPLATE + '\n');
  assert.match(one.stderr, /best effort aggregation, maxUsersPerRequest 1: the template for a single profile \(input\.profile\)/);
  // What --json prints drops into the server's value and renders as the server's body template.
  const server = JSON.parse(readFileSync(join(dir, 'destination-server.json'), 'utf8'));
  server.httpTemplate.requestBody.value = JSON.parse(pindest(['template', 'sample', '--json', join(dir, 'destination.json')]).stdout);
  writeFileSync(join(dir, 'destination-server.json'), JSON.stringify(server, null, 2));
  const preview = pindest(['preview', '--format', 'json', join(dir, 'activation.json')]);
  const report = JSON.parse(preview.stdout);
  assert.deepEqual(report.problems, []);
  assert.ok(report.requests.some((q: { kind: string; body?: string }) => q.kind === 'membership'));
});

test('template sample: usage errors with did-you-mean, the wrong kind of file named, French', () => {
  const sub = pindest(['template', 'sampel', EXAMPLE_DIR]);
  assert.equal(sub.code, 2);
  assert.match(sub.stderr, /unknown subcommand 'sampel'\. Did you mean "sample"\?/);
  assert.equal(pindest(['template', 'sample']).code, 2);
  const server = pindest(['template', 'sample', join(EXAMPLE_DIR, 'destination-server.json')]);
  assert.equal(server.code, 1);
  assert.match(server.stderr, /is a destination server \(destination-server\.json\): pass the destination configuration/);
  const missing = pindest(['template', 'sample', join(tmpdir(), 'no-such-destination.json')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no such file or folder/);
  const fr = pindest(['template', 'sample', join(EXAMPLE_DIR, 'destination.json')], { LANG: 'fr_FR.UTF-8' });
  assert.match(fr.stderr, /agrégation configurable : le modèle pour plusieurs profils/);
});
