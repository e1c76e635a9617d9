// sha256Lower and the bulk paths: same digests as an independent createHash, the worker pool equal
// to the single-thread batch, including unicode and odd values that a separator would break.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { hashEmailsBatch, hashInWorkers, sha256Hex, sha256Lower } from '../../../src/core/identity/index';

const reference = (s: string) => createHash('sha256').update(s.trim().toLowerCase(), 'utf8').digest('hex');

test('sha256Lower trims, lowercases and hashes UTF-8 to lowercase hex, no salt', () => {
  assert.equal(sha256Lower('  Test@Example.COM '), '973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b');
  assert.equal(sha256Lower('\tTEST@example.com\n'), sha256Lower('test@example.com'));
  assert.equal(sha256Lower(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(sha256Lower('Élodie@Example.org'), reference('élodie@example.org'));
  assert.match(sha256Lower('x'), /^[0-9a-f]{64}$/);
  assert.equal(sha256Hex(' A '), createHash('sha256').update(' A ').digest('hex'), 'sha256Hex does not normalise');
});

function sample(n: number): string[] {
  const odd = [' Tab\t@Example.com', 'line\nbreak@example.org', '', 'ünï@example.com', '😀@example.com', 'a,b|c@example.com', '\u0000nul@example.com'];
  return Array.from({ length: n }, (_, i) => (i % 50 === 0 ? odd[(i / 50) % odd.length] : `  User${i}@Example${i % 13}.COM `));
}

test('hashEmailsBatch equals per-value sha256Lower', () => {
  const values = sample(2_000);
  const batch = hashEmailsBatch(values);
  assert.equal(batch.length, values.length);
  values.forEach((v, i) => assert.equal(batch[i], reference(v)));
  assert.deepEqual(hashEmailsBatch([]), []);
});

test('hashInWorkers equals the single-thread batch, in order', async () => {
  const values = sample(25_003);
  const single = hashEmailsBatch(values);
  assert.deepEqual(await hashInWorkers(values, 2, { minValuesPerThread: 0 }), single);
  assert.deepEqual(await hashInWorkers(values, 3, { minValuesPerThread: 0 }), single);
  assert.deepEqual(await hashInWorkers(values.slice(0, 7), 1, { minValuesPerThread: 0 }), single.slice(0, 7));
});

test('hashInWorkers stays on the calling thread for small inputs and handles empty input', async () => {
  assert.deepEqual(await hashInWorkers(['A@example.com'], 4), [reference('a@example.com')]);
  assert.deepEqual(await hashInWorkers([], 4), []);
  assert.deepEqual(await hashInWorkers([], 4, { minValuesPerThread: 0 }), []);
});

test('hashInWorkers rejects non-strings instead of hashing garbage', async () => {
  await assert.rejects(hashInWorkers(['a', 1 as unknown as string], 1, { minValuesPerThread: 0 }), TypeError);
});
