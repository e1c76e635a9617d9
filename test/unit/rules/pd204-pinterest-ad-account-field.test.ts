import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';
import { patternProblem } from '../../../src/core/rules/pd204-pinterest-ad-account-field';

test('PD204: the example ad account field takes 1 to 18 digits', () => {
  assert.deepEqual(withCode(validateExample(), 'PD204'), []);
});

test('PD204: patterns are judged by what they accept, not by their text', () => {
  assert.equal(patternProblem('^[0-9]{1,18}$'), undefined);
  assert.equal(patternProblem('^\\d{1,18}$'), undefined);
  assert.equal(patternProblem('[0-9]{1,18}'), undefined, 'Java matches the whole value');
  assert.match(patternProblem('^[0-9]+$')!, /1234567890123456789/);
  assert.match(patternProblem('^[0-9]{12}$')!, /rejects the valid ad account id `1`/);
  assert.match(patternProblem('.*')!, /accepts/);
  assert.match(patternProblem('([')!, /not a valid regular expression/);
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
