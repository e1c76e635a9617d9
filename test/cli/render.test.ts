/** `pindest render`, run from the real bundle as a user runs it. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_DIR } from '../helpers/example';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');

function pindest(args: string[], input?: string, cwd = dir, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
const context = {
  input: {
    aggregationKey: { segmentId: 'a1', segmentNamespace: 'ups', segmentAlias: '549755885175', segmentStatus: 'exited' },
    profiles: [
      { identityMap: { pinterest_audience: [{ id: 'aa11' }] }, segmentMembership: {}, attributes: {} },
      { identityMap: { pinterest_audience: [{ id: 'bb22' }, { id: 'cc33' }] }, segmentMembership: {}, attributes: {} },
    ],
  },
  destination: {},
  customerData: { adAccountId: '123' },
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pindest-render-'));
  const server = JSON.parse(readFileSync(join(EXAMPLE_DIR, 'destination-server.json'), 'utf8'));
  writeFileSync(join(dir, 'body.peb'), server.httpTemplate.requestBody.value);
  writeFileSync(join(dir, 'context.json'), JSON.stringify(context));
  writeFileSync(join(dir, 'broken.peb'), '{\r\n  "a": "{{ input.profiles | lenght }}",\r\n  "b": "{% for p in input.profiles %}"\r\n}');
  writeFileSync(join(dir, 'divide.peb'), 'x\n{{ 10 / input.aggregationKey.zero }}');
  writeFileSync(join(dir, 'list.json'), '[1, 2]');
  writeFileSync(join(dir, 'bad.json'), '{"input": ');
});

test('renders the example request body with a context file and prints it exactly', () => {
  const r = pindest(['render', 'body.peb', '--context', 'context.json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '{\n  "operation_type": "REMOVE",\n  "records": "aa11,bb22,cc33"\n}');
  assert.deepEqual(JSON.parse(r.stdout), { operation_type: 'REMOVE', records: 'aa11,bb22,cc33' });
});

test("'-' reads the template from stdin; -c is --context", () => {
  const r = pindest(['render', '-', '-c', 'context.json'], 'https://api.pinterest.com/v5/ad_accounts/{{customerData.adAccountId}}/customer_lists/{{input.aggregationKey.segmentAlias}}');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'https://api.pinterest.com/v5/ad_accounts/123/customer_lists/549755885175');
});

test('without a context, variables print as nothing', () => {
  const r = pindest(['render', '-'], 'a{{ input.profiles }}b');
  assert.equal(r.code, 0);
  assert.equal(r.stdout, 'ab');
});

test('template syntax errors print as file:line:col: message and exit 1 (CRLF lines counted once)', () => {
  const r = pindest(['render', 'broken.peb', '--context', 'context.json']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines[0], 'broken.peb:2:29: Unknown filter "lenght". Did you mean "length"?');
  assert.match(lines[1]!, /^broken\.peb:3:\d+: .*for/);
});

test('a render-time error is located too; stdin is named <stdin>', () => {
  const r = pindest(['render', 'divide.peb', '-c', 'context.json']);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, 'divide.peb:2:7: "/" needs two numbers but got a number and a null.\n');
  const s = pindest(['render', '-'], '\n\n{{ "a" | abbreviate(-1) }}');
  assert.equal(s.code, 1);
  assert.match(s.stderr, /^<stdin>:3:10: Filter "abbreviate"/);
});

test('usage errors exit 2: no template, two templates, a context that is not a JSON object, an unknown option', () => {
  for (const args of [['render'], ['render', 'a.peb', 'b.peb'], ['render', 'body.peb', '-c', 'list.json'], ['render', 'body.peb', '-c', 'bad.json'], ['render', 'body.peb', '--ctx', 'x']]) {
    const r = pindest(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^pindest render: .*\nusage: pindest render TEMPLATE/s, args.join(' '));
  }
});

test('a missing file is an error naming it (exit 1)', () => {
  const r = pindest(['render', 'nope.peb']);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, "pindest render: cannot read the template 'nope.peb': no such file\n");
});

test('render is listed in pindest --help', () => {
  const r = pindest(['--help']);
  assert.match(r.stdout, /^ {2}render TEMPLATE \[--context CONTEXT\.json\]$/m);
});

test('in a French locale, syntax and render-time errors are reported in French at the same place', () => {
  const fr = { LC_ALL: 'fr_FR.UTF-8' };
  const divide = pindest(['render', 'divide.peb', '-c', 'context.json'], undefined, dir, fr);
  assert.equal(divide.code, 1);
  assert.equal(divide.stderr, 'divide.peb:2:7: « / » attend deux nombres mais a reçu un nombre et un null.\n');
  writeFileSync(join(dir, 'date.peb'), '{{ "2024-01-02T03:04:05Z" | date("yyyy qq") }}');
  const date = pindest(['render', 'date.peb', '-c', 'context.json'], undefined, dir, fr);
  assert.equal(date.stderr, 'date.peb:1:29: Filtre « date » : Lettre « q » non prise en charge dans le motif de date « yyyy qq ».\n');
  const broken = pindest(['render', 'broken.peb', '-c', 'context.json'], undefined, dir, fr);
  assert.equal(broken.stderr.split('\n')[0], 'broken.peb:2:29: Filtre inconnu « lenght ». Vouliez-vous dire « length » ?');
  // The English locale keeps the English it always printed.
  assert.equal(pindest(['render', 'date.peb', '-c', 'context.json'], undefined, dir, { LC_ALL: 'C' }).stderr, 'date.peb:1:29: Filter "date": Unsupported letter "q" in date pattern "yyyy qq".\n');
});
