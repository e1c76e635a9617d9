// Every user-visible string of the extension has its French translation, and every manifest
// placeholder (%key%) has English and French text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '../..');
const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));

test('every vscode.l10n.t string has a French translation with the same placeholders', () => {
  const fr = read('l10n/bundle.l10n.fr.json') as Record<string, string>;
  const dir = join(ROOT, 'src/extension');
  const strings = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add(m[1]!.replace(/\\'/g, "'"));
  }
  assert.ok(strings.size > 30);
  for (const s of strings) {
    assert.ok(s in fr, `missing French for: ${s}`);
    const ph = (x: string) => [...x.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
    assert.equal(ph(fr[s]!), ph(s), s);
  }
  for (const k of Object.keys(fr)) assert.ok(strings.has(k), `unused French string: ${k}`);
});

test('manifest placeholders resolve in English and French', () => {
  const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
  const keys = new Set([...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]!));
  const en = read('package.nls.json');
  const fr = read('package.nls.fr.json');
  assert.ok(keys.size > 20);
  for (const k of keys) {
    assert.ok(en[k], `package.nls.json lacks ${k}`);
    assert.ok(fr[k], `package.nls.fr.json lacks ${k}`);
  }
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
});

test('manifest: every command is in the category, settings have scopes and markdown descriptions', () => {
  const pkg = read('package.json');
  for (const c of pkg.contributes.commands) assert.equal(c.category, '%category%', c.command);
  for (const [k, v] of Object.entries(pkg.contributes.configuration.properties) as [string, { scope?: string; markdownDescription?: string }][]) {
    assert.ok(v.scope, `${k} has no scope`);
    assert.ok(v.markdownDescription, `${k} has no markdownDescription`);
  }
  assert.equal(pkg.contributes.configuration.properties['pindest.pinterest.baseUrl'].scope, 'machine', 'a workspace must not redirect tokens');
  // The language server validates with the schemas; VS Code's own JSON validation would repeat every error.
  assert.equal(pkg.contributes.jsonValidation, undefined);
  assert.ok(!pkg.activationEvents.includes('*'));
});
