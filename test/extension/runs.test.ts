// The run history: the last runs of a project as JSON in .pindest/runs/ (a folder that ignores
// itself), newest first, the oldest deleted past the limit; a file that is not a run is skipped.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ActivationReport } from '../../src/core/execute/report';
import { listRuns, loadRun, runsFolder, saveRun } from '../../src/extension/runs';

function report(outcome: ActivationReport['outcome'], environment = 'local'): ActivationReport {
  return {
    activation: { file: 'activation.json', name: 'Spring', destination: 'D' },
    environment,
    baseUrl: 'http://127.0.0.1:1/v5',
    adAccount: { id: '549755885175' },
    outcome,
    summary: { profiles: 0, exported: 0, identities: { mapped: 0, rejected: 0, notMapped: 0 }, membershipRequests: 0, records: 0, listCreates: 0, accepted: 0, rejected: 0, created: 0, reused: 0, checks: 0, notDoneByAep: 0 },
    state: { where: 'memory', persistent: false },
    calls: [],
    counts: [],
    notSent: {},
    lists: [],
    notes: [],
  };
}

test('runs are saved next to the activation, listed newest first, and only the last ones are kept', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'pindest-runs-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const activation = join(dir, 'activation.json');
  assert.deepEqual(await listRuns(activation), [], 'no history yet');
  const start = Date.parse('2026-11-29T10:00:00.000Z');
  for (let i = 0; i < 5; i++) await saveRun(activation, report(i === 4 ? 'failed' : 'succeeded', i === 3 ? 'production' : 'local'), new Date(start + i * 60_000), 3);
  const runs = await listRuns(activation);
  assert.deepEqual(runs.map((r) => [r.savedAt, r.outcome, r.environment]), [
    ['2026-11-29T10:04:00.000Z', 'failed', 'local'],
    ['2026-11-29T10:03:00.000Z', 'succeeded', 'production'],
    ['2026-11-29T10:02:00.000Z', 'succeeded', 'local'],
  ]);
  assert.equal((await readdir(runsFolder(activation))).length, 3, 'the two oldest were deleted');
  assert.equal(await readFile(join(dir, '.pindest', '.gitignore'), 'utf8'), '*\n', 'the folder ignores itself');
  const back = await loadRun(runs[0]!.path);
  assert.deepEqual(back.report, report('failed'));
});

test('two runs in the same millisecond both stay; a file that is not a run is skipped and named when opened', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'pindest-runs-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const activation = join(dir, 'activation.json');
  const at = new Date('2026-11-29T10:00:00.000Z');
  const a = await saveRun(activation, report('succeeded'), at);
  const b = await saveRun(activation, report('succeeded'), at);
  assert.notEqual(a, b);
  const junk = join(runsFolder(activation), 'zzz.json');
  await writeFile(junk, '{"not":"a run"}');
  assert.equal((await listRuns(activation)).length, 2);
  await assert.rejects(loadRun(junk), /zzz\.json is not a saved test activation run\./);
});

test('a run file that is not JSON, or a report without its activation, is skipped in the list and named when opened', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'pindest-runs-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const activation = join(dir, 'activation.json');
  await saveRun(activation, report('succeeded'), new Date('2026-11-29T10:00:00.000Z'));
  const truncated = join(runsFolder(activation), 'zz1.json');
  await writeFile(truncated, '{"savedAt": "2026-11-29T11:00:00.000Z", "rep');
  const partial = join(runsFolder(activation), 'zz2.json');
  await writeFile(partial, JSON.stringify({ savedAt: '2026-11-29T12:00:00.000Z', report: { calls: [] } }));
  assert.deepEqual((await listRuns(activation)).map((r) => r.savedAt), ['2026-11-29T10:00:00.000Z']);
  await assert.rejects(loadRun(truncated), /^Error: .*zz1\.json is not a saved test activation run\.$/);
  await assert.rejects(loadRun(partial), /zz2\.json is not a saved test activation run\./);
});
