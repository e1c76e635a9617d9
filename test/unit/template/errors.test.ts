// Every error the subset reports, with its line and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplate } from '../../../src/core/template/index';
import { assertParseError, assertRenderError } from './helpers';

test('positions are 1-based line/column over LF, CRLF and lone CR line ends; offsets 0-based', () => {
  const { errors } = parseTemplate('a\nb\r\nc\rd {{ a | uper }}');
  assert.equal(errors.length, 1);
  assert.deepEqual(errors[0], { message: 'Unknown filter "uper". Did you mean "upper"?', offset: 16, length: 4, line: 4, column: 10 });
});

test('parseTemplate never throws and collects several errors, recovering after each delimiter', () => {
  const { errors } = parseTemplate('{{ a | uper }}\n{{ 1 + }}\n{% macro m() %}{% endmacro %}\n{{ range(1, 2) }}{{ ok }}');
  assert.deepEqual(errors.map((e) => [e.line, e.column]), [[1, 8], [2, 8], [3, 4], [4, 4]]);
});

test('lexer errors', () => {
  assertParseError('a\n{# never closed', 2, 1, /Unclosed comment/);
  assertParseError('x {{ a', 1, 3, /Unclosed "\{\{": add "\}\}"/);
  assertParseError('{% if a %}', 1, 4, /Unclosed "\{% if %\}"/);
  assertParseError('{{ (a }}', 1, 4, /Unclosed "\(": add "\)"/);
  assertParseError('{% if (a %}{% endif %}', 1, 7, /Unclosed "\(": add "\)"/);
  assertParseError('{{ [a) }}', 1, 4, /Unclosed "\[": expected "\]" before "\)"/);
  assertParseError('{{ a) }}', 1, 5, /Unexpected "\)"/);
  assertParseError("{{ 'abc }}", 1, 4, /Unclosed string/);
  assertParseError('{{ "a#{b}" }}', 1, 4, /String interpolation/);
  assertParseError('{{ a @ b }}', 1, 6, /Unexpected character "@"/);
});

test('statement errors', () => {
  assertParseError('{{ }}', 1, 1, /Empty "\{\{ \}\}"/);
  assertParseError('{% 1 %}', 1, 4, /Expected a tag name/);
  assertParseError('{% %}', 1, 1, /Expected a tag name/);
  assertParseError('{% endif %}', 1, 4, /Unexpected "\{% endif %\}": no \{% if %\} is open here/);
  assertParseError('{% else %}', 1, 4, /Unexpected "\{% else %\}"/);
  assertParseError('x\n  {% for p in ps %}', 2, 6, /Unclosed "\{% for %\}": add "\{% endfor %\}"/);
  assertParseError('{% filter upper %}x', 1, 4, /Unclosed "\{% filter %\}": add "\{% endfilter %\}"/);
  assertParseError('{% for x y %}{% endfor %}', 1, 10, /Expected "in" after "for x"/);
  assertParseError('{% for null in y %}{% endfor %}', 1, 8, /Can not assign a value to "null"/);
  assertParseError('{% if %}{% endif %}', 1, 4, /"\{% if %\}" needs a condition/);
  assertParseError('{% if a %}{% elseif %}{% endif %}', 1, 14, /"\{% elseif %\}" needs a condition/);
  assertParseError('{% set a 1 %}', 1, 10, /Expected "=" after "set a"/);
  assertParseError('{% set = 1 %}', 1, 8, /Expected a variable name after "set"/);
  assertParseError('{% if a %}{% endif extra %}', 1, 20, /Expected "%\}" but found "extra"/);
});

test('unsupported tags name what Adobe supports; their end tags are not reported again', () => {
  for (const tag of ['macro', 'include', 'block', 'extends', 'import', 'autoescape', 'verbatim', 'parallel', 'cache', 'embed']) {
    assertParseError(`{% ${tag} x %}`, 1, 4, new RegExp(`^unsupported tag "${tag}": Adobe's Pebble supports only for, if, set and filter`));
  }
  const { errors } = parseTemplate('{% macro m() %}x{% endmacro %}');
  assert.equal(errors.length, 1);
  assertParseError('{% fro x in y %}', 1, 4, /unsupported tag "fro".*Did you mean "for"\?/);
});

test('expression errors', () => {
  assertParseError('{{ 1 + }}', 1, 8, /Expected an expression but found "\}\}"/);
  assertParseError('{{ a b }}', 1, 6, /Expected "\}\}" but found "b"/);
  assertParseError('{{ a. }}', 1, 7, /Expected an attribute name after "\."/);
  assertParseError('{{ a.b() }}', 1, 6, /Method calls like "\.b\(\.\.\.\)" are not supported/);
  assertParseError('{{ (a)(1) }}', 1, 7, /Only a function name can be called/);
  assertParseError('{{ [1 2] }}', 1, 7, /Expected "," between list items/);
  assertParseError("{{ {'a' 1} }}", 1, 9, /Expected ":" between a map key and its value/);
  assertParseError('{{ a ? b }}', 1, 10, /Expected ":" in a "cond \? a : b" expression/);
  assertParseError('{{ a | 1 }}', 1, 8, /Expected a filter name/);
  assertParseError('{{ a is 1 }}', 1, 9, /Expected a test name/);
});

test('unknown filters, functions and tests, with "did you mean"', () => {
  assertParseError('{{ a | uper }}', 1, 8, /^Unknown filter "uper"\. Did you mean "upper"\?$/);
  assertParseError('{{ a | tojson }}', 1, 8, /Did you mean "toJson"\?/);
  assertParseError('{{ a | frobnicate }}', 1, 8, /^Unknown filter "frobnicate"\. Filters: abbreviate, .*, urlencode\.$/);
  assertParseError('{{ addedSegment(a) }}', 1, 4, /Unknown function "addedSegment"\. Did you mean "addedSegments"\?/);
  assertParseError('{{ a is emtpy }}', 1, 9, /Unknown test "emtpy"\. Did you mean "empty"\?/);
  assertParseError('{{ a is odd(1) }}', 1, 12, /The test "odd" takes no arguments/);
});

test('range() and the .. operator are rejected', () => {
  assertParseError('{% for i in range(0, 3) %}{% endfor %}', 1, 13, /^range\(\) is not supported by Adobe's Pebble/);
  assertParseError('{{ 1..3 }}', 1, 5, /^range\(\) is not supported by Adobe's Pebble/);
});

test('argument errors of filters and functions', () => {
  assertParseError('{{ a | upper(1) }}', 1, 14, /Filter "upper" takes at most 0 arguments \(none\)/);
  assertParseError("{{ a | date(fmt='x') }}", 1, 13, /Filter "date" has no argument "fmt"; its arguments: format, existingFormat, timeZone/);
  assertParseError("{{ a | date(format='x', 'y') }}", 1, 25, /Positional arguments must come before named arguments/);
  assertParseError('{{ a | replace }}', 1, 8, /Filter "replace" needs the argument "replace_pairs"/);
  assertParseError("{{ a | join(',', separator=';') }}", 1, 18, /Argument "separator" of filter "join" is given twice/);
  assertParseError('{{ max(a=1) }}', 1, 8, /Function "max" takes no named arguments/);
  assertParseError('{{ min() }}', 1, 4, /Function "min" needs at least 1 argument/);
  assertParseError('{{ hasSegments(a, b) }}', 1, 19, /Function "hasSegments" takes at most 1 argument/);
});

test('render-time errors carry the position of the offending expression', () => {
  assertRenderError('{% for x in n %}{% endfor %}', { n: 5 }, 1, 13, /Can not loop over a number: "for" needs a list or a map/);
  assertRenderError('\n{% if m %}x{% endif %}', { m: { a: 1 } }, 2, 7, /An "if" condition needs a boolean, number or string but got a map; use "is empty"/);
  assertRenderError('{{ not l }}', { l: [] }, 1, 8, /"not" needs a boolean, number or string but got a list/);
  assertRenderError('{{ true and m }}', { m: {} }, 1, 13, /"and" needs a boolean/);
  assertRenderError("{{ 'a' * 2 }}", {}, 1, 8, /"\*" needs two numbers but got a string and a number/);
  assertRenderError('{{ m - 1 }}', { m: {} }, 1, 6, /"-" needs two numbers/);
  assertRenderError('{{ m + 1 }}', { m: {} }, 1, 6, /"\+" needs two numbers but got a map/);
  assertRenderError("{{ 'a' < 'b' }}", {}, 1, 8, /"<" compares numbers but got a string and a string/);
  assertRenderError('{{ 1 / 0 }}', {}, 1, 6, /Division by zero/);
  assertRenderError('{{ 5 % 0 }}', {}, 1, 6, /Division by zero/);
  assertRenderError("{{ -'a' }}", {}, 1, 4, /Unary "-" needs a number/);
  assertRenderError('{{ 5 contains 1 }}', {}, 1, 6, /"contains" needs a list, a map or a string/);
  assertRenderError("{{ 'a' is odd }}", {}, 1, 11, /The "odd" test needs a number, not a string/);
  assertRenderError('{{ missing is even }}', {}, 1, 15, /The "even" test needs a number, not a null/);
  assertRenderError("{{ x ? 1 : 2 }}", { x: [1] }, 1, 4, /The condition of "\?:" needs a boolean/);
});
