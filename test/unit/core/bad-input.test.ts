import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_DEPTH } from '../../../src/core/json/document';
import { Project } from '../../../src/core/project/project';
import type { Rule } from '../../../src/core/rules/rule';
import { validateFile, validateProject } from '../../../src/core/validate';
import { EXAMPLE_DIR } from '../../helpers/example';

function check(name: string, text: string) {
  const [report] = validateProject(Project.fromTexts([{ path: `/tmp/bad/${name}`, text }]));
  return report!.diagnostics;
}

test('invalid JSON gives PD001 at the exact place, with a message a person understands', () => {
  const [d, ...rest] = check('destination.json', '{\n  "name": "x",\n  "status" "TEST"\n}');
  assert.equal(rest.length, 0);
  assert.equal(d!.code, 'PD001');
  assert.deepEqual(d!.range.start, { line: 2, character: 11 });
  assert.match(d!.message, /expected ':'/);
});

test('comments and trailing commas are named: Adobe\'s API takes strict JSON only', () => {
  const found = check('destination.json', '{\n  // note\n  "name": "x",\n}');
  assert.deepEqual(found.map((d) => [d.code, d.range.start.line, d.message]), [
    ['PD001', 1, "Invalid JSON: comments are not allowed in JSON (Adobe's API rejects them)."],
    ['PD001', 3, 'Invalid JSON: trailing comma; remove the comma before the closing bracket.'],
  ]);
});

test('while the text is broken, nothing is reported as missing: it may not be typed yet', () => {
  const found = check('destination.json', '{"name": "x", "schemaConfig": {"segmentRequired": true}, "destinationDelivery": [');
  assert.ok(found.length > 0);
  assert.ok(found.every((d) => d.code === 'PD001'), found.map((d) => d.code).join());
});

test('a recovered value of broken JSON is still validated and located', () => {
  const found = check('destination.json', '{"status": "test", "name": "x",}');
  const enumError = found.find((d) => d.code === 'PD012');
  assert.ok(enumError, 'the wrong-case status is still reported');
  assert.deepEqual(enumError.range.start, { line: 0, character: 11 });
});

test('an empty file is one clear error', () => {
  for (const text of ['', '  \n\t ']) {
    const found = check('destination.json', text);
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /empty/);
  }
});

test('a byte order mark is a warning, and the rest of the file is still validated', () => {
  const text = '\ufeff' + readFileSync(join(EXAMPLE_DIR, 'destination.json'), 'utf8').replace('"segmentRequired": true', '"segmentRequired": false');
  const found = check('destination.json', text);
  assert.deepEqual(found.map((d) => d.code).sort(), ['PD002', 'PD103']);
  const pd103 = found.find((d) => d.code === 'PD103')!;
  assert.equal(text.split(/\n/)[pd103.range.start.line]!.slice(pd103.range.start.character, pd103.range.end.character), 'false');
});

test('100,000 levels of nesting give one positioned error, not a stack overflow', () => {
  const text = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
  const found = check('destination.json', text);
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, new RegExp(`deeper than ${MAX_DEPTH}`));
  assert.deepEqual(found[0]!.range.start, { line: 0, character: 5 * MAX_DEPTH });
});

test('a binary file is one error', () => {
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
  const found = check('destination.json', bytes.toString('utf8'));
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /binary/);
});

test('a text file is one finding on its first line, not one per word, and quotes none of its text', () => {
  const found = check('destination.json', 'someone@example.com is on the list\nanother line of notes\n');
  assert.deepEqual(found.map((d) => [d.code, d.range]), [['PD001', { start: { line: 0, character: 0 }, end: { line: 0, character: 34 } }]]);
  assert.match(found[0]!.message, /^This file is not JSON: it does not start with a JSON value/);
  assert.doesNotMatch(found[0]!.message, /someone/);
});

test('a stray character before an object stays a located syntax error, not "not JSON"', () => {
  const found = check('destination.json', 'x{"name": "x"}');
  assert.deepEqual(found.map((d) => [d.code, d.message, d.range.start]), [['PD001', 'Invalid JSON: unexpected character.', { line: 0, character: 0 }]]);
});

test('a JSON file that is not one of ours is a warning saying how to name it', () => {
  const found = check('package.json', '{"name": "something-else", "version": "1.0.0"}');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'PD003');
});

test('a destination file that is not an object is an error', () => {
  const found = check('destination.json', '[1, 2, 3]');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /JSON object/);
});

test('a 50 MB destination is validated completely and its findings located', () => {
  const fields = Array.from({ length: 250_000 }, (_, i) => ({ name: `field${i}`, title: `Field number ${i} with a long title`, type: 'string', isRequired: false, description: 'padding '.repeat(14) }));
  fields[249_999]!.type = 'String';
  const text = JSON.stringify({ name: 'big', customerDataFields: fields }, null, 1);
  assert.ok(text.length > 50 * 1024 * 1024, `${text.length} bytes`);
  const found = check('destination.json', text).filter((d) => d.code === 'PD012');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.pointer, '/customerDataFields/249999/type');
  assert.deepEqual(found[0]!.data, { replacement: 'string' });
});

test('a rule that throws gives a fixed PD000 sentence: the exception text (a path, a token) reaches only the log hook', () => {
  const secret = 'failed reading /home/someone/private/profiles.csv with pina_FAKEFAKEFAKE';
  const thrower: Rule = { code: 'PD999', title: 'throws', severity: 'error', kinds: ['destination'], check: () => { throw new Error(secret); } };
  const logged: [string, unknown][] = [];
  const project = Project.fromTexts([{ path: '/tmp/bad/destination.json', text: '{"name": "x"}' }]);
  const found = validateFile(project, project.files[0]!, { rules: [thrower], onInternalError: (rule, e) => logged.push([rule, e]) });
  const internal = found.filter((d) => d.code === 'PD000');
  assert.equal(internal.length, 1);
  assert.equal(internal[0]!.message, 'Internal error in rule PD999: this check could not finish on this file; please report it. Other checks ran.');
  for (const d of found) assert.ok(!d.message.includes('/home/someone') && !d.message.includes('pina_'), d.message);
  assert.deepEqual(logged.map(([rule, e]) => [rule, (e as Error).message]), [['PD999', secret]]);
});
