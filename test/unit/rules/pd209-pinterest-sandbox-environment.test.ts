import { test } from 'node:test';
import { say } from '../../../src/core/report/l10n';
import assert from 'node:assert/strict';
import { fixesFor } from '../../../src/core/edits/fixes';
import { exampleFiles, validateExample, withCode } from '../../helpers/example';

test('PD209: the example runs against the local simulator', () => {
  assert.deepEqual(withCode(validateExample(), 'PD209'), []);
});

test('PD209: a sandbox environment is one error naming x-sandbox and the way out (not the generic enum finding)', () => {
  const found = validateExample((f) => (f.activation.environment = 'sandbox'));
  assert.deepEqual(found.map((d) => [d.code, d.severity, d.pointer]), [['PD209', 'error', '/environment']]);
  assert.match(found[0]!.message, /x-sandbox: disabled/);
  assert.match(found[0]!.message, /customer_lists\/update/);
  assert.match(found[0]!.message, /use `local` \(the simulator\) or `production` with a test ad account/);
});

test('PD209: the fixes offer local (preferred) and production, and the fixed file validates clean', () => {
  const files = exampleFiles();
  files.activation.environment = 'sandbox';
  const text = JSON.stringify(files.activation, null, 2);
  const [d] = withCode(validateExample((f) => (f.activation.environment = 'sandbox')), 'PD209');
  const fixes = fixesFor(text, { code: d!.code, pointer: d!.pointer, data: d!.data, start: 0, end: 0 });
  assert.deepEqual(fixes.map((x) => [say(x.title), x.preferred === true]), [['Change to `local`', true], ['Change to `production`', false]]);
  for (const fix of fixes) {
    const [e] = fix.edits;
    const fixed = JSON.parse(text.slice(0, e!.offset) + e!.content + text.slice(e!.offset + e!.length));
    assert.deepEqual(validateExample((f) => (f.activation = fixed)), []);
  }
});
