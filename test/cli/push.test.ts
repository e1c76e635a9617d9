/** `pindest push` as a user runs it: the embedded simulator by default, real HTTP throughout. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');
const ACTIVATION = 'examples/pinterest-customer-list/activation.json';

function pindest(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env };
  delete clean.PINTEREST_ACCESS_TOKEN;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...clean, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}


test('on a fresh machine, push runs against an embedded simulator and succeeds', () => {
  const r = pindest(['push', ACTIVATION]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^Test activation "Pinterest - spring retargeting" succeeded — local \(http:\/\/127\.0\.0\.1:\d+\/v5\), ad account 549755885175/);
  assert.match(r.stdout, /Spring buyers: list \d+ \(created\), audience \d+, status TOO_SMALL, 5 uploaded, 2 removed/);
  assert.match(r.stdout, /Calls \(12\)/);
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

test('usage errors exit 2', () => {
  assert.equal(pindest(['push']).code, 2);
  assert.equal(pindest(['push', '--env', 'staging', ACTIVATION]).code, 2);
});
