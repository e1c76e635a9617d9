import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressBar } from '../../src/cli/progress';

function io() {
  const err: string[] = [];
  return { err, io: { stdout: () => {}, stderr: (t: string) => void err.push(t), cwd: '.' } };
}

test('on a terminal, a long push shows one self-overwriting progress line, cleared at the end', () => {
  const { err, io: x } = io();
  const bar = progressBar(x, true);
  bar.update({ phase: 'membership', done: 0, total: 4 });
  bar.update({ phase: 'membership', done: 2, total: 4 });
  bar.update({ phase: 'membership', done: 2, total: 4 });
  bar.done();
  assert.equal(err.length, 3, 'an unchanged line is not written again');
  assert.equal(err[1], `\rmembership [${'#'.repeat(15)}${'.'.repeat(15)}] 2/4`);
  assert.match(err[2]!, /^\r +\r$/);
});

test('off a terminal (CI logs, pipes) nothing is written', () => {
  const { err, io: x } = io();
  const bar = progressBar(x, false);
  bar.update({ phase: 'membership', done: 1, total: 4 });
  bar.done();
  assert.deepEqual(err, []);
});
