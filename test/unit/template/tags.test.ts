// The four tags Adobe's Pebble supports: for (with else and loop), if/elseif/else, set, filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from './helpers';

test('for over a list yields its elements', () => {
  assert.equal(render('{% for x in xs %}[{{ x }}]{% endfor %}', { xs: ['a', 'b'] }), '[a][b]');
});

test('for over a map yields entries with key and value, in input order', () => {
  assert.equal(render('{% for e in m %}{{ e.key }}={{ e.value.v }};{% endfor %}', { m: { z: { v: 1 }, a: { v: 2 } } }), 'z=1;a=2;');
  assert.equal(render('{% for e in m %}{{ e }}{% endfor %}', { m: { k: 'v' } }), 'k=v');
});

test('loop.index (0-based), revindex, first, last, length', () => {
  assert.equal(
    render('{% for x in xs %}{{ loop.index }}{{ loop.revindex }}{{ loop.first }}{{ loop.last }}{{ loop.length }} {% endfor %}', { xs: [7, 8, 9] }),
    '02truefalse3 11falsefalse3 20falsetrue3 ',
  );
});

test('nested loops each have their own loop variable', () => {
  assert.equal(render('{% for a in [1, 2] %}{% for b in [3, 4] %}{{ loop.index }}{% endfor %}{{ loop.index }}|{% endfor %}'), '010|011|');
});

test('for else runs for an empty list or map; a null or missing value loops zero times without else (as Pebble)', () => {
  assert.equal(render('{% for x in [] %}x{% else %}none{% endfor %}'), 'none');
  assert.equal(render('{% for x in {} %}x{% else %}none{% endfor %}'), 'none');
  assert.equal(render('[{% for x in missing %}x{% else %}none{% endfor %}]'), '[]');
  assert.equal(render('[{% for x in a.b.c %}x{% endfor %}]', { a: {} }), '[]');
});

test('the loop variable and loop are gone after the loop', () => {
  assert.equal(render('{% for x in [1] %}{% endfor %}[{{ x }}][{{ loop }}]'), '[][]');
  assert.equal(render('{% for x in [1] %}{% endfor %}{{ x }}', { x: 'outer' }), 'outer');
});

test('if / elseif / else pick the first true branch', () => {
  const t = '{% if n > 2 %}big{% elseif n > 1 %}mid{% elseif n > 0 %}small{% else %}none{% endif %}';
  assert.deepEqual([3, 2, 1, 0].map((n) => render(t, { n })), ['big', 'mid', 'small', 'none']);
});

test('if accepts booleans, numbers, strings and null (Pebble\'s cast)', () => {
  assert.equal(render("{% if 1 %}a{% endif %}{% if 0 %}b{% endif %}{% if 'x' %}c{% endif %}{% if '' %}d{% endif %}{% if missing %}e{% endif %}"), 'ac');
});

test('set assigns; expressions see the value', () => {
  assert.equal(render("{% set a = 'x' ~ 1 %}{% set b = a ~ a %}{{ b }}"), 'x1x1');
});

test('set inside a loop lasts through the following iterations but not past the loop', () => {
  assert.equal(render('{% for x in [1, 2, 3] %}[{{ prev }}]{% set prev = x %}{% endfor %}[{{ prev }}]'), '[][1][2][]');
});

test('set inside a loop updates a variable defined outside it (Pebble\'s ScopeChain.set)', () => {
  assert.equal(render('{% set total = 0 %}{% for x in [1, 2, 3] %}{% set total = total + x %}{% endfor %}{{ total }}'), '6');
});

test('set can shadow a context variable for the rest of the template', () => {
  const ctx = { customerData: { id: 'a' } };
  assert.equal(render("{{ customerData.id }}{% set customerData = {'id': 'b'} %}{{ customerData.id }}", ctx), 'ab');
  assert.equal(render("{% for x in [1] %}{% set customerData = 'c' %}{% endfor %}{{ customerData }}", ctx), 'c');
  assert.deepEqual(ctx, { customerData: { id: 'a' } }, 'the caller\'s context is not modified');
});

test('filter block applies filters to its rendered body', () => {
  assert.equal(render('{% filter upper %}a{{ x }}b{% endfilter %}!', { x: 'y' }), 'AYB!');
  assert.equal(render("{% filter lower | replace({'a': 'o'}) %}BANANA{% endfilter %}"), 'bonono');
});

test('tags nest', () => {
  const t = '{% for p in ps %}{% if p.ok %}{% filter upper %}{{ p.n }}{% endfilter %}{% else %}-{% endif %}{% endfor %}';
  assert.equal(render(t, { ps: [{ ok: true, n: 'a' }, { ok: false, n: 'b' }, { ok: 1, n: 'c' }] }), 'A-C');
});
