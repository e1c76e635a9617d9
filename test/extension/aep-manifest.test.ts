// The manifest entries of the AEP commands: each contributed in the category, Sign Out of Adobe
// offered only when signed in, the AEP environment ignored in an untrusted workspace, and the
// authoring URL machine-scoped (a workspace cannot send Adobe credentials elsewhere).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));

test('the AEP commands are contributed; Sign Out of Adobe shows only when signed in', () => {
  const ids = pkg.contributes.commands.map((c: { command: string }) => c.command);
  for (const id of ['signInAdobe', 'signOutAdobe', 'deployToAep', 'pullFromAep', 'publishToAep']) assert.ok(ids.includes(`pindest.${id}`), id);
  assert.deepEqual(pkg.contributes.menus.commandPalette.find((m: { command: string }) => m.command === 'pindest.signOutAdobe'), { command: 'pindest.signOutAdobe', when: 'pindest.signedInToAdobe' });
});

test('the AEP settings: environment local by default and ignored when untrusted; the authoring URL machine-scoped, https or loopback', () => {
  const props = pkg.contributes.configuration.properties;
  assert.equal(props['pindest.aep.environment'].default, 'local');
  assert.deepEqual(props['pindest.aep.environment'].enum, ['local', 'production']);
  assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('pindest.aep.environment'));
  assert.equal(props['pindest.aep.baseUrl'].scope, 'machine');
  const pattern = new RegExp(props['pindest.aep.baseUrl'].pattern);
  for (const ok of ['', 'https://platform.adobe.io/data/core/activation/authoring', 'http://127.0.0.1:4010/data/core/activation/authoring', 'http://localhost:9/']) assert.ok(pattern.test(ok), ok);
  for (const bad of ['http://platform.adobe.io/data', 'http://10.0.0.5:80/x', 'ftp://x']) assert.ok(!pattern.test(bad), bad);
});
