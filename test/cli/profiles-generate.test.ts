/** `pindest profiles generate` as a user runs it, read back by `pindest preview`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_DIR } from '../helpers/example';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');

function pindest(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; node?: string[] } = {}) {
  const r = spawnSync(process.execPath, [...(options.node ?? []), CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...options.env }, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the example project whose activation reads `sample` as its profiles. */
function exampleCopy(sample: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-profiles-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const activation = JSON.parse(readFileSync(join(dir, 'activation.json'), 'utf8'));
  activation.profiles = sample;
  writeFileSync(join(dir, 'activation.json'), JSON.stringify(activation, null, 2));
  return dir;
}

function preview(dir: string) {
  const r = pindest(['preview', '--format', 'json', join(dir, 'activation.json')]);
  return { code: r.code, report: JSON.parse(r.stdout) };
}

test('generated profiles for the example: the preview accepts every one, no rejection and no problem', () => {
  const dir = exampleCopy('generated.jsonl');
  const gen = pindest(['profiles', 'generate', join(dir, 'activation.json'), '--count', '400', '--seed', '42', '--output', join(dir, 'generated.jsonl')]);
  assert.equal(gen.code, 0, gen.stderr);
  assert.equal(gen.stdout, '');
  assert.match(gen.stderr, /wrote 400 profiles \(seed 42, namespaces Email, Email_LC_SHA256, GAID, IDFA\)/);
  const { code, report } = preview(dir);
  assert.equal(code, 0);
  assert.equal(report.counts.profiles, 400);
  assert.equal(report.counts.exported, 400);
  assert.deepEqual(report.counts.byReason, {});
  assert.deepEqual(report.problems, []);
  assert.equal(report.summary.identities.rejected, 0);
  assert.equal(report.summary.identities.notMapped, 0);
  for (const ns of ['Email', 'Email_LC_SHA256', 'GAID', 'IDFA']) assert.ok(report.counts.byNamespace[ns].sent > 50, ns);
  // Both audiences get added and removed members.
  for (const counts of Object.values(report.counts.byAudience) as { add: number; remove: number }[]) assert.ok(counts.add > 0 && counts.remove > 0);
});

test('--invalid: the preview rejects exactly the values injected, reason by reason', () => {
  const dir = exampleCopy('generated.jsonl');
  const gen = pindest(['profiles', 'generate', join(dir, 'activation.json'), '--count', '1000', '--seed', '3', '--invalid', '0.1', '--output', join(dir, 'generated.jsonl')]);
  assert.equal(gen.code, 0, gen.stderr);
  const line = /invalid values injected \(not done by AEP\): (.*)\n/.exec(gen.stderr);
  assert.ok(line, gen.stderr);
  const injected = Object.fromEntries(line[1]!.split(', ').map((x) => x.split(' ')).map(([r, n]) => [r, Number(n)]));
  assert.ok(Object.keys(injected).length >= 5, line[1]);
  const { report } = preview(dir);
  assert.deepEqual(report.counts.byReason, injected);
  assert.equal(report.counts.exported, 1000, 'each profile keeps a valid identity');
  assert.deepEqual(report.problems, []);

  // Per reason, on a JSON array file.
  const one = exampleCopy('generated.json');
  const r = pindest(['profiles', 'generate', join(one, 'activation.json'), '--count', '300', '--invalid', 'zeroed-device-id=0.2,invalid-email=0.1', '--output', join(one, 'generated.json')]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(Array.isArray(JSON.parse(readFileSync(join(one, 'generated.json'), 'utf8'))));
  const counts = Object.fromEntries(/injected \(not done by AEP\): (.*)\n/.exec(r.stderr)![1]!.split(', ').map((x) => x.split(' ')).map(([k, n]) => [k, Number(n)]));
  assert.deepEqual(Object.keys(counts).sort(), ['invalid-email', 'zeroed-device-id']);
  assert.deepEqual(preview(one).report.counts.byReason, counts);
});

test('the same seed writes the same bytes to stdout; another seed other bytes; JSON Lines by default', () => {
  const activation = join(EXAMPLE_DIR, 'activation.json');
  const a = pindest(['profiles', 'generate', activation, '--count', '50', '--seed', '7']);
  const b = pindest(['profiles', 'generate', activation, '--count', '50', '--seed', '7']);
  const c = pindest(['profiles', 'generate', activation, '--count', '50', '--seed', '8']);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  assert.notEqual(a.stdout, c.stdout);
  const lines = a.stdout.split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, 50);
  for (const l of lines) assert.deepEqual(Object.keys(JSON.parse(l)), ['segmentMembership', 'identityMap']);
  // Without --count, Adobe's default: the example aggregates configurably (no maxUsersPerRequest), so one profile.
  assert.equal(pindest(['profiles', 'generate', activation]).stdout.trim().split('\n').length, 1);
});

test('200,000 profiles stream to a file within a 64 MB heap', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-profiles-large-'));
  const out = join(dir, 'large.jsonl');
  const r = pindest(['profiles', 'generate', join(EXAMPLE_DIR, 'activation.json'), '--count', '200000', '--output', out], { node: ['--max-old-space-size=64'] });
  assert.equal(r.code, 0, r.stderr);
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(out) })) {
    if (lines === 0) assert.ok(JSON.parse(line).identityMap);
    lines++;
  }
  assert.equal(lines, 200_000);
});

test('usage errors: a misspelt subcommand or reason gets did-you-mean, a file the preview would misread is refused; French messages', () => {
  const activation = join(EXAMPLE_DIR, 'activation.json');
  const sub = pindest(['profiles', 'generat', activation]);
  assert.equal(sub.code, 2);
  assert.match(sub.stderr, /unknown subcommand 'generat'\. Did you mean "generate"\?/);
  const opt = pindest(['profiles', 'generate', activation, '--cuont', '3']);
  assert.equal(opt.code, 2);
  assert.match(opt.stderr, /Did you mean "--count"\?/);
  const reason = pindest(['profiles', 'generate', activation, '--invalid', 'invalid-emial=0.1']);
  assert.equal(reason.code, 2);
  assert.match(reason.stderr, /'invalid-emial' is not a reason the generator can inject\. Did you mean "invalid-email"\?/);
  const txt = pindest(['profiles', 'generate', activation, '--output', join(tmpdir(), 'profiles.txt')]);
  assert.equal(txt.code, 2);
  assert.match(txt.stderr, /name the output \.jsonl \(JSON Lines\) or \.json/);
  const mismatch = pindest(['profiles', 'generate', activation, '--format', 'jsonl', '--output', join(tmpdir(), 'profiles.json')]);
  assert.equal(mismatch.code, 2);
  assert.match(mismatch.stderr, /--format jsonl does not match/);
  assert.equal(pindest(['profiles', 'generate', activation, '--count', '0']).code, 2);
  assert.equal(pindest(['profiles', 'generate', activation, '--seed', 'abc']).code, 2);
  assert.equal(pindest(['profiles', 'generate', join(EXAMPLE_DIR, 'destination.json')]).code, 2);
  const fr = pindest(['profiles', 'generat', activation], { env: { LANG: 'fr_FR.UTF-8' } });
  assert.match(fr.stderr, /sous-commande inconnue « generat »\. Vouliez-vous dire « generate » \?/);
  const help = pindest(['--help']);
  assert.match(help.stdout, /profiles generate ACTIVATION/);
  assert.match(help.stdout, /template sample DESTINATION/);
});

test('an activation with nothing the destination accepts, or no audience, is one sentence and exit 1', () => {
  const dir = exampleCopy('profiles.json');
  const activation = JSON.parse(readFileSync(join(dir, 'activation.json'), 'utf8'));
  activation.audiences = [];
  writeFileSync(join(dir, 'activation.json'), JSON.stringify(activation));
  const r = pindest(['profiles', 'generate', join(dir, 'activation.json')]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /names no audiences/);
});
