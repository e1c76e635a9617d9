// Across every fixture and format: no problem message repeats an identifier from the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { drain, fixture, identifiersIn } from './helpers';

test('problem messages never contain a raw identifier from the input', async () => {
  const names = readdirSync(fixture('')).filter((n) => /\.(json|jsonl|csv)$/.test(n));
  assert.ok(names.length >= 6);
  for (const name of names) {
    const ids = identifiersIn(readFileSync(fixture(name), 'utf8'));
    for (const options of [{}, { streamThresholdBytes: 0 }]) {
      const { problems } = await drain(fixture(name), options);
      for (const p of problems) {
        for (const id of ids) assert.ok(!p.message.includes(id), `${name}: "${p.message}" repeats an identifier`);
      }
    }
  }
});
