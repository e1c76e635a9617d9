// The one "did you mean" every message uses (rules, template names, identity namespaces).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { didYouMean, suggest } from '../../../src/core/text/suggest';

test('case, separators, a unique prefix, then one edit per three letters (a swap counts one)', () => {
  assert.equal(suggest('streaming', ['Streaming', 'Batch']), 'Streaming');
  assert.equal(suggest('EmailLCSHA256', ['Email', 'Email_LC_SHA256']), 'Email_LC_SHA256');
  assert.equal(suggest('pinterest', ['pinterest_audience', 'email']), 'pinterest_audience');
  assert.equal(suggest('fro', ['for', 'if', 'set']), 'for');
  assert.equal(suggest('lenght', ['length', 'lower']), 'length');
  assert.equal(suggest('destinationServerIdd', ['destinationServerId']), 'destinationServerId');
});

test('no guess for names under three letters or far from every candidate', () => {
  assert.equal(suggest('X1', ['C1', 'C2', 'S1']), undefined, 'short codes differ by one letter from many others');
  assert.equal(suggest('CRMID', ['ECID', 'Email', 'GAID', 'IDFA']), undefined);
  assert.equal(suggest('', ['a']), undefined);
  assert.equal(didYouMean('uper', ['upper', 'lower']), ' Did you mean "upper"?');
  assert.equal(didYouMean('zzzz', ['upper', 'lower']), '');
});
