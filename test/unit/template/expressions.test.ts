// Expressions: variables, member access, operators and their Pebble precedence, tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from './helpers';

const ctx = {
  input: {
    profile: {
      identityMap: { email: [{ id: 'a@b.c' }, { id: 'd@e.f' }] },
      attributes: { firstName: { value: 'Jane' }, empty: {}, blank: { value: '  ' } },
    },
  },
  customerData: { adAccountId: '12345', 'with-dash': 'ok' },
  n: 7,
};

test('member access with dots, indexes and quoted keys', () => {
  assert.equal(render('{{ input.profile.attributes.firstName.value }}', ctx), 'Jane');
  assert.equal(render('{{ input.profile.identityMap.email[1].id }}', ctx), 'd@e.f');
  assert.equal(render("{{ input.profile.identityMap['email'][0]['id'] }}", ctx), 'a@b.c');
  assert.equal(render("{{ customerData['with-dash'] }}", ctx), 'ok');
  assert.equal(render('{{ input.profile.identityMap.email.0.id }}', ctx), 'a@b.c');
  assert.equal(render('{{ input.profile.identityMap.email.size }}', ctx), '2');
});

test('dynamic keys', () => {
  assert.equal(render("{% set k = 'email' %}{{ input.profile.identityMap[k][0].id }}", ctx), 'a@b.c');
});

test('missing variables and attributes are null, never an error (non-strict mode)', () => {
  assert.equal(render('[{{ nope }}][{{ nope.deeper.still }}][{{ input.profile.x.y }}][{{ input.profile.identityMap.email[9].id }}]', ctx), '[][][][]');
  assert.equal(render('{{ customerData.constructor }}|{{ customerData.toString }}|{{ customerData["__proto__"] }}', ctx), '||');
  assert.equal(render('{{ n.x }}{{ "s".x }}', ctx), '');
});

test('printing: numbers like Java, booleans, maps and lists as JSON', () => {
  assert.equal(render('{{ a }}|{{ b }}|{{ c }}|{{ d }}|{{ e }}|{{ f }}', { a: 3, b: 0.1, c: 1e21, d: 1.5e-7, e: 12345678.5, f: -0.5 }), '3|0.1|1.0E21|1.5E-7|1.23456785E7|-0.5');
  assert.equal(render('{{ t }} {{ l }} {{ m }}', { t: false, l: [1, 'x'], m: { a: null } }), 'false [1,"x"] {"a":null}');
});

test('arithmetic with Java integer division', () => {
  assert.equal(render('{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 7 / 2 }} {{ 7.0 / 2 }} {{ 7 % 3 }} {{ -7 / 2 }} {{ 10 - 2 - 3 }}'), '7 9 3 3.5 1 -3 5');
  assert.equal(render('{{ -n }} {{ +n }} {{ - 2 * 3 }}', ctx), '-7 7 -6');
  assert.equal(render('{{ 1.5 + 1 }}'), '2.5');
});

test('+ joins strings (null as "null") and lists; ~ joins anything (null as "")', () => {
  assert.equal(render("{{ 'a' + 1 }} {{ 1 + 'a' }} {{ 'a' + nothing }}"), 'a1 1a anull');
  assert.equal(render("{{ 'a' ~ 1 ~ nothing ~ true }}"), 'a1true');
  assert.equal(render('{{ ([1] + 2) | toJson }} {{ ([1] + [2, 3]) | toJson }} {{ ([1, 2, 1] - 1) | toJson }} {{ ([1, 2, 1] - [1]) | toJson }}'), '[1,2] [1,2,3] [2,1] [2]');
});

test('~ binds tighter than |, which binds tighter than arithmetic', () => {
  assert.equal(render("{{ 'a' ~ 'b' | upper }}"), 'AB');
  assert.equal(render("{{ 'x' | upper ~ 'y' }}"), 'Xy');
  assert.equal(render('{{ 1 + [1, 2] | length }}'), '3');
});

test('comparisons, equals, and comparisons with null are false', () => {
  assert.equal(render('{{ 1 < 2 }} {{ 2 <= 2 }} {{ 3 > 4 }} {{ 3 >= 4 }} {{ 1 == 1.0 }} {{ 1 != 2 }} {{ "a" equals "a" }}'), 'true true false false true true true');
  assert.equal(render('{{ nothing < 1 }} {{ nothing >= 1 }} {{ nothing == null }} {{ "1" == 1 }}'), 'false false true false');
  assert.equal(render('{{ [1, {"a": 2}] == [1, {"a": 2}] }} {{ {"a": 1} == {"a": 2} }}'), 'true false');
});

test('and / or / not, with not binding tightest (Pebble precedence 500)', () => {
  assert.equal(render('{{ true and false }} {{ true or false }} {{ not false }} {{ not true and false }} {{ not (true and false) }}'), 'false true true false true');
  assert.equal(render('{{ false or true and false }}'), 'false');
  assert.equal(render("{{ 1 and 'x' }} {{ 0 or '' }} {{ nothing or 1 }}"), 'true false true');
});

test('and/or short-circuit: the right side is not evaluated', () => {
  assert.equal(render('{{ false and (1 / 0) }} {{ true or (1 / 0) }}'), 'false true');
});

test('contains on strings, lists (one or all) and map keys', () => {
  assert.equal(render("{{ 'hello' contains 'ell' }} {{ [1, 2] contains 2 }} {{ [1, 2] contains [2, 1] }} {{ [1] contains [1, 3] }}"), 'true true true false');
  assert.equal(render("{{ {'a': 1} contains 'a' }} {{ {'a': 1} contains 'b' }} {{ nothing contains 'a' }}"), 'true false false');
});

test('tests: empty, null, defined, odd, even, iterable, map, and their negations', () => {
  const p = 'input.profile.attributes';
  assert.equal(render(`{{ ${p}.empty is empty }} {{ ${p}.blank.value is empty }} {{ ${p}.firstName is not empty }} {{ missing is empty }} {{ [] is empty }} {{ 0 is empty }}`, ctx), 'true true true true true false');
  assert.equal(render('{{ missing is null }} {{ n is not null }} {{ n is defined }} {{ missing is defined }}', ctx), 'true true true false');
  assert.equal(render('{{ 3 is odd }} {{ 3 is even }} {{ -4 is even }} {{ 2 is not odd }}'), 'true false true true');
  assert.equal(render("{{ [1] is iterable }} {{ 'a' is iterable }} {{ {} is map }} {{ [] is map }}"), 'true false true false');
});

test('is binds looser than arithmetic and tighter than and', () => {
  assert.equal(render('{{ 1 + 2 is odd }} {{ 3 is odd and 4 is even }}'), 'true true');
});

test('ternary', () => {
  assert.equal(render("{{ n > 5 ? 'big' : 'small' }} {{ missing ? 1 : 2 }}", ctx), 'big 2');
});

test('filters chain left to right, with positional and named arguments', () => {
  assert.equal(render("{{ ' a b ' | trim | upper | replace({'A': 'x'}) }}"), 'x B');
  assert.equal(render("{{ '2024-01-02' | date(existingFormat='yyyy-MM-dd', format='dd/MM/yyyy') }}"), '02/01/2024');
  assert.equal(render("{{ '2024-01-02' | date('dd.MM.yy', existingFormat='yyyy-MM-dd') }}"), '02.01.24');
});
