// The language client serves our files only, and the manifest leaves JSON's snippets, formatter and
// outline to VS Code: one of each in every JSON file (issue 12, "One of each").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { globToRegExp } from '../../src/core/project/kinds';
import { documentFilters } from '../../src/extension/settings';

const matches = (filters: ReturnType<typeof documentFilters>, path: string, language = 'json') =>
  filters.some((f) => f.language === language && f.scheme === 'file' && globToRegExp(f.pattern).test(path));

test('the document selector names our file kinds, never every JSON file', () => {
  const filters = documentFilters(undefined, true);
  assert.ok(filters.every((f) => typeof f.pattern === 'string' && f.pattern.length > 0), 'a filter without pattern would take every JSON file');
  for (const p of ['/w/p/destination.json', '/w/p/destination-server.json', '/w/p/audience-template.json', '/w/p/activation.json', '/w/p/spring.destination.json']) {
    assert.ok(matches(filters, p), p);
    assert.ok(matches(filters, p, 'jsonc'), `${p} as jsonc`);
  }
  for (const p of ['/w/p/package.json', '/w/p/tsconfig.json', '/w/p/.vscode/settings.json', '/w/p/profiles.json', '/w/p/my-destination.json']) assert.ok(!matches(filters, p), p);
});

test('the user\'s extra globs join the selector in a trusted workspace only; junk is ignored', () => {
  const extra = { destination: ['**/dest-*.json', 3, ''] };
  assert.ok(matches(documentFilters(extra, true), '/w/p/dest-spring.json'));
  assert.ok(!matches(documentFilters(extra, false), '/w/p/dest-spring.json'));
  assert.ok(documentFilters(extra, true).every((f) => typeof f.pattern === 'string' && f.pattern !== ''));
});

test('the manifest contributes no JSON snippets and claims no JSON default formatter', () => {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
  // Contributed snippets show in every JSON completion list (strings and templates too), once per
  // prefix; the server offers them only where a whole file fits.
  assert.equal(manifest.contributes.snippets, undefined);
  // A `[json]` default formatter would claim every JSON file, and fail on those the server does not serve.
  assert.equal(manifest.contributes.configurationDefaults?.['[json]']?.['editor.defaultFormatter'], undefined);
  const format = manifest.contributes.commands.find((c: { command: string }) => c.command === 'pindest.formatKeepingStyle');
  assert.ok(format, 'the style-keeping formatting is a command');
  assert.ok(manifest.contributes.menus['editor/context'].some((m: { command: string; when: string }) => m.command === 'pindest.formatKeepingStyle' && m.when.includes('destination')));
});
