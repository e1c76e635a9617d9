/** The unified diff `pindest deploy --dry-run` prints: exact on a known case, and always a patch that rebuilds the new text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffLines, unifiedDiff } from '../../../src/core/text/diff';

test('a one-line change is one hunk with three lines of context, as diff -u prints it', () => {
  const a = ['{', '  "a": 1,', '  "b": 2,', '  "c": 3,', '  "d": 4,', '  "e": 5,', '  "f": 6,', '  "g": 7', '}'].join('\n');
  const b = a.replace('"d": 4', '"d": 40');
  assert.equal(unifiedDiff('AEP', 'local', a, b), ['--- AEP', '+++ local', '@@ -2,7 +2,7 @@', '   "a": 1,', '   "b": 2,', '   "c": 3,', '-  "d": 4,', '+  "d": 40,', '   "e": 5,', '   "f": 6,', '   "g": 7', ''].join('\n'));
});

test('equal texts have no diff; a created file is all additions from line 0', () => {
  assert.equal(unifiedDiff('a', 'b', 'x\ny\n', 'x\ny'), '');
  assert.equal(unifiedDiff('/dev/null', 'local', '', 'x\ny\n'), '--- /dev/null\n+++ local\n@@ -0,0 +1,2 @@\n+x\n+y\n');
});

test('the edit script is minimal and rebuilds both sides (random texts)', () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  for (let round = 0; round < 300; round++) {
    const a = Array.from({ length: rand(12) }, () => 'abc'[rand(3)]!);
    const b = Array.from({ length: rand(12) }, () => 'abc'[rand(3)]!);
    const ops = diffLines(a, b);
    assert.deepEqual(ops.filter((o) => o.kind !== '+').map((o) => o.line), a);
    assert.deepEqual(ops.filter((o) => o.kind !== '-').map((o) => o.line), b);
    // Minimal: edits = n + m - 2 × LCS length.
    const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) lcs[i]![j] = a[i - 1] === b[j - 1] ? lcs[i - 1]![j - 1]! + 1 : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
    assert.equal(ops.filter((o) => o.kind !== ' ').length, a.length + b.length - 2 * lcs[a.length]![b.length]!);
  }
});

test('hunks far apart are separate, each with its own line numbers', () => {
  const a = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
  const b = [...a];
  b[1] = 'changed 2';
  b[25] = 'changed 26';
  const d = unifiedDiff('a', 'b', a.join('\n'), b.join('\n'));
  assert.deepEqual(d.split('\n').filter((l) => l.startsWith('@@')), ['@@ -1,5 +1,5 @@', '@@ -23,7 +23,7 @@']);
});
