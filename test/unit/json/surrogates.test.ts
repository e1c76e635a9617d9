// Lone surrogates in JSON strings: JSON.parse accepts them, UTF-8 cannot carry them (PD007).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../src/core/json/document';

function pd007(text: string) {
  return parseDocument('/p/destination.json', text).syntax.filter((d) => d.code === 'PD007');
}

test('a lone high or low surrogate escape is a warning at the escape, with its pointer', () => {
  const text = '{\n  "name": "a\\ud800b",\n  "list": ["\\uDC00"]\n}';
  const ds = pd007(text);
  assert.deepEqual(
    ds.map((d) => [d.severity, d.pointer, d.range]),
    [
      ['warning', '/name', { start: { line: 1, character: 12 }, end: { line: 1, character: 18 } }],
      ['warning', '/list/0', { start: { line: 2, character: 12 }, end: { line: 2, character: 18 } }],
    ],
  );
  assert.match(ds[0]!.message, /^Lone surrogate "\\ud800": a high surrogate .* Write the character itself or its complete pair\.$/);
});

test('a complete pair, an escaped backslash before "u", and a plain \\u escape are fine', () => {
  assert.deepEqual(pd007('{"a": "\\ud83d\\ude00 \\\\ud800 \\u00e9"}'), []);
});

test('a high surrogate followed by a non-surrogate escape is still lone', () => {
  assert.equal(pd007('{"a": "\\ud83d\\u0041"}').length, 1);
});

test('an unpaired surrogate character in the text itself (from an editor) is reported too', () => {
  const ds = pd007('{"a": "x\ud800"}');
  assert.equal(ds.length, 1);
  assert.deepEqual(ds[0]!.range.start, { line: 0, character: 8 });
  assert.match(ds[0]!.message, /^Lone surrogate U\+D800/);
});

test('duplicate detection sees escaped names: "\\u0061" and "a" are the same key (PD005)', () => {
  const ds = parseDocument('/p/destination.json', '{"a": 1, "b": {"a": 2}, "\\u0061": 3}').syntax.filter((d) => d.code === 'PD005');
  assert.deepEqual(ds.map((d) => [d.pointer, d.range.start.character]), [['/a', 1], ['/a', 24]]);
});
