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
  assert.match(r.stdout, /Identities: 12 values in 7 profiles; 5 profiles exported/);
  assert.match(r.stdout, /zeroed-device-id ×1: The IDFA value is the all-zero ID/);
  assert.match(r.stdout, /1\. POST https:\/\/api\.pinterest\.com\/v5\/ad_accounts\/549755885175\/customer_lists {2}— create the customer list for "Spring buyers"/);
  assert.match(r.stdout, /PATCH https:\/\/api\.pinterest\.com\/v5\/ad_accounts\/549755885175\/customer_lists\/new-list-1 {2}— exited update of "Spring buyers"/);
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
  assert.deepEqual(Object.keys(out), ['activation', 'mappings', 'audiences', 'identities', 'counts', 'requests', 'problems']);
  assert.deepEqual(out.counts.byNamespace.IDFA, { sent: 2, rejected: 1, notMapped: 0 });
  assert.deepEqual(out.requests.map((x: { kind: string }) => x.kind), ['create-audience', 'create-audience', 'membership', 'membership', 'membership', 'membership']);
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
