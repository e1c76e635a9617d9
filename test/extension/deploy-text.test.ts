// The words of Deploy to AEP before anything is sent: which resources get a diff (those that
// would change, in the order AEP needs them), the URIs of the diff's sides, the confirmation that
// lists what is created, updated and left alone, and the refusal that names each file with errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedItems, confirmDetail, counts, errorsByFile, refusalFiles, sidePath, sideText, type PlanItem } from '../../src/extension/deploy-text';

const plan: PlanItem[] = [
  { kind: 'destination', name: 'Pinterest Customer List', file: 'destination.json', action: 'create', local: '{}' },
  { kind: 'audience-template', name: 'Pinterest customer list', file: 'audience-template.json', instanceId: 'tpl-1', action: 'unchanged', aep: '{}', local: '{}' },
  { kind: 'destination-server', name: 'Pinterest server', file: 'sub/destination-server.json', instanceId: 'srv-1', action: 'update', aep: '{"a":1}', local: '{"a":2}' },
];

test('a diff is shown for each resource that would change, server first, destination last; unchanged ones get none', () => {
  assert.deepEqual(changedItems(plan).map((i) => i.kind), ['destination-server', 'destination']);
  assert.deepEqual(changedItems([{ ...plan[1]! }]), []);
  // a conflict is shown too: the diff is where the user sees what changed in AEP
  assert.deepEqual(changedItems([{ ...plan[1]!, action: 'conflict' }]).map((i) => i.action), ['conflict']);
});

test('the diff sides: the file name ends the path (the tab shows it), AEP and local apart; AEP\'s side is empty for a create', () => {
  assert.equal(sidePath('aep', plan[2]!), '/aep/destination-server/destination-server.json');
  assert.equal(sidePath('local', plan[2]!), '/local/destination-server/destination-server.json');
  assert.equal(sidePath('local', { kind: 'destination', file: 'C:\\p\\x.destination.json' }), '/local/destination/x.destination.json');
  assert.equal(sideText(undefined), '');
  assert.equal(sideText('{}'), '{}\n');
  assert.equal(sideText('{}\n'), '{}\n');
});

test('the confirmation lists what is created, updated and unchanged, in dependency order, with files and ids', () => {
  const detail = confirmDetail(plan, 'the local AEP simulator (sandbox prod, http://127.0.0.1:1)');
  assert.equal(
    detail,
    [
      'To the local AEP simulator (sandbox prod, http://127.0.0.1:1).',
      '',
      'Created (1):',
      '  • destination "Pinterest Customer List" (destination.json)',
      'Updated (1):',
      '  • destination server "Pinterest server" (sub/destination-server.json), srv-1',
      'Unchanged (1):',
      '  • audience template "Pinterest customer list" (audience-template.json), tpl-1',
    ].join('\n'),
  );
  assert.match(confirmDetail(plan.slice(0, 1), 'x'), /Updated: none\nUnchanged: none$/);
  assert.deepEqual(counts(plan, ['create', 'update', 'unchanged', 'conflict']), { create: 1, update: 1, unchanged: 1, conflict: 0 });
});

test('the refusal names each file with its error count and first error', () => {
  const errors = errorsByFile([
    { file: 'destination.json', code: 'PD103', message: 'segmentRequired must be true.' },
    { file: 'destination-server.json', code: 'PD401', message: 'Pebble syntax error.' },
    { file: 'destination.json', code: 'PD010', message: 'name is required.' },
  ]);
  assert.deepEqual(errors, [
    { file: 'destination.json', count: 2, first: 'PD103 segmentRequired must be true.' },
    { file: 'destination-server.json', count: 1, first: 'PD401 Pebble syntax error.' },
  ]);
  assert.equal(refusalFiles(errors), 'destination.json (2 errors; PD103 segmentRequired must be true.); destination-server.json (1 error; PD401 Pebble syntax error.)');
});
