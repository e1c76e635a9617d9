/** 10,000 seeded random edits leave the server alive, answering and free of handler errors. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { runFuzz } from './fuzz';

test('fuzz: 10,000 random edits with requests in between', { timeout: 120_000 }, async () => {
  const r = await runFuzz(10_000, 20251128);
  assert.deepEqual(r.errors, []);
  assert.ok(r.requests >= 190);
});
