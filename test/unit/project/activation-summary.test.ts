// What the status item shows: the activation's environment and ad account, through the editor project loader.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EditorProjects, type OpenDocument } from '../../../src/core/project/editor';
import { activationSummary } from '../../../src/core/rules/facts';
import { EXAMPLE_DIR } from '../../helpers/example';

function copyOfExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-status-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  return dir;
}

function summary(projects: EditorProjects, dir: string) {
  const project = projects.projectOf(dir);
  return activationSummary(project, project.ofKind('activation')[0]!);
}

test('the ad account is read from the field the destination declares, whatever its name', () => {
  const dir = copyOfExample();
  assert.deepEqual(summary(new EditorProjects(() => []), dir), { environment: 'local', adAccountId: '549755885175' });
  const destination = JSON.parse(readFileSync(join(dir, 'destination.json'), 'utf8'));
  destination.customerDataFields[0].name = 'ad_account_id';
  writeFileSync(join(dir, 'destination.json'), JSON.stringify(destination));
  const activation = JSON.parse(readFileSync(join(dir, 'activation.json'), 'utf8'));
  activation.connection.customerData = { adAccountId: '111', ad_account_id: '222333' };
  writeFileSync(join(dir, 'activation.json'), JSON.stringify(activation));
  assert.equal(summary(new EditorProjects(() => []), dir).adAccountId, '222333');
});

test('the unsaved activation is parsed once per version, not per call', () => {
  const dir = copyOfExample();
  const path = join(dir, 'activation.json');
  const text = readFileSync(path, 'utf8');
  const doc = (version: number, t: string): OpenDocument => ({ key: `file://${path}`, path, version, getText: () => t });
  let open = doc(1, text.replace('549755885175', '987654321'));
  const projects = new EditorProjects(() => [open]);
  const first = projects.projectOf(dir).file(path);
  assert.equal(summary(projects, dir).adAccountId, '987654321', 'the editor text, not the disk');
  assert.equal(projects.projectOf(dir).file(path), first, 'same version: the same parsed file');
  open = doc(2, text.replace('549755885175', '123456789'));
  assert.notEqual(projects.projectOf(dir).file(path), first, 'a new version is parsed again');
  assert.equal(summary(projects, dir).adAccountId, '123456789');
});
