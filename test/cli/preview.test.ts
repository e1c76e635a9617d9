/** `pindest preview` as a user runs it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_DIR } from '../helpers/example';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');
const ACTIVATION = 'examples/pinterest-customer-list/activation.json';

function pindest(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every raw identifier of the example's sample profiles. */
function rawIdentifiers(): string[] {
  const profiles = JSON.parse(readFileSync(join(EXAMPLE_DIR, 'profiles.json'), 'utf8')) as { identityMap: Record<string, { id: string }[]> }[];
  return profiles.flatMap((p) => Object.entries(p.identityMap).filter(([ns]) => !ns.includes('SHA256')).flatMap(([, ids]) => ids.map((i) => i.id.trim())));
}


test('the text preview shows mappings, outcomes, reasons and the planned requests', () => {
  const r = pindest(['preview', ACTIVATION]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Email\s+pinterest_audience\s+sha256\(lower\(\$\)\) \(required by the destination\)/);
  assert.match(r.stdout, /Identity values: 12 in 7 profiles; 5 profiles exported/);
  assert.match(r.stdout, /zeroed-device-id ×1: The IDFA value is the all-zero ID/);
  // Environment local: the embedded simulator's address (its port is chosen at push time), AEP's URL beside it.
  assert.match(r.stdout, /environment local \(http:\/\/127\.0\.0\.1:<port>\/v5; AEP calls https:\/\/api\.pinterest\.com\/v5\)/);
  assert.match(r.stdout, /1\. POST http:\/\/127\.0\.0\.1:<port>\/v5\/ad_accounts\/549755885175\/customer_lists {2}— create the customer list for "Spring buyers"/);
  assert.match(r.stdout, /\n {5}AEP calls: https:\/\/api\.pinterest\.com\/v5\/ad_accounts\/549755885175\/customer_lists\n/);
  assert.match(r.stdout, /PATCH http:\/\/127\.0\.0\.1:<port>\/v5\/ad_accounts\/549755885175\/customer_lists\/new-list-1 {2}— exited update of "Spring buyers"/);
  assert.match(r.stdout, /port is chosen when it starts/);
  assert.match(r.stdout, /"operation_type": "REMOVE"/);
  assert.match(r.stdout, /Problems: none/);
});

test('no raw identifier and no token appears in either format', () => {
  const raws = rawIdentifiers();
  assert.ok(raws.length >= 8);
  for (const format of ['text', 'json']) {
    const out = pindest(['preview', '--format', format, ACTIVATION]).stdout;
    for (const raw of raws) assert.ok(!out.includes(raw) && !out.toLowerCase().includes(raw.toLowerCase()), `${format} shows a raw identifier`);
    assert.ok(!out.includes('\u0000'));
  }
});

test('the JSON preview is stable for scripts', () => {
  const out = JSON.parse(pindest(['preview', '--format', 'json', ACTIVATION]).stdout);
  assert.deepEqual(Object.keys(out), ['activation', 'mappings', 'audiences', 'identities', 'counts', 'summary', 'target', 'requests', 'notes', 'problems']);
  assert.deepEqual(out.counts.byNamespace.IDFA, { sent: 2, rejected: 1, notMapped: 0 });
  assert.deepEqual(out.requests.map((x: { kind: string }) => x.kind), ['create-list', 'create-list', 'membership', 'membership', 'membership', 'membership']);
  assert.deepEqual(out.target, { environment: 'local', baseUrl: 'http://127.0.0.1:<port>/v5', placeholder: true, aepBaseUrl: 'https://api.pinterest.com/v5' });
  assert.ok(out.requests.every((x: { url: string; aepUrl: string }) => x.aepUrl.startsWith('https://api.pinterest.com/v5/') && x.url === x.aepUrl.replace('https://api.pinterest.com/v5', 'http://127.0.0.1:<port>/v5')));
  assert.deepEqual(out.identities[0], { profile: 1, namespace: 'Email', value: 'a•••@e•••.com', outcome: 'sent', sent: '53fdd27c13c87b89296422dd99e14d02656dbcacefed01d3b53a56313adf3a98', reason: null, message: null });
});

test('a broken template is reported as a problem with exit 1; a missing activation is one line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-preview-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const server = JSON.parse(readFileSync(join(dir, 'destination-server.json'), 'utf8'));
  server.httpTemplate.requestBody.value = '{"records": "{% for p in input.profiles %}{{ p.identityMap.pinterest_audience[0].id }}{% endfor %"}';
  writeFileSync(join(dir, 'destination-server.json'), JSON.stringify(server, null, 2));
  const r = pindest(['preview', join(dir, 'activation.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /request 1: request body template: line 1, column \d+:/);
  const missing = pindest(['preview', join(dir, 'nope.json')]);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
  assert.equal(pindest(['preview']).code, 2);
});

test('preview and push agree: the same counts in the same words, and the difference (creates, checks) named', () => {
  const preview = pindest(['preview', ACTIVATION]).stdout;
  const push = spawnSync(process.execPath, [CLI, 'push', ACTIVATION], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PINTEREST_ACCESS_TOKEN: '' } }).stdout;
  const line = (text: string, re: RegExp) => re.exec(text)?.[0];
  for (const re of [/^Identities: .*$/m, /^Membership requests \(sent by AEP\): \d+, carrying \d+ identity records[^:\n]*/m]) {
    assert.ok(line(preview, re), `preview lacks ${re}`);
    assert.equal(line(push, re), line(preview, re), String(re));
  }
  assert.match(preview, /Identities: 8 mapped, 3 rejected, 1 not mapped \(7 profiles, 5 exported\)/);
  assert.match(preview, /Membership requests \(sent by AEP\): 4, carrying 11 identity records/);
  // The rest of the push's calls are named: creates by the audience template, pindest's read-only checks.
  assert.match(preview, /Requests \(6\): 2 list creates \(audience template\), 4 membership requests \(destination server\)/);
  assert.match(push, /Audience template creates \(sent by AEP\): 2/);
  assert.match(push, /pindest's read-only checks \(not done by AEP\): 3/);
  assert.match(push, /Calls \(9\)/);
  const json = (args: string[]) => JSON.parse(spawnSync(process.execPath, [CLI, ...args, '--format', 'json', ACTIVATION], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PINTEREST_ACCESS_TOKEN: '' } }).stdout);
  const p = json(['preview']).summary;
  const r = json(['push']).summary;
  for (const k of ['profiles', 'exported', 'identities', 'membershipRequests', 'records', 'listCreates']) assert.deepEqual(r[k], p[k], k);
  assert.equal(r.accepted, p.records);
});

test('preview shows the URLs of the target it is given: production as AEP calls it, or a running simulator', () => {
  const production = pindest(['preview', '--env', 'production', ACTIVATION]).stdout;
  assert.match(production, /1\. POST https:\/\/api\.pinterest\.com\/v5\/ad_accounts\/549755885175\/customer_lists /);
  assert.doesNotMatch(production, /AEP calls:/);
  const running = pindest(['preview', '--base-url', 'http://127.0.0.1:8790/v5', ACTIVATION]).stdout;
  assert.match(running, /1\. POST http:\/\/127\.0\.0\.1:8790\/v5\/ad_accounts\/549755885175\/customer_lists /);
  assert.doesNotMatch(running, /<port>/);
  assert.equal(pindest(['preview', '--env', 'staging', ACTIVATION]).code, 2);
});

test('a destination file with bytes that are not UTF-8 stops the preview with the place of the first bad byte', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-preview-utf8-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const path = join(dir, 'destination.json');
  const bytes = Buffer.from(readFileSync(path, 'utf8').replace('"Pinterest Customer List"', '"Pinterest Customer List X"'), 'utf8');
  bytes[bytes.indexOf(' X"') + 1] = 0xff;
  writeFileSync(path, bytes);
  const r = pindest(['preview', join(dir, 'activation.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^pindest preview: \S+destination\.json is not valid UTF-8: byte 0xFF at line 5, character 36 \(byte offset \d+\) starts no UTF-8 character; save the file as UTF-8\n$/);
});

test('--env sandbox is refused in the words push uses (x-sandbox), not as an unknown environment; exit 1', () => {
  const preview = pindest(['preview', '--env', 'sandbox', ACTIVATION]);
  const dryRun = pindest(['push', '--dry-run', '--env', 'sandbox', ACTIVATION]);
  assert.equal(preview.code, 1);
  assert.equal(preview.stdout, '');
  assert.match(preview.stderr, /^pindest preview: Pinterest's sandbox does not serve customer lists or audiences \(.*`x-sandbox: disabled`\): use `local` \(the simulator\) or `production` with a test ad account\.\n$/);
  assert.equal(preview.stderr.replace('pindest preview', 'pindest push'), dryRun.stderr);
});
