// The four snippets expand (placeholders at their defaults) to JSON of the kind they are named for.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { kindFromContent } from '../../src/core/project/kinds';

const snippets = JSON.parse(readFileSync(join(import.meta.dirname, '../../snippets/pindest.snippets.json'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;

/** What VS Code inserts when every placeholder keeps its default. */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1')
    .replace(/\\([$}\\])/g, '$1');
}

test('each snippet expands to JSON of its kind', () => {
  const kinds = Object.values(snippets).map((s) => {
    const value = JSON.parse(expand(s.body));
    return [s.prefix[0], kindFromContent(value)];
  });
  assert.deepEqual(kinds, [
    ['pindest-destination', 'destination'],
    ['pindest-destination-server', 'destination-server'],
    ['pindest-audience-template', 'audience-template'],
    ['pindest-activation', 'activation'],
  ]);
});

test('the server snippet keeps the Pebble template intact', () => {
  const server = JSON.parse(expand(Object.values(snippets)[1]!.body));
  const example = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/pinterest-customer-list/destination-server.json'), 'utf8'));
  assert.equal(server.httpTemplate.requestBody.value, example.httpTemplate.requestBody.value);
});
