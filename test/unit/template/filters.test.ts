// Every filter, including Adobe's added/removed/toJson.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FILTERS } from '../../../src/core/template/index';
import { assertParseError, assertRenderError, render } from './helpers';

const membership = {
  ups: {
    s1: { status: 'realized' },
    s2: { status: 'exited' },
    s3: { status: 'existing' },
  },
  CustomerAudienceUpload: { c1: { status: 'exited' }, c2: { status: 'realized' } },
};

test('FILTERS is exactly Pebble core and escaper filters plus Adobe added, removed and toJson', () => {
  // Pebble CoreExtension.getFilters() (minus format, 4.1.2) + EscaperExtension (escape, raw); Adobe's three.
  const pebble = ['abbreviate', 'abs', 'base64decode', 'base64encode', 'capitalize', 'date', 'default', 'escape', 'first', 'join', 'last', 'length', 'lower', 'merge', 'nl2br', 'numberformat', 'raw', 'replace', 'reverse', 'rsort', 'sha256', 'slice', 'sort', 'split', 'title', 'trim', 'upper', 'urlencode'];
  assert.deepEqual([...FILTERS].sort(), [...pebble, 'added', 'removed', 'toJson'].sort());
});

test('e and keys are not Pebble filters: a positioned parse error that names the way out', () => {
  assertParseError('{{ x | e }}', 1, 8, /Unknown filter "e"\. Pebble has no "e" filter .*use "escape"/);
  assertParseError("{{ {'a': 1} | keys }}", 1, 15, /Unknown filter "keys"\. .*\{% for entry in map %\}/);
  assertParseError('{{ x | sha265 }}', 1, 8, /Unknown filter "sha265"\. Did you mean "sha256"\?/);
  assertParseError('{{ x | frobnicate }}', 1, 8, /Unknown filter "frobnicate"\. Filters: abbreviate, .*urlencode\./);
});

test('sha256: lowercase hex SHA-256 of the UTF-8 bytes (Pebble wiki example)', () => {
  // python3: hashlib.sha256('test'.encode()).hexdigest(); hashlib.sha256('Crème brûlée ✓'.encode('utf-8')).hexdigest()
  assert.equal(render("{{ 'test' | sha256 }}"), '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
  assert.equal(render('{{ s | sha256 }}', { s: 'Crème brûlée ✓' }), '6471da1f95c5b4538288938b1359110ac242a5d267ab33e0045f0ce86419ef2c');
  assert.equal(render('[{{ missing | sha256 }}]'), '[]');
  assertRenderError('{{ n | sha256 }}', { n: 5 }, 1, 8, /"sha256" hashes a string, not a number/);
});

test('base64encode and base64decode: UTF-8, the basic alphabet, Java-strict decoding (Pebble wiki examples)', () => {
  // python3: base64.b64encode('test'.encode()) == b'dGVzdA=='; base64.b64encode('Crème ✓'.encode()) == b'Q3LDqG1lIOKckw=='; b64encode(b'42') == b'NDI='
  assert.equal(render("{{ 'test' | base64encode }} {{ s | base64encode }} {{ 42 | base64encode }}", { s: 'Crème ✓' }), 'dGVzdA== Q3LDqG1lIOKckw== NDI=');
  assert.equal(render("{{ 'dGVzdA==' | base64decode }} {{ 'Q3LDqG1lIOKckw==' | base64decode }} {{ 'dGVzdA' | base64decode }}"), 'test Crème ✓ test');
  assert.equal(render('[{{ missing | base64encode }}{{ missing | base64decode }}]'), '[]');
  for (const bad of ['dGVzdA=', 'dG Vz', 'dGVz_A==', 'dGVz==', 'a']) {
    assertRenderError(`{{ '${bad}' | base64decode }}`, {}, 1, 9 + bad.length, /needs a correctly Base64-encoded string/);
  }
  assertRenderError('{{ n | base64decode }}', { n: 5 }, 1, 8, /applies to a string/);
});

test('nl2br: CR, LF and CRLF each become <br /> (Pebble wiki example)', () => {
  assert.equal(render('{{ s | nl2br }}', { s: 'I like Pebble.\nYou will like it too.' }), 'I like Pebble.<br />You will like it too.');
  assert.equal(render('{{ s | nl2br }}', { s: 'a\r\nb\rc\n\nd' }), 'a<br />b<br />c<br /><br />d');
  assertRenderError('{{ l | nl2br }}', { l: [1] }, 1, 8, /"nl2br" applies to a string/);
});

test('raw is the identity; output is never escaped', () => {
  assert.equal(render('{{ x }}|{{ x | raw }}', { x: '<a href="x">&</a>' }), '<a href="x">&</a>|<a href="x">&</a>');
  assert.equal(render('{{ p | raw }}', { p: { a: [1, 'b'] } }), '{"a":[1,"b"]}');
});

test('length of strings, lists, maps and null', () => {
  assert.equal(render("{{ 'abc' | length }} {{ [1, 2] | length }} {{ {'a': 1} | length }} {{ missing | length }}"), '3 2 1 0');
});

test('upper, lower, capitalize, title, trim', () => {
  assert.equal(render("{{ 'aB' | upper }} {{ 'aB' | lower }} {{ 'hello world' | capitalize }} {{ 'hello big\tworld' | title }}"), 'AB ab Hello world Hello Big\tWorld');
  assert.equal(render("[{{ ' \t x y \n' | trim }}][{{ missing | upper }}]"), '[x y][]');
});

test('default replaces null, missing and empty values only', () => {
  assert.equal(render("{{ missing | default('d') }} {{ '' | default('d') }} {{ [] | default('d') }} {{ 0 | default('d') }} {{ false | default('d') }} {{ 'v' | default('d') }}"), 'd d d 0 false v');
});

test('join, first, last', () => {
  assert.equal(render("{{ ['a', 'b', null] | join(', ') }} {{ [1, 2] | join }} {{ ['a', 'b'] | first }}{{ ['a', 'b'] | last }} {{ 'xyz' | first }}{{ 'xyz' | last }} [{{ [] | first }}]"), 'a, b, null 12 ab xz []');
});

test('date formats epoch millis and ISO-8601 strings in UTC by default', () => {
  assert.equal(render('{{ t | date }}', { t: 0 }), '1970-01-01T00:00:00+0000');
  assert.equal(render("{{ t | date('yyyy-MM-dd HH:mm:ss.SSS') }}", { t: 1700000000123 }), '2023-11-14 22:13:20.123');
  assert.equal(render("{{ '2021-10-26T16:59:00.828461Z' | date('yyyy-MM-dd\\'T\\'HH:mm:ss.SSSXXX') }}"), '2021-10-26T16:59:00.828Z');
  assert.equal(render("{{ '2022-02-08T18:34:24.000+0100' | date('HH:mm Z X XX XXX') }}"), '17:34 +0000 Z Z Z');
  assert.equal(render("{{ '2022-02-08T18:34:24Z' | date('EEE EEEE MMM MMMM d M yy a hh D') }}"), 'Tue Tuesday Feb February 8 2 22 PM 06 39');
});

test('date with existingFormat parses Java patterns; timeZone shifts the output', () => {
  assert.equal(render("{{ '31/12/2023 23:30' | date(existingFormat='dd/MM/yyyy HH:mm', format='yyyy-MM-dd\\'T\\'HH:mmXXX', timeZone='GMT+02:00') }}"), '2024-01-01T01:30+02:00');
  assert.equal(render("{{ '20240105' | date(existingFormat='yyyyMMdd', format='dd MMM yyyy') }}"), '05 Jan 2024');
  assert.equal(render("{{ '2024-07-01 12:00' | date(existingFormat='yyyy-MM-dd HH:mm', format='HH:mm z', timeZone='Europe/Paris') }}"), '14:00 GMT+02:00');
  assert.equal(render("{{ 'Mon, 05 Feb 2024 10:11:12 +0100' | date(existingFormat='EEE, dd MMM yyyy HH:mm:ss Z', format=\"yyyy-MM-dd'T'HH:mm:ss'Z'\") }}"), '2024-02-05T09:11:12Z');
  assert.equal(render("{{ 0 | date(\"'o''clock' H ''\") }}"), "o'clock 0 '");
});

test('date passes null through and rejects what it cannot read', () => {
  assert.equal(render('[{{ missing | date }}]'), '[]');
  assertRenderError("{{ 'yesterday' | date('yyyy') }}", {}, 1, 18, /Could not parse "yesterday" as a date/);
  assertRenderError("{{ '2024' | date(existingFormat='dd/MM/yyyy') }}", {}, 1, 13, /Could not parse "2024"/);
  assertRenderError("{{ t | date('yyyy-qq') }}", { t: 0 }, 1, 8, /Unsupported letter "q"/);
  assertRenderError('{{ m | date }}', { m: { a: 1 } }, 1, 8, /needs a string or a number/);
});

test('replace substitutes each key of the map literally', () => {
  assert.equal(render("{{ 'I like %this% and %that%.' | replace({'%this%': 'cats', '%that%': 1}) }}"), 'I like cats and 1.');
  assert.equal(render("{{ 'a.b' | replace({'.': '-'}) }}"), 'a-b');
});

test('escape: html by default, json, js and url_param', () => {
  assert.equal(render(`{{ '<a href="x">\\'&' | escape }}`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  assert.equal(render(`{{ x | escape('json') }}`, { x: 'say "hi"\n\\' }), 'say \\"hi\\"\\n\\\\');
  assert.equal(render(`{{ x | escape(strategy='js') }}`, { x: "it's </script>" }), "it\\'s <\\/script>");
  assert.equal(render(`{{ x | escape('url_param') }}`, { x: 'a b&c=d/é' }), 'a%20b%26c%3Dd%2F%C3%A9');
  assertRenderError("{{ 'x' | escape('sql') }}", {}, 1, 10, /Unknown escaping strategy "sql"/);
});

test('abbreviate follows Pebble (a string as long as the limit is abbreviated too)', () => {
  assert.equal(render("{{ 'this is long' | abbreviate(7) }} {{ 'short' | abbreviate(10) }} {{ 'abcdef' | abbreviate(6) }} {{ 'abcdef' | abbreviate(2) }}"), 'this... short abc... ab');
});

test('slice of strings and lists', () => {
  assert.equal(render("{{ 'abcdef' | slice(1, 3) }} {{ [1, 2, 3] | slice(1) | toJson }} {{ 'abc' | slice(toIndex=2) }}"), 'bc [2,3] ab');
  assertRenderError("{{ 'abc' | slice(0, 9) }}", {}, 1, 12, /toIndex must not exceed the input size \(3\)/);
});

test('sort, rsort, reverse', () => {
  assert.equal(render("{{ [3, 1, 2] | sort | toJson }} {{ ['b', 'a', 'C'] | sort | join }} {{ [1, 3, 2] | rsort | toJson }} {{ [1, 2] | reverse | toJson }} {{ 'abc' | reverse }}"), '[1,2,3] Cab [3,2,1] [2,1] cba');
  assertRenderError("{{ [1, 'a'] | sort }}", {}, 1, 15, /Can not sort a list that mixes/);
});

test('split, merge', () => {
  assert.equal(render("{{ 'a,b,,c,,' | split(',') | toJson }} {{ 'a,b,c' | split(',', 2) | toJson }} {{ 'a1b22c' | split('[0-9]+') | toJson }}"), '["a","b","","c"] ["a","b,c"] ["a","b","c"]');
  assert.equal(render("{{ [1] | merge([2, 3]) | toJson }} {{ {'a': 1, 'b': 1} | merge({'b': 2}) | toJson }}"), '[1,2,3] {"a":1,"b":2}');
  assertRenderError("{{ [1] | merge({'a': 1}) }}", {}, 1, 10, /"merge" joins two maps or two lists/);
});

test('toJson serialises any value as compact JSON', () => {
  assert.equal(render('{{ p | toJson }}', { p: { s: 'a"b\n', n: 1.5, l: [true, null] } }), '{"s":"a\\"b\\n","n":1.5,"l":[true,null]}');
  assert.equal(render("{{ 'x' | toJson }} {{ missing | toJson }} {{ 3 | toJson }}"), '"x" null 3');
  assert.equal(render('{% for e in m %}{{ e | toJson }}{% endfor %}', { m: { k: [1] } }), '{"k":[1]}');
});

test('urlencode is Java form encoding', () => {
  assert.equal(render("{{ 'a b&c=d*-._~é' | urlencode }}"), 'a+b%26c%3Dd*-._%7E%C3%A9');
});

test('numberformat: DecimalFormat patterns with HALF_EVEN rounding; default has grouping and 3 decimals', () => {
  assert.equal(render("{{ 1234567.891 | numberformat('#,##0.00') }} {{ 3.14159 | numberformat('#.##') }} {{ 2 | numberformat('0.00') }} {{ 0.5 | numberformat('0') }} {{ 1.5 | numberformat('0') }} {{ 0.25 | numberformat('#%') }}"), '1,234,567.89 3.14 2.00 0 2 25%');
  assert.equal(render('{{ 1234.56789 | numberformat }} {{ -7 | numberformat("000") }}'), '1,234.568 -007');
  assertRenderError("{{ 'x' | numberformat }}", {}, 1, 10, /must be a number/);
});

test('abs', () => {
  assert.equal(render('{{ -3 | abs }} {{ 2.5 | abs }}'), '3 2.5');
});

test('added keeps realized audiences only (Adobe: not existing), removed keeps exited ones, across all namespaces', () => {
  const ctx = { m: membership };
  assert.equal(render('{% for s in m.ups | added %}{{ s.key }}:{{ s.value.status }} {% endfor %}', ctx), 's1:realized ');
  assert.equal(render('{% for s in m.ups | removed %}{{ s.key }} {% endfor %}', ctx), 's2 ');
  assert.equal(render('{% for s in m | added %}{{ s.key }} {% endfor %}', ctx), 's1 c2 ');
  assert.equal(render('{% for s in m | removed %}{{ s.key }} {% endfor %}', ctx), 's2 c1 ');
  assert.equal(render('{{ m.ups | added | length }} {{ m.ups | removed | toJson }}', ctx), '1 {"s2":{"status":"exited"}}');
  assert.equal(render('[{% for s in missing | added %}x{% endfor %}] {{ missing | removed | length }}'), '[] 0');
  assertRenderError('{{ l | added }}', { l: [1] }, 1, 8, /expects the segmentMembership map/);
});

test('format (Pebble 4.1.2) is refused with a way out, not rendered', () => {
  assertParseError("{{ 'Hello %s!' | format('World') }}", 1, 18, /Unknown filter "format"\. Pebble added "format" .* Join the parts with "~" instead\./);
});
