import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeTemplate, unescapeTemplate } from '../../../src/core/template/embedded';
import { EXAMPLE_DIR } from '../../helpers/example';

const SAMPLES = [
  '',
  'plain text',
  '{\n  "operation_type": "{% if input.aggregationKey.segmentStatus == "exited" %}REMOVE{% else %}ADD{% endif %}"\n}',
  'windows\r\nline\r\nends\r\n',
  'tab\there, form\ffeed, back\bspace, nul\u0000, unit\u001fsep, del\u007f',
  'quotes " and \'single\' and backslashes \\ \\\\ \\n (a literal backslash-n)',
  'unicode: é ü 中文 😀 \u2028\u2029 and a lone surrogate \ud800 and \udc00',
  'slash / stays',
];

test('escapeTemplate is exactly what JSON.stringify puts between the quotes', () => {
  for (const s of SAMPLES) assert.equal(`"${escapeTemplate(s)}"`, JSON.stringify(s));
});

test('unescapeTemplate(escapeTemplate(t)) === t for CRLF, unicode, quotes, backslashes and control characters', () => {
  for (const s of SAMPLES) assert.equal(unescapeTemplate(escapeTemplate(s)), s);
});

test('every UTF-16 code unit round-trips', () => {
  let all = '';
  for (let c = 0; c < 0x10000; c++) all += String.fromCharCode(c);
  assert.equal(unescapeTemplate(escapeTemplate(all)), all);
});

test('escaped characters are the ones JSON requires, non-ASCII stays readable', () => {
  assert.equal(escapeTemplate('a"b\\c\nd\r\ne\tf\u0001'), 'a\\"b\\\\c\\nd\\r\\ne\\tf\\u0001');
  assert.equal(escapeTemplate('é😀/'), 'é😀/');
});

test('unescapeTemplate reads what other escapers write (\\/, \\uXXXX for anything, upper-case hex)', () => {
  assert.equal(unescapeTemplate('a\\/b \\u00e9\\u00E9 \\ud83d\\ude00 \\u0022'), 'a/b éé 😀 "');
  for (const s of SAMPLES) {
    const everything = Array.from({ length: s.length }, (_, i) => '\\u' + s.charCodeAt(i).toString(16).padStart(4, '0')).join('');
    assert.equal(unescapeTemplate(everything), s);
  }
});

test('unescapeTemplate agrees with JSON.parse on the example request body', () => {
  const raw = readFileSync(join(EXAMPLE_DIR, 'destination-server.json'), 'utf8');
  const literal = /"requestBody":\s*\{[^}]*?"value":\s*"((?:[^"\\]|\\.)*)"/s.exec(raw)![1]!;
  const value = JSON.parse(raw).httpTemplate.requestBody.value as string;
  assert.equal(unescapeTemplate(literal), value);
  assert.equal(escapeTemplate(value), literal);
});

test('invalid string content is rejected with the offset, as JSON.parse would reject it', () => {
  assert.throws(() => unescapeTemplate('a"b'), /Unescaped quote at offset 1/);
  assert.throws(() => unescapeTemplate('a\nb'), /Raw control character U\+000A at offset 1/);
  assert.throws(() => unescapeTemplate('ab\\'), /Lone backslash at the end \(offset 2\)/);
  assert.throws(() => unescapeTemplate('\\x41'), /Invalid escape \\x at offset 0/);
  assert.throws(() => unescapeTemplate('ok \\u12g4'), /Invalid \\u escape at offset 3/);
  for (const bad of ['a"b', 'a\nb', 'ab\\', '\\x41', '\\u12g4']) assert.throws(() => JSON.parse(`"${bad}"`));
});
