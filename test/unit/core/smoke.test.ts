import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SOURCE } from '../../../src/core/diagnostics';

test('diagnostics carry the pindest source name', () => {
  assert.equal(SOURCE, 'pindest');
});
