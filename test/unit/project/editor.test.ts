// The editor project loader shared by the language server and the extension: open text over disk.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EditorProjects, type OpenDocument } from '../../../src/core/project/editor';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-editor-'));
  writeFileSync(join(dir, 'destination.json'), '{"name":"on disk"}');
  writeFileSync(join(dir, 'profiles.json'), '[{"email":"x"}]');
  writeFileSync(join(dir, 'server.json'), '{"destinationServerType":"URL_BASED"}');
  return dir;
}

const open = (path: string, text: string, version = 1): OpenDocument => ({ key: `file://${path}`, path, version, getText: () => text });

test('a project holds our kinds from disk, the unsaved text of open editors, and open-only files', () => {
  const dir = folder();
  const docs = [open(join(dir, 'destination.json'), '{"name":"unsaved"}'), open(join(dir, 'activation.json'), '{"connection":{},"mappings":[]}')];
  const project = new EditorProjects(() => docs).projectOf(dir);
  assert.deepEqual(project.files.map((f) => [f.path.slice(dir.length + 1), f.kind]), [
    ['activation.json', 'activation'],
    ['destination.json', 'destination'],
    ['server.json', 'destination-server'],
  ]);
  assert.deepEqual(project.file(join(dir, 'destination.json'))?.doc.value, { name: 'unsaved' }, 'the editor text wins over disk');
});

test('a file created on disk is seen after the folder is listed again', () => {
  const dir = folder();
  const projects = new EditorProjects(() => []);
  assert.equal(projects.projectOf(dir).ofKind('activation').length, 0);
  writeFileSync(join(dir, 'activation.json'), '{"connection":{},"mappings":[]}');
  projects.relist(dir);
  assert.equal(projects.projectOf(dir).ofKind('activation').length, 1);
});

test('user globs (pindest.files.globs) give a kind to files on disk that neither name nor content reveal', () => {
  const dir = folder();
  writeFileSync(join(dir, 'run-spring.json'), '{"name": "spring"}');
  writeFileSync(join(dir, 'notes.json'), '{"name": "notes"}');
  const projects = new EditorProjects(() => []);
  assert.equal(projects.projectOf(dir).ofKind('activation').length, 0);
  projects.setGlobs({ activation: ['**/run-*.json'], destination: ['nothing-{a,b}.json'] });
  assert.deepEqual(projects.projectOf(dir).ofKind('activation').map((f) => f.path), [join(dir, 'run-spring.json')]);
  assert.equal(projects.projectOf(dir).file(join(dir, 'notes.json')), undefined);
});
