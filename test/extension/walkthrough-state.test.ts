import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTEXT_KEYS, doneSteps, walkthroughContexts } from '../../src/extension/walkthrough-state';

const ROOT = join(import.meta.dirname, '../..');

test('walkthrough: steps done in an earlier session are true at activation, the rest false', () => {
  const ctx = walkthroughContexts(doneSteps(['sent', 'previewed']), true);
  assert.deepEqual(ctx, { 'pindest.projectOpen': true, 'pindest.hasPreviewed': true, 'pindest.hasEditedTemplate': false, 'pindest.hasSent': true });
});

test('walkthrough: a stored value that is not a list of known steps counts as nothing done', () => {
  for (const stored of [undefined, 'sent', { sent: true }, ['unknown']]) assert.equal(doneSteps(stored).size, 0);
  assert.deepEqual(Object.values(walkthroughContexts(doneSteps(undefined), false)), [false, false, false, false]);
});

test('walkthrough: every step completes on a context key the extension sets, besides its command', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const keys = new Set<string>(Object.values(CONTEXT_KEYS));
  const byStep = Object.fromEntries(pkg.contributes.walkthroughs[0].steps.map((s: { id: string; completionEvents: string[] }) => [s.id, s.completionEvents]));
  assert.ok(byStep.open.includes(`onContext:${CONTEXT_KEYS.projectOpen}`));
  assert.ok(byStep.preview.includes(`onContext:${CONTEXT_KEYS.previewed}`));
  assert.ok(byStep.template.includes(`onContext:${CONTEXT_KEYS.editedTemplate}`));
  assert.ok(byStep.send.includes(`onContext:${CONTEXT_KEYS.sent}`));
  for (const events of Object.values(byStep) as string[][]) {
    for (const e of events.filter((e) => e.startsWith('onContext:'))) assert.ok(keys.has(e.slice('onContext:'.length)), e);
  }
});

test('walkthrough: step descriptions use no backticks (shown literally by some VS Code versions); bold instead', () => {
  for (const f of ['package.nls.json', 'package.nls.fr.json']) {
    const nls = JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as Record<string, string>;
    for (const [k, v] of Object.entries(nls).filter(([k]) => k.startsWith('walkthrough.'))) assert.ok(!v.includes('`'), `${f} ${k}`);
  }
});
