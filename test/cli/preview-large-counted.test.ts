/**
 * A large preview plans its first 10,000 profiles and counts the rest one by one (core/plan/large.ts)
 * without building rows, targets or batches. These samples hold what the counting must get right
 * as `buildPlan` does, past the first window: rejected and unmapped identities, an identity sent
 * twice to the same target (also as its own hash in Email_LC_SHA256), plain text in a hashed
 * namespace (PD505), memberships of other audiences, `existing` sent as `realized`, malformed and
 * mis-shaped lines, blank lines, CRLF. Each aggregation setting is previewed through the CLI and
 * compared with the whole, non-streaming plan of the same file: counts (with their key order, as
 * printed), the summary, the first problems, the reasons' sentences, and the requests shown.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planFromDisk } from '../../src/core/plan/load';
import { loadProject } from '../../src/core/project/load';
import { previewReport, type PreviewReport } from '../../src/core/report/preview';
import { mulberry32 } from '../../src/simulator/prng';
import { writeLargeSample } from '../helpers/large-sample';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');
const PROFILES = 12_000;
/** Problems a summary lists (large.ts KEPT_PROBLEMS). */
const KEPT = 20;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pindest-preview-counted-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A varied sample: JSON Lines (with CRLF, blank and broken lines) or CSV, the same profiles. */
function sampleLines(audiences: string[], format: 'jsonl' | 'csv'): string {
  const random = mulberry32(0xc0ffee);
  const out: string[] = format === 'csv' ? [`Email,Email_LC_SHA256,GAID,IDFA,Phone,ups:${audiences[0]},ups:${audiences[1]},ups:not-activated`] : [];
  for (let i = 0; i < PROFILES; i++) {
    const r = random();
    const email = r < 0.05 ? `person${i}.example.com` : r < 0.3 ? ` Person${i}@Example.com ` : `person${i}@example.com`;
    const emails = [email];
    if (random() < 0.05) emails.push(email.trim().toUpperCase()); // the same address twice: one record
    let lc = '';
    const l = random();
    if (l < 0.05) lc = sha256(email.trim().toLowerCase()); // its own hash: one record too
    else if (l < 0.06) lc = `plain${i}@example.com`; // plain text in a hashed namespace (PD505)
    else if (l < 0.08) lc = sha256(`other${i}`);
    const g = random();
    const gaid = g < 0.1 ? `${(i + 0x10000000).toString(16)}-aaaa-4bbb-8ccc-${(i + 0x100000000000).toString(16)}` : g < 0.12 ? '00000000-0000-0000-0000-000000000000' : '';
    const idfa = random() < 0.05 ? `${(i + 0x20000000).toString(16).toUpperCase()}-AAAA-4BBB-8CCC-${(i + 0x200000000000).toString(16).toUpperCase()}` : '';
    const phone = random() < 0.05 ? `+1555${String(i).padStart(7, '0')}` : ''; // not mapped
    const statuses = ['realized', 'existing', 'exited', ''];
    const s0 = statuses[Math.floor(random() * 4)]!;
    const s1 = statuses[Math.floor(random() * 4)]!;
    const s2 = random() < 0.1 ? 'realized' : '';
    const b = random();
    if (format === 'csv') {
      const row = [emails.join('|'), lc, gaid, idfa, phone, s0, s1, s2].join(',');
      if (b < 0.002) out.push(`${row},extra`); // a cell too many: skipped with a problem
      else if (b < 0.004) out.push(row.replace(/,(realized|existing|exited),/, ',Realised,')); // a bad status
      else out.push(row);
      continue;
    }
    const identityMap: Record<string, { id: string; primary?: boolean }[]> = { Email: emails.map((id, k) => (k ? { id } : { id, primary: true })) };
    if (lc) identityMap.Email_LC_SHA256 = [{ id: lc }];
    if (gaid) identityMap.GAID = [{ id: gaid }];
    if (idfa) identityMap.IDFA = [{ id: idfa }];
    if (phone) identityMap.Phone = [{ id: phone }];
    if (random() < 0.02) identityMap.Email = [];
    const ups: Record<string, { status: string; lastQualificationTime?: string }> = {};
    if (s0) ups[audiences[0]!] = { status: s0, lastQualificationTime: '2026-11-20T16:01:17Z' };
    if (s1) ups[audiences[1]!] = { status: s1 };
    if (s2) ups['not-activated'] = { status: s2 };
    const line = JSON.stringify({ identityMap, segmentMembership: { ups }, ...(i % 7 === 0 && { attributes: { tier: 'gold' } }) });
    if (b < 0.002) out.push(line.slice(0, -3)); // malformed: skipped with a problem
    else if (b < 0.004) out.push(line.replace('"realized"', '"Realised"')); // a bad status: that membership dropped
    else if (b < 0.005) out.push('');
    else if (b < 0.006) out.push(JSON.stringify({ identityMap: 'not an object', segmentMembership: { ups } }));
    else out.push(line);
  }
  return out.join(format === 'jsonl' ? '\r\n' : '\n') + '\n';
}

/** The example project in `name`, its destination's `aggregation` replaced, a varied sample. */
async function project(name: string, aggregation: unknown, format: 'jsonl' | 'csv'): Promise<string> {
  const activation = await writeLargeSample(join(dir, name), 1, format);
  const destination = JSON.parse(readFileSync(join(dir, name, 'destination.json'), 'utf8'));
  destination.aggregation = aggregation;
  writeFileSync(join(dir, name, 'destination.json'), JSON.stringify(destination, null, 2));
  const audiences = (JSON.parse(readFileSync(activation, 'utf8')).audiences as { id: string }[]).map((a) => a.id);
  writeFileSync(join(dir, name, `profiles.${format}`), sampleLines(audiences, format));
  return activation;
}

const configurable = (key: Record<string, unknown>, split = false) => ({
  aggregationType: 'CONFIGURABLE_AGGREGATION',
  configurableAggregation: { splitUserById: split, maxBatchAgeInSecs: 1800, maxNumEventsInBatch: 700, aggregationKey: key },
});

const SETTINGS: { name: string; aggregation: unknown; format: 'jsonl' | 'csv' }[] = [
  { name: 'by audience and status', aggregation: configurable({ includeSegmentId: true, includeSegmentStatus: true, includeIdentity: false, oneIdentityPerGroup: false }), format: 'jsonl' },
  { name: 'by audience and identity, split by id', aggregation: configurable({ includeSegmentId: true, includeSegmentStatus: false, includeIdentity: true, oneIdentityPerGroup: true }, true), format: 'jsonl' },
  { name: 'best effort, 1000 per request', aggregation: { aggregationType: 'BEST_EFFORT', bestEffortAggregation: { maxUsersPerRequest: 1000, splitUserById: false } }, format: 'jsonl' },
  { name: 'by audience and status, CSV', aggregation: configurable({ includeSegmentId: true, includeSegmentStatus: true, includeIdentity: false, oneIdentityPerGroup: false }), format: 'csv' },
];

for (const s of SETTINGS) {
  test(`counted past the first window (${s.name}): what the whole plan says, in the same order`, async () => {
    const activation = await project(s.name.replace(/\W+/g, '-'), s.aggregation, s.format);
    const r = spawnSync(process.execPath, [CLI, 'preview', activation, '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const summary = JSON.parse(r.stdout) as PreviewReport;
    assert.ok(summary.large, 'summarised');

    const { project: p } = await loadProject([dirname(activation), activation]);
    const { activation: resolved, plan } = await planFromDisk(p, p.file(activation));
    const whole = previewReport(resolved, plan, dir);

    // Key order is what the text form prints: compared as JSON text, not only as values.
    assert.equal(JSON.stringify(summary.counts), JSON.stringify(whole.counts));
    assert.deepEqual(summary.summary, whole.summary);
    assert.ok(whole.counts.byReason['invalid-email']! > 0 && whole.counts.byReason['zeroed-device-id']! > 0 && whole.counts.byNamespace.Phone!.notMapped > 0, 'the sample has rejections and unmapped identities');
    assert.ok(whole.summary.identities.mapped > whole.summary.records / 2, 'records counted');

    const messages: Record<string, string> = {};
    for (const row of whole.identities) if (row.reason && row.message && !(row.reason in messages)) messages[row.reason] = row.message;
    assert.equal(JSON.stringify(summary.large.reasonMessages), JSON.stringify(messages));

    // The first problems of each kind, in file order; the rest counted.
    assert.ok(plan.problems.length > KEPT && plan.profileProblems.length > KEPT, 'more problems than a summary lists');
    const kept = previewReport(resolved, { ...plan, problems: plan.problems.slice(0, KEPT), profileProblems: plan.profileProblems.slice(0, KEPT) }, dir).problems;
    assert.deepEqual(summary.problems, kept);
    assert.equal(summary.large.problemsNotShown, plan.problems.length + plan.profileProblems.length - 2 * KEPT);

    const shown = summary.requests.filter((q) => q.kind === 'membership');
    assert.ok(shown.length >= 1);
    for (const q of shown) assert.ok(whole.requests.some((w) => JSON.stringify(w) === JSON.stringify(q)), 'a shown request is the whole plan\'s');
    assert.equal(shown.length + summary.large.requestsNotShown, whole.summary.membershipRequests);
  });
}

test('custom identity groups: planned a window at a time, the counts still the whole plan\'s', async () => {
  const aggregation = configurable({ includeSegmentId: true, includeSegmentStatus: true, includeIdentity: true, oneIdentityPerGroup: false, groups: [{ namespaces: ['pinterest_audience'] }] });
  const activation = await project('custom-groups', aggregation, 'jsonl');
  const r = spawnSync(process.execPath, [CLI, 'preview', activation, '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const summary = JSON.parse(r.stdout) as PreviewReport;
  const { project: p } = await loadProject([dirname(activation), activation]);
  const { activation: resolved, plan } = await planFromDisk(p, p.file(activation));
  const whole = previewReport(resolved, plan, dir);
  assert.deepEqual(summary.counts, whole.counts);
  assert.deepEqual(summary.summary, whole.summary);
});
