/**
 * Pebble's `split` takes a Java regex delimiter (String.split(delimiter[, limit])). It runs on the
 * linear-time engine every workspace pattern runs on; a delimiter that engine cannot run is a
 * render error at the filter, never a hang.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRenderError, render } from './helpers';

test('split: a regex delimiter, with and without a limit', () => {
  assert.equal(render("{{ 'a1b22c333' | split('[0-9]+') | toJson }}"), '["a","b","c"]');
  assert.equal(render("{{ 'a1b22c333' | split('[0-9]+', -1) | toJson }}"), '["a","b","c",""]');
  assert.equal(render("{{ 'a1b22c333' | split('[0-9]+', 2) | toJson }}"), '["a","b22c333"]');
  assert.equal(render("{{ 'x | y|z' | split('\\\\s*\\\\|\\\\s*') | toJson }}"), '["x","y","z"]');
  assert.equal(render("{{ 'a.b' | split('.') | toJson }}"), '[]', 'a dot is any character, as in Java');
  assert.equal(render("{{ 'a.b' | split('\\\\Q.\\\\E') | toJson }}"), '["a","b"]');
  assert.equal(render('{{ s | split(d) | toJson }}', { s: 'eu;us', d: ';' }), '["eu","us"]');
});

test('split: a catastrophic delimiter against long input returns', { timeout: 30_000 }, () => {
  const input = `${'a'.repeat(40)}b`;
  assert.equal(render('{{ s | split("(a+)+c") | length }}', { s: input }), '1');
  assert.equal(render('{{ s | split("(a|aa)+$") | toJson }}', { s: input }), JSON.stringify([input]));
});

test('split: a delimiter the linear-time engine cannot run is an error at the filter', () => {
  assertRenderError("{{ 'aXXb' | split('(X)\\\\1') }}", {}, 1, 13, /The split delimiter "\(X\)\\1" cannot be used: it uses a backreference/);
  assertRenderError("{{ 'ab' | split('(?=b)') }}", {}, 1, 11, /lookahead/);
  assertRenderError("{{ 'ab' | split('[') }}", {}, 1, 11, /missing closing \]/);
});
