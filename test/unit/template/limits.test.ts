// Limits: evaluation steps, output size, nesting depth. Hostile templates fail fast with an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplate, renderTemplate, TemplateFailure } from '../../../src/core/template/index';
import { render } from './helpers';

const ten = Array.from({ length: 10 }, (_, i) => i);

function failure(fn: () => unknown): TemplateFailure {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateFailure) return e;
    throw e;
  }
  assert.fail('expected a TemplateFailure');
}

test('a 1e7-iteration loop nest stops at the default maxSteps', () => {
  let t = '{{ x }}';
  for (let i = 0; i < 7; i++) t = `{% for v${i} in ten %}${t}{% endfor %}`;
  const f = failure(() => renderTemplate(t, { ten, x: '' }));
  assert.match(f.message, /exceeded maxSteps \(1000000 evaluation steps\)/);
  assert.equal(f.line, 1);
});

test('maxSteps is configurable and counts loop iterations', () => {
  const t = '{% for x in l %}{{ x }}{% endfor %}';
  assert.equal(render(t, { l: [1, 2, 3, 4, 5] }, { maxSteps: 5 }), '12345');
  assert.match(failure(() => render(t, { l: [1, 2, 3, 4, 5, 6] }, { maxSteps: 5 })).message, /maxSteps \(5 evaluation steps\)/);
});

test('maxOutput stops a template that writes too much', () => {
  const t = '{% for x in l %}0123456789{% endfor %}';
  assert.equal(render(t, { l: ten }, { maxOutput: 100 }).length, 100);
  const f = failure(() => render(t, { l: [...ten, 10] }, { maxOutput: 100 }));
  assert.match(f.message, /exceeded maxOutput \(100 characters\)/);
  assert.equal(f.column, 17);
  const big = Array.from({ length: 1000 }, (_, i) => i);
  const line = '0123456789'.repeat(10);
  assert.match(failure(() => render(`{% for a in big %}{% for b in ten %}${line}{% endfor %}{% endfor %}`, { big, ten: Array.from({ length: 110 }, (_, i) => i) })).message, /maxOutput \(10485760 characters\)/);
});

test('strings and lists doubled in a loop hit a limit instead of exhausting memory', () => {
  const r = Array.from({ length: 64 }, (_, i) => i);
  assert.match(failure(() => render("{% set s = 'ab' %}{% for i in r %}{% set s = s ~ s %}{% endfor %}{{ s | length }}", { r })).message, /maxOutput/);
  assert.match(failure(() => render("{% set s = 'ab' %}{% for i in r %}{% set s = s + s %}{% endfor %}", { r })).message, /maxOutput/);
  assert.match(failure(() => render('{% set l = [1] %}{% for i in r %}{% set l = l + l %}{% endfor %}', { r })).message, /maxSteps/);
  assert.match(failure(() => render('{% set l = [1] %}{% for i in r %}{% set l = l | merge(l) %}{% endfor %}', { r })).message, /maxSteps/);
  assert.match(failure(() => render("{% set s = 'ab' %}{% for i in r %}{% set s = s | replace({'a': s}) %}{% endfor %}", { r })).message, /maxOutput/);
});

test('10,000 nested if blocks give an error, not a stack overflow', () => {
  const t = '{% if true %}'.repeat(10000) + 'x' + '{% endif %}'.repeat(10000);
  const { errors } = parseTemplate(t);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /Blocks are nested more than 200 deep/);
  assert.equal(errors[0]!.column, 200 * 13 + 4);
  assert.throws(() => renderTemplate(t, {}), TemplateFailure);
});

test('10,000 nested parentheses, unary operators, lists or a 10,000-term chain give an error, not a stack overflow', () => {
  for (const expr of ['('.repeat(10000) + '1' + ')'.repeat(10000), 'not '.repeat(10000) + 'true', '['.repeat(10000) + ']'.repeat(10000), Array(10000).fill('1').join(' + '), 'a' + '.b'.repeat(10000), 'a' + ' | upper'.repeat(10000)]) {
    const { errors } = parseTemplate(`{{ ${expr} }}`);
    assert.equal(errors.length, 1, expr.slice(0, 20));
    assert.match(errors[0]!.message, /nested more than 200 levels deep/);
  }
});

test('nesting below the cap renders', () => {
  assert.equal(render('{% if true %}'.repeat(150) + 'x' + '{% endif %}'.repeat(150)), 'x');
  assert.equal(render('{{ ' + '('.repeat(150) + '1' + ')'.repeat(150) + ' }}'), '1');
  assert.equal(render('{{ ' + Array(150).fill('1').join(' + ') + ' }}'), '150');
});

test('absurdly deep data fails with a TemplateFailure, not a crash', () => {
  let deep: unknown = null;
  for (let i = 0; i < 200000; i++) deep = [deep];
  assert.throws(() => renderTemplate('{{ d | toJson }}', { d: deep }), TemplateFailure);
});
