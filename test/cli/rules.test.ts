/**
 * Per-rule severity in `pindest validate`: `--rule CODE=LEVEL` (repeatable) and the project's
 * `pindest.config.json` / `.pindestrc.json`, found walking up from the files; the flag wins. And
 * SARIF's rules link to their pages. The real bundle, run as a user runs it.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_DIR } from '../helpers/example';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');

function pindest(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A project one level below its root (root/project/), so the config file is found walking up. */
let root: string;
let dir: string;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'pindest-rules-'));
  dir = join(root, 'project');
  mkdirSync(dir);
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const path = join(dir, 'destination.json');
  // PD103 (error) and PD110 (warning).
  writeFileSync(path, readFileSync(path, 'utf8').replace('"segmentRequired": true', '"segmentRequired": false').replace('"maxBatchAgeInSecs": 1800', '"maxBatchAgeInSecs": 900'));
});

const codes = (stdout: string) => stdout.trim().split('\n').slice(0, -1).map((l) => l.split(' ').slice(1, 3).join(' '));
const summary = (stdout: string) => stdout.trim().split('\n').at(-1);

function withConfig(name: string, content: string, run: () => void): void {
  const path = join(root, name);
  writeFileSync(path, content);
  try {
    run();
  } finally {
    rmSync(path);
  }
}

test('without a setting: PD103 error, PD110 warning, exit 1', () => {
  const r = pindest(['validate', '.'], dir);
  assert.equal(r.code, 1);
  assert.deepEqual(codes(r.stdout), ['error PD103', 'warning PD110']);
});

test('--rule turns a code off and another into an error; turning the only error off exits 0', () => {
  const r = pindest(['validate', '--rule', 'PD103=off', '--rule', 'PD110=error', '.'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(codes(r.stdout), ['error PD110']);
  assert.equal(summary(r.stdout), '4 files checked: 1 error, 0 warnings');
  const off = pindest(['validate', '--rule', 'PD103=info', '.'], dir);
  assert.equal(off.code, 0, off.stdout);
  assert.deepEqual(codes(off.stdout), ['info PD103', 'warning PD110']);
});

test('pindest.config.json in a parent folder applies; the flag wins over it', () => {
  withConfig('pindest.config.json', JSON.stringify({ rules: { PD103: 'warning', PD110: 'off' } }), () => {
    const r = pindest(['validate', '.'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(codes(r.stdout), ['warning PD103']);
    const flag = pindest(['validate', '--rule', 'PD103=error', join(dir, 'destination.json')], ROOT);
    assert.equal(flag.code, 1);
    assert.deepEqual(codes(flag.stdout), ['error PD103']);
  });
});

test('.pindestrc.json is read too', () => {
  withConfig('.pindestrc.json', JSON.stringify({ rules: { PD103: 'off' } }), () => {
    const r = pindest(['validate', '--format', 'json', '.'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout).summary, { errors: 0, warnings: 1 });
  });
});

test('an unknown code or severity is a usage error (exit 2) with did-you-mean, in the flag or the file', () => {
  const flag = pindest(['validate', '--rule', 'PD1O3=off', '.'], dir);
  assert.equal(flag.code, 2);
  assert.match(flag.stderr, /^pindest validate: --rule: Unknown finding code `PD1O3`: did you mean `PD103`\?/);
  const level = pindest(['validate', '--rule', 'PD103=warn', '.'], dir);
  assert.equal(level.code, 2);
  assert.match(level.stderr, /`PD103`: unknown severity "warn", did you mean `warning`\? Use off, info, warning or error\./);
  const shape = pindest(['validate', '--rule', 'PD103', '.'], dir);
  assert.equal(shape.code, 2);
  assert.match(shape.stderr, /--rule PD103: write CODE=LEVEL, e\.g\. --rule PD118=off/);
  withConfig('pindest.config.json', JSON.stringify({ rules: { PD103: 'erorr', PD110: 'of' } }), () => {
    const r = pindest(['validate', '.'], dir);
    assert.equal(r.code, 2);
    assert.ok(r.stderr.startsWith(`pindest validate: ${join(root, 'pindest.config.json')}: \`PD103\`: unknown severity "erorr", did you mean \`error\`? Use off, info, warning or error. \`PD110\`: unknown severity "of". Use off`), r.stderr);
  });
  withConfig('pindest.config.json', '{"rules": {', () => {
    const r = pindest(['validate', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /pindest\.config\.json: it is not JSON/);
  });
});

test('SARIF rules carry helpUri, the file: URI of the shipped rule page', () => {
  const r = pindest(['validate', '--format', 'sarif', '.'], dir);
  const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as { id: string; helpUri: string }[];
  assert.deepEqual(rules.map((x) => x.id), ['PD103', 'PD110']);
  for (const rule of rules) {
    assert.ok(rule.helpUri.startsWith('file:'), rule.helpUri);
    const page = fileURLToPath(rule.helpUri);
    assert.equal(page, join(ROOT, 'docs/rules', `${rule.id}.md`));
    assert.ok(existsSync(page));
  }
});

test('PD014 off: a misspelt required key is still reported, as the missing key it hides', () => {
  const typo = mkdtempSync(join(tmpdir(), 'pindest-typo-'));
  cpSync(EXAMPLE_DIR, typo, { recursive: true });
  const path = join(typo, 'destination.json');
  writeFileSync(path, readFileSync(path, 'utf8').replace('"segmentRequired": true', '"segmentRequird": true'));
  const on = codes(pindest(['validate', 'destination.json'], typo).stdout);
  assert.deepEqual(on, ['warning PD014'], 'one finding for one typo');
  const off = codes(pindest(['validate', '--rule', 'PD014=off', 'destination.json'], typo).stdout);
  assert.deepEqual(off, ['error PD103'], 'the missing segmentRequired, which the typo hid');
  rmSync(typo, { recursive: true, force: true });
});
