// "Generate Sample Profiles…": the file goes next to the activation and never replaces one there;
// the count box takes what people type.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { freshSampleFile, parseCount } from '../../src/extension/sample-file';

test('the sample file is sample-profiles.jsonl next to the activation, then -2, -3 when taken', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-sample-file-'));
  assert.equal(freshSampleFile(dir, existsSync), join(dir, 'sample-profiles.jsonl'));
  writeFileSync(join(dir, 'sample-profiles.jsonl'), '');
  assert.equal(freshSampleFile(dir, existsSync), join(dir, 'sample-profiles-2.jsonl'));
  writeFileSync(join(dir, 'sample-profiles-2.jsonl'), '');
  assert.equal(freshSampleFile(dir, existsSync), join(dir, 'sample-profiles-3.jsonl'));
});

test('the count box takes whole numbers with group separators, and nothing else', () => {
  assert.equal(parseCount('250'), 250);
  assert.equal(parseCount(' 10,000 '), 10_000);
  assert.equal(parseCount('1 000 000'), 1_000_000);
  for (const bad of ['', '0', '-3', '1.5', 'ten', '1e3']) assert.equal(parseCount(bad), undefined, bad);
});
