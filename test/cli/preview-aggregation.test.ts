/** `pindest preview` and `validate` on identity groups that would drop profiles: said, never a silent zero. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_DIR } from '../helpers/example';

const CLI = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));

function pindest(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a group naming the source namespace `Email`: validate warns at the name, preview says 8 identities of 5 profiles are not exported and why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-groups-'));
  try {
    cpSync(EXAMPLE_DIR, dir, { recursive: true });
    const path = join(dir, 'destination.json');
    const destination = JSON.parse(readFileSync(path, 'utf8'));
    Object.assign(destination.aggregation.configurableAggregation.aggregationKey, { includeIdentity: true, oneIdentityPerGroup: false, groups: [{ namespaces: ['Email'] }] });
    const text = JSON.stringify(destination, null, 2);
    writeFileSync(path, text);

    const v = pindest(dir, ['validate', '.']);
    const line = text.split('\n').findIndex((l) => l.trim() === '"Email"') + 1;
    assert.match(v.stdout, new RegExp(`destination\\.json:${line}:\\d+ warning PD120 \`Email\` is not a target identity of this destination`));

    const p = pindest(dir, ['preview', 'activation.json']);
    assert.equal(p.code, 1, p.stdout + p.stderr);
    assert.match(p.stdout, /Identity values: 12 in 7 profiles; 0 profiles exported/);
    assert.match(p.stdout, /Identities: 0 mapped, 11 rejected, 1 not mapped \(7 profiles, 0 exported\)/);
    assert.match(p.stdout, /aggregation-no-group ×8: In no `aggregationKey\.groups` group of the destination \(\[Email\]\), so AEP does not export it\./);
    assert.match(p.stdout, /destination\.json \/aggregation\/configurableAggregation\/aggregationKey\/groups: 8 identities of 5 profiles \(5 profiles entirely\) not exported: their target identity `pinterest_audience` is in no `aggregationKey\.groups` group/);
    assert.doesNotMatch(p.stdout, /membership update/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
