// The identity rules against vectors computed independently with Python's hashlib
// (test/vectors/make_identity_vectors.py), so a bug shared by the code and its own tests cannot hide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { prepareIdentity } from '../../../src/core/identity/index';

interface VectorCase {
  namespace: string;
  input: string;
  applyTransformation: boolean;
  expected: { ok: true; value: string } | { ok: false; reason: string };
  note: string;
}

const vectors = JSON.parse(readFileSync(new URL('../../vectors/identity-vectors.json', import.meta.url), 'utf8')) as {
  cases: VectorCase[];
};

test('the vectors file covers the documented examples and enough cases', () => {
  assert.ok(vectors.cases.length >= 50);
  const values = vectors.cases.flatMap((c) => (c.expected.ok ? [c.expected.value] : []));
  assert.ok(values.includes('973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b'));
  assert.ok(values.includes('f23b554b2a8fb732a8b973733832e70f018da7bc294dfea289735a07d5dd2c9f'));
});

for (const c of vectors.cases) {
  const label = `${c.namespace} ${c.applyTransformation ? 'with' : 'without'} transformation: ${c.note}`;
  test(label, () => {
    const result = prepareIdentity(c.namespace, c.input, { applyTransformation: c.applyTransformation });
    if (c.expected.ok) {
      assert.equal(result.ok, true, result.ok ? '' : `rejected: ${result.reason}`);
      assert.equal(result.ok && result.value, c.expected.value);
    } else {
      assert.equal(result.ok, false, 'expected a rejection');
      assert.equal(!result.ok && result.reason, c.expected.reason);
    }
  });
}
