/**
 * Patterns from workspace files run on RE2 with Java's syntax: what RE2 cannot express is refused
 * with a reason and the construct's place; what it writes differently is rewritten.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePattern, MAX_PATTERN_LENGTH, type Pattern, type PatternRefusal } from '../../../src/core/text/pattern';

function ok(source: string): Pattern {
  const c = compilePattern(source);
  assert.ok(c.ok, `${source}: ${c.ok ? '' : c.refusal.reason}`);
  return c.pattern;
}

function refused(source: string): PatternRefusal & { text: string } {
  const c = compilePattern(source);
  assert.ok(!c.ok, `${source} should be refused`);
  return { ...c.refusal, text: source.slice(c.refusal.offset, c.refusal.offset + c.refusal.length) };
}

test('a catastrophic pattern runs in linear time', { timeout: 30_000 }, () => {
  const p = ok('^(a+)+$');
  const value = `${'a'.repeat(5000)}b`;
  assert.equal(p.matches(value), false);
  assert.equal(p.find(value), false);
  assert.deepEqual(p.split(value, 0), [value]);
  assert.equal(ok('(x+x+)+y').find('x'.repeat(5000)), false);
});

test('constructs RE2 cannot run are refused at their place in the pattern', () => {
  const cases: [string, string, RegExp][] = [
    ['^(a)\\1$', '\\1', /backreference/],
    ['(?<n>a)\\k<n>', '\\k', /named backreference/],
    ['(?=^.{3,63}$)[a-z.]+', '(?=', /lookahead/],
    ['a(?!b)', '(?!', /lookahead/],
    ['(?>ab|a)c', '(?>', /atomic group/],
    ['a*+b', '*+', /possessive/],
    ['a{2,3}+', '{2,3}+', /possessive/],
    ['[a-z&&[^aeiou]]', '&&', /intersection/],
    ['[a-c[x-z]]', '[', /class inside a class/],
    ['(?x) a b', '(?x)', /comments flag/],
    ['(?U)\\w+', '(?U)', /Unicode character class flag/],
    ['a\\Z', '\\Z', /end anchor/],
    ['\\R', '\\R', /linebreak/],
    ['\\p{javaLowerCase}', '\\p{javaLowerCase}', /Java-only class/],
    ['\\p{InGreek}', '\\p{InGreek}', /Unicode block/],
    ['a{1001}', '{1001}', /at most 1000/],
  ];
  for (const [source, text, reason] of cases) {
    const r = refused(source);
    assert.equal(r.kind, 'unsupported', source);
    assert.equal(r.text, text, source);
    assert.match(r.reason, reason, source);
  }
});

test('patterns Java would reject are invalid, with the reason', () => {
  assert.equal(refused('a{,3}').kind, 'invalid');
  assert.match(refused('{id}').reason, /write `\\\{` for a literal brace/);
  assert.match(refused('([0-9]').reason, /missing closing \)/);
  assert.match(refused('(?P<n>a)').reason, /Java has no group/);
  assert.match(refused('\\u12').reason, /four hexadecimal digits/);
});

test('oversized patterns are refused before they cost time', () => {
  assert.equal(refused('a'.repeat(MAX_PATTERN_LENGTH + 1)).kind, 'too-large');
  assert.match(refused('[a-z]{1000}'.repeat(11)).reason, /RE2 instructions/);
});

test("Java's spellings mean what they mean in Java", () => {
  assert.equal(ok('\\u0041\\x{42}\\0103\\e').matches('ABC\x1b'), true);
  assert.equal(ok('\\cJ').matches('\n'), true);
  assert.equal(ok('\\p{Alpha}\\p{Digit}\\P{Alnum}').matches('a1-'), true);
  assert.equal(ok('[\\p{Lower}_]+').matches('a_b'), true);
  assert.equal(ok('\\p{IsLatin}+').matches('été'), true);
  assert.equal(ok('\\h\\v').matches('\u00a0\u2028'), true);
  assert.equal(ok('[\\Q]-[\\E]+').matches('[]-'), true, '\\Q…\\E quotes inside a class');
  assert.equal(ok('\\Q(a+)+\\E').matches('(a+)+'), true);
  assert.equal(ok('a\\ b\\#').matches('a b#'), true, 'a backslash quotes any non-alphanumeric character');
  // `.` excludes Java's line terminators unless DOTALL; UNIX_LINES leaves only \n.
  for (const t of ['\n', '\r', '\u0085', '\u2028']) assert.equal(ok('.').matches(t), false, JSON.stringify(t));
  assert.equal(ok('(?s).').matches('\r'), true);
  assert.equal(ok('(?d).').matches('\r'), true);
  assert.equal(ok('(?s:.)(?-s:.)').matches('\n\n'), false);
  assert.equal(ok('(?iu)É').matches('é'), true);
  assert.equal(ok('(?<=a)b').find('ab'), true, 'lookbehind runs in linear time');
  assert.equal(ok('(?<=a)b').find('cb'), false);
});

test('matches is the whole value, find any part, as Java', () => {
  const p = ok('[0-9]{1,18}');
  assert.equal(p.matches('123'), true);
  assert.equal(p.matches('12a'), false);
  assert.equal(p.find('12a'), true);
  assert.equal(ok('1|12').matches('12'), true, 'any alternative may match the whole value');
});

test("split is Java's String.split: limit, leading and trailing empties", () => {
  const split = (d: string, s: string, limit = 0) => ok(d).split(s, limit);
  assert.deepEqual(split(',', 'a,b,,c,,'), ['a', 'b', '', 'c']);
  assert.deepEqual(split(',', 'a,b,,c,,', -1), ['a', 'b', '', 'c', '', '']);
  assert.deepEqual(split(',', 'a,b,c', 2), ['a', 'b,c']);
  assert.deepEqual(split(',', ',a'), ['', 'a'], 'a positive-width match at the start leaves an empty first part');
  assert.deepEqual(split('', 'abc'), ['a', 'b', 'c'], 'a zero-width match at the start does not');
  assert.deepEqual(split(',', ''), ['']);
  assert.deepEqual(split(',', ','), []);
  assert.deepEqual(split('\\s*;\\s*', 'a ; b;c'), ['a', 'b', 'c']);
});

test('values too long to check in bounded time are reported as unchecked, not run', () => {
  const p = ok('[a-z]{1000}');
  assert.equal(p.matches('a'.repeat(2000)), undefined);
  assert.equal(p.split('a'.repeat(20_000), 0), undefined);
  assert.equal(ok(',').split('a,'.repeat(100_000), 0)?.length, 100_000, 'a simple delimiter splits long text');
});

test('compiled patterns are cached', () => {
  assert.equal(compilePattern('^[0-9]{1,18}$'), compilePattern('^[0-9]{1,18}$'));
});
