// sha256Lower: the same digests as an independent createHash, unicode included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256Hex, sha256Lower } from '../../../src/core/identity/index';

const reference = (s: string) => createHash('sha256').update(s.trim().toLowerCase(), 'utf8').digest('hex');

test('sha256Lower trims, lowercases and hashes UTF-8 to lowercase hex, no salt', () => {
  assert.equal(sha256Lower('  Test@Example.COM '), '973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b');
  assert.equal(sha256Lower('\tTEST@example.com\n'), sha256Lower('test@example.com'));
  assert.equal(sha256Lower(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(sha256Lower('Élodie@Example.org'), reference('élodie@example.org'));
  assert.match(sha256Lower('x'), /^[0-9a-f]{64}$/);
  assert.equal(sha256Hex(' A '), createHash('sha256').update(' A ').digest('hex'), 'sha256Hex does not normalise');
});
