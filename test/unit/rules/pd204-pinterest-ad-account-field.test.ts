import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkUnderlined, validateExample, withCode } from '../../helpers/example';
import { say } from '../../../src/core/report/l10n';
import { patternProblem } from '../../../src/core/rules/pd204-pinterest-ad-account-field';

test('PD204: the example ad account field takes 1 to 18 digits', () => {
  assert.deepEqual(withCode(validateExample(), 'PD204'), []);
});

test('PD204: patterns are judged by what they accept, not by their text', () => {
  const problem = (pattern: string) => { const m = patternProblem(pattern)?.message; return m && say(m); };
  assert.equal(problem('^[0-9]{1,18}$'), undefined);
  assert.equal(problem('^\\d{1,18}$'), undefined);
  assert.equal(problem('[0-9]{1,18}'), undefined, 'Java matches the whole value');
  assert.equal(problem('^(?:1|[0-9]{2,18})$'), undefined, 'an alternation matches the whole value when any branch does');
  assert.match(problem('^[0-9]+$')!, /1234567890123456789/);
  assert.match(problem('^[0-9]{12}$')!, /rejects the valid ad account id `1`/);
  assert.match(problem('.*')!, /accepts/);
  assert.match(problem('([')!, /cannot be checked: .*missing closing/);
});

test('PD204: a pattern the linear-time engine cannot run is an error at the construct, with the fix', () => {
  const { found, underlined } = checkUnderlined('PD204', (f) => (f.destination.customerDataFields[0].pattern = '^([0-9])\\1{0,17}$'), 'destination');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.pointer, '/customerDataFields/0/pattern');
  assert.equal(found[0]!.severity, 'error');
  assert.match(found[0]!.message, /backreference \(`\\1`\).*use `\^\[0-9\]\{1,18\}\$`/);
  assert.equal(underlined(found[0]!), '\\\\1', 'the backreference as written in the JSON text');
  assert.deepEqual(found[0]!.data, { set: { pointer: '/customerDataFields/0/pattern', value: '^[0-9]{1,18}$' } });
});

test('PD204: a missing field, a number type and a missing pattern are errors; not required is a warning', () => {
  const missing = withCode(validateExample((f) => (f.destination.customerDataFields = [])), 'PD204');
  assert.equal(missing.length, 1);
  assert.match(missing[0]!.message, /ad account id/);
  const loose = withCode(validateExample((f) => {
    const field = f.destination.customerDataFields[0];
    field.type = 'integer';
    delete field.pattern;
    field.isRequired = false;
  }), 'PD204');
  assert.deepEqual(loose.map((d) => [d.pointer, d.severity]).sort(), [
    ['/customerDataFields/0', 'error'],
    ['/customerDataFields/0', 'warning'],
    ['/customerDataFields/0/type', 'error'],
  ]);
});
