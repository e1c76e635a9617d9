/** The real `pindest` bundle, run as a user runs it. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_DIR } from '../helpers/example';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');

function pindest(args: string[], cwd = ROOT, timeout?: number) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let broken: string;

before(() => {
  broken = mkdtempSync(join(tmpdir(), 'pindest-cli-'));
  cpSync(EXAMPLE_DIR, broken, { recursive: true });
  const path = join(broken, 'destination.json');
  writeFileSync(path, readFileSync(path, 'utf8').replace('"segmentRequired": true', '"segmentRequired": false').replace('"maxBatchAgeInSecs": 1800', '"maxBatchAgeInSecs": 900'));
});

test('the example validates clean: exit 0 and a summary line', () => {
  const r = pindest(['validate', 'examples/pinterest-customer-list']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '4 files checked: 0 errors, 0 warnings\n');
});

test('findings print as file:line:col severity code message and exit 1', () => {
  const r = pindest(['validate', '.'], broken);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(lines.slice(0, -1), [
    "destination.json:65:24 error PD103 `segmentRequired` must be `true`: Destination SDK destinations always export audiences.",
    "destination.json:85:28 warning PD110 `maxBatchAgeInSecs` 900 is below 1800: Adobe's newest page allows it, but the API reference and guardrails say 1800–3600, so AEP may reject it.",
  ]);
  assert.equal(lines.at(-1), '4 files checked: 1 error, 1 warning');
});

test('--format json follows the documented contract, 0-based', () => {
  const r = pindest(['validate', '--format', 'json', broken]);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as { files: { path: string; kind: string; diagnostics: Record<string, unknown>[] }[]; summary: unknown };
  assert.deepEqual(out.summary, { errors: 1, warnings: 1 });
  const destination = out.files.find((f) => f.path.endsWith('destination.json'))!;
  assert.equal(destination.kind, 'destination');
  assert.deepEqual(destination.diagnostics[0], {
    code: 'PD103',
    severity: 'error',
    message: '`segmentRequired` must be `true`: Destination SDK destinations always export audiences.',
    pointer: '/schemaConfig/segmentRequired',
    range: { start: { line: 64, character: 23 }, end: { line: 64, character: 28 } },
  });
});

test('--format sarif is SARIF 2.1.0 with rules and 1-based regions', () => {
  const r = pindest(['validate', '--format', 'sarif', '.'], broken);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'pindest');
  assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), ['PD103', 'PD110']);
  const first = run.results[0];
  assert.equal(first.ruleId, 'PD103');
  assert.equal(first.level, 'error');
  assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 65, startColumn: 24, endLine: 65, endColumn: 29 });
  assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, 'destination.json');
});

test('usage errors exit 2 with a one-line reason', () => {
  for (const args of [['validate'], ['validate', '--format', 'xml', '.'], ['frobnicate'], ['validate', '--nope', '.']]) {
    const r = pindest(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.ok(r.stderr.split('\n')[0]!.startsWith('pindest'), r.stderr);
  }
});

test('a missing file is a one-line error, exit 1; the other files are still validated', () => {
  const r = pindest(['validate', join(EXAMPLE_DIR, 'destination.json'), join(broken, 'nope.json')]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /nope\.json:1:1 error PD004 Cannot validate: the file does not exist\./);
  assert.match(r.stdout, /2 files checked: 1 error, 0 warnings/);
});

test('a 100,000-deep file through the CLI: one positioned error, no crash', () => {
  const path = join(broken, 'deep.destination.json');
  writeFileSync(path, '['.repeat(100_000) + ']'.repeat(100_000));
  const r = pindest(['validate', path]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /deep\.destination\.json:1:257 error PD001 JSON nested deeper than 256 levels/);
});

/** A copy of the example with a second customer data field, `region`, and a connection value for it. */
function withRegionPattern(pattern: string, value: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-cli-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const destination = JSON.parse(readFileSync(join(dir, 'destination.json'), 'utf8'));
  destination.customerDataFields.push({ name: 'region', title: 'Region', type: 'string', pattern });
  writeFileSync(join(dir, 'destination.json'), JSON.stringify(destination, null, 2));
  const activation = JSON.parse(readFileSync(join(dir, 'activation.json'), 'utf8'));
  activation.connection.customerData.region = value;
  writeFileSync(join(dir, 'activation.json'), JSON.stringify(activation, null, 2));
  return dir;
}

// A backtracking engine takes hours on this pair (2^40 steps); the spawn's timeout turns a hang into a failure
// without timing anything: 25 s is far above a loaded machine's run and far below the hang.
test('a catastrophic customer data field pattern against a 41-character value returns the finding', { timeout: 30_000 }, () => {
  const dir = withRegionPattern('^(a+)+$', `${'a'.repeat(40)}b`);
  const r = pindest(['validate', '.'], dir, 25_000);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n'), [
    "activation.json:8:17 error PD306 `region` does not match the destination's pattern `^(a+)+$`.",
    '4 files checked: 1 error, 0 warnings',
  ]);
});

test('a customer data field pattern RE2 cannot run is a warning that says why', () => {
  const r = pindest(['validate', '.'], withRegionPattern('^(eu|us)-\\1$', 'eu-eu'));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^activation\.json:8:17 warning PD306 `region` was not checked against the destination's pattern: it uses a backreference \(`\\1`\)/);
});

test('a duplicate key warns at both occurrences, each naming the other line (PD005); exit stays 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-dup-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const path = join(dir, 'destination.json');
  // Line 7 is `"status": "TEST",`: a second status on line 8 is what AEP (last wins) would read.
  const lines = readFileSync(path, 'utf8').split('\n');
  assert.equal(lines[6], '  "status": "TEST",');
  lines.splice(7, 0, '  "status": "TEST",');
  writeFileSync(path, lines.join('\n'));
  const r = pindest(['validate', 'destination.json'], dir);
  assert.equal(r.code, 0, r.stdout);
  const found = r.stdout.split('\n').filter((l) => l.includes('PD005'));
  assert.equal(found.length, 2, r.stdout);
  assert.match(found[0]!, /^destination\.json:7:3 warning PD005 Duplicate key "status": this value is ignored, the last "status" \(line 8\) replaces it/);
  assert.match(found[1]!, /^destination\.json:8:3 warning PD005 Duplicate key "status": it also appears on line 7\. JSON\.parse keeps this last value/);
  assert.match(r.stdout, /1 file checked: 0 errors, 2 warnings/);
  const json = JSON.parse(pindest(['validate', 'destination.json', '--format', 'json'], dir).stdout);
  const pointers = JSON.stringify(json).match(/"pointer":"\/status"/g);
  assert.equal(pointers?.length, 2);
});

test('invalid UTF-8 bytes: a positioned error at the first bad byte (PD006), exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-utf8-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const path = join(dir, 'destination.json');
  // Latin-1 "é" (0xE9) where UTF-8 needs C3 A9: line 5 is `  "name": "Pinterest Customer List",`.
  const text = readFileSync(path, 'utf8').replace('"Pinterest Customer List"', '"Pinterest Customer List X"');
  const at = Buffer.from(text.slice(0, text.indexOf(' X"') + 1), 'utf8').length;
  const bytes = Buffer.from(text, 'utf8');
  bytes[at] = 0xe9;
  writeFileSync(path, bytes);
  const r = pindest(['validate', 'destination.json'], dir);
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stdout, /^destination\.json:5:36 error PD006 The file is not valid UTF-8: byte 0xE9 at line 5, character 36 \(byte offset \d+\) starts no UTF-8 character; save the file as UTF-8\.$/m);
  // The rest of the file was still read and checked: no other finding.
  assert.match(r.stdout, /1 file checked: 1 error, 0 warnings/);
});
