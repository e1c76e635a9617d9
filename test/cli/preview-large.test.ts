/**
 * `pindest preview` and `push --dry-run` of a large sample (issue 13): more than 10,000 profiles
 * are summarised, not listed; the summary's counts equal the whole, non-streaming plan's, and the
 * requests it shows are byte for byte the whole plan's.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planFromDisk } from '../../src/core/plan/load';
import { loadProject } from '../../src/core/project/load';
import { previewReport, type PreviewReport } from '../../src/core/report/preview';
import { printPreview } from '../../src/cli/commands/preview';
import { writeLargeSample } from '../helpers/large-sample';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');
const PROFILES = 20_000;

let dir: string;
const activations: Record<'jsonl' | 'csv', string> = { jsonl: '', csv: '' };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pindest-preview-large-'));
  activations.jsonl = await writeLargeSample(join(dir, 'jsonl'), PROFILES, 'jsonl');
  activations.csv = await writeLargeSample(join(dir, 'csv'), PROFILES, 'csv');
});
after(() => rmSync(dir, { recursive: true, force: true }));

function pindest(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The whole plan, built the non-streaming way, as a report. */
async function wholeReport(activation: string): Promise<PreviewReport> {
  const { project } = await loadProject([dirname(activation), activation]);
  const { activation: resolved, plan } = await planFromDisk(project, project.file(activation));
  return previewReport(resolved, plan, dir);
}

for (const format of ['jsonl', 'csv'] as const) {
  test(`a ${PROFILES / 1000}k-profile ${format} sample: summary counts equal the whole plan's, shown requests are its own`, async () => {
    const r = pindest(['preview', activations[format], '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '', 'no progress bar off a terminal');
    const summary = JSON.parse(r.stdout) as PreviewReport;
    const whole = await wholeReport(activations[format]);

    assert.ok(summary.large, 'the report says it is a summary');
    assert.deepEqual(summary.identities, [], 'identity values are counted, not listed');
    assert.deepEqual(summary.counts, whole.counts);
    assert.deepEqual(summary.summary, whole.summary);
    assert.equal(summary.counts.profiles, PROFILES);
    assert.deepEqual(summary.problems, whole.problems);

    const creates = summary.requests.filter((q) => q.kind === 'create-list');
    const shown = summary.requests.filter((q) => q.kind === 'membership');
    assert.deepEqual(creates, whole.requests.filter((q) => q.kind === 'create-list'));
    assert.ok(shown.length >= 1, 'at least one membership request is shown in full');
    for (const q of shown) assert.ok(whole.requests.some((w) => JSON.stringify(w) === JSON.stringify(q)), `request to ${q.url} is the whole plan's`);
    assert.equal(shown.length + summary.large.requestsNotShown, whole.requests.length - creates.length);
  });
}

test('the text form: counts by namespace, audience and reason, the first requests in full, the rest counted', async () => {
  const r = pindest(['preview', activations.jsonl]);
  assert.equal(r.code, 0, r.stderr);
  const whole = await wholeReport(activations.jsonl);
  const s = whole.summary;
  assert.match(r.stdout, new RegExp(`Identities: ${s.identities.mapped} mapped, ${s.identities.rejected} rejected, 0 not mapped \\(${PROFILES} profiles, ${s.exported} exported\\)`));
  assert.match(r.stdout, new RegExp(`Membership requests \\(sent by AEP\\): ${s.membershipRequests}, carrying ${s.records} identity records`));
  assert.match(r.stdout, /\(a large sample: counted, not listed\)/);
  assert.match(r.stdout, /\nBy identity type\n {2}namespace +sent +rejected +not mapped\n {2}Email +\d+ +\d+ +0\n {2}GAID /);
  const spring = whole.counts.byAudience['Spring buyers']!;
  assert.match(r.stdout, new RegExp(`\\nBy audience\\n.*\\n {2}Spring buyers +${spring.add} +${spring.remove}\\n`));
  assert.match(r.stdout, new RegExp(`invalid-email ×${whole.counts.byReason['invalid-email']}: The Email value is not a plausible address`));
  const shown = (r.stdout.match(/^ {2}\d+\. PATCH /gm) ?? []).length;
  assert.ok(shown >= 1);
  assert.match(r.stdout, new RegExp(`… and ${s.membershipRequests - shown} more membership requests, counted, not shown`));
  assert.ok(!/user\d+@example\.com/i.test(r.stdout), 'no raw email in the summary');
  assert.ok(r.stdout.length < 2_000_000, 'a summary, not a million lines');
});

test('push --dry-run prints the same summary as preview', () => {
  const preview = pindest(['preview', activations.csv]);
  const dry = pindest(['push', '--dry-run', activations.csv]);
  assert.equal(dry.code, 0, dry.stderr);
  assert.equal(dry.stdout, preview.stdout);
});

test('on a terminal, a progress line counts the profiles read and is cleared before the summary', async () => {
  const { project } = await loadProject([dirname(activations.jsonl), activations.jsonl]);
  const out: string[] = [];
  const err: string[] = [];
  const code = await printPreview(project, activations.jsonl, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), cwd: dir }, 'text', {}, true);
  assert.equal(code, 0);
  assert.ok(err.length >= 2, 'at least one progress line and the clearing one');
  assert.match(err[0]!, /^\rprofiles +\[#*\.*\] 10000\/20000$/, 'the total is the sample\'s line count');
  assert.match(err.at(-1)!, /^\r +\r$/);
  assert.match(out.join(''), /\(a large sample: counted, not listed\)/);
});
