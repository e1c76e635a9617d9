// Delimiters, comments, whitespace control and literal syntax.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from './helpers';

test('text without delimiters is copied as is, including lone braces', () => {
  assert.equal(render('a { b } c %} d }} e'), 'a { b } c %} d }} e');
});

test('comments produce nothing', () => {
  assert.equal(render('a{# note {{ x }} #}b'), 'ab');
});

test('"-" trims all whitespace, CR and LF included, on its side only', () => {
  assert.equal(render('a \r\n\t {{- "x" }} b'), 'ax b');
  assert.equal(render('a {{ "x" -}} \r\n b'), 'a xb');
  assert.equal(render('a \r\n {%- if true -%} \r\n b \r\n {%- endif -%} \r\n c'), 'abc');
  assert.equal(render('a \n {#- c -#} \n b'), 'ab');
});

test('no newline is trimmed after a plain %} (Adobe keeps it)', () => {
  assert.equal(render('{% if true %}\nx\n{% endif %}\n'), '\nx\n\n');
  assert.equal(render('{% set a = 1 %}\r\n{{ a }}'), '\r\n1');
});

test('closing delimiters inside brackets do not end the expression', () => {
  assert.equal(render("{{ {'a': {'b': 1}} | toJson }}"), '{"a":{"b":1}}');
  assert.equal(render("{{ {'k': '}}'}['k'] }}"), '}}');
});

test('string literals: both quotes, escaped quotes and backslashes; other escapes stay', () => {
  assert.equal(render(`{{ 'it\\'s' }}|{{ "say \\"hi\\"" }}|{{ 'a\\\\b' }}|{{ 'a\\nb' }}`), `it's|say "hi"|a\\b|a\\nb`);
});

test('number, boolean and null literals', () => {
  assert.equal(render('{{ 42 }} {{ 1.5 }} {{ 3L }} {{ true }} {{ FALSE }} [{{ null }}] [{{ none }}]'), '42 1.5 3 true false [] []');
});

test('list and map literals', () => {
  assert.equal(render("{{ [1, 'a', [true]] | toJson }}"), '[1,"a",[true]]');
  assert.equal(render("{{ {'a': 1, 'b': [2]} | toJson }}"), '{"a":1,"b":[2]}');
  assert.equal(render('{{ [] | length }}{{ {} | length }}'), '00');
});
