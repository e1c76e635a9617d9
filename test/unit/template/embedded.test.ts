// Edit Embedded Template: unescape, edit, escape back; nothing else in the file changes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyEdits } from 'jsonc-parser';
import { REQUEST_BODY_PATH, URL_PATH, readTemplate, templateEdits } from '../../../src/core/template/embedded';

/** The file after the edits the Edit Embedded Template view applies on save. */
const writeTemplate = (text: string, template: string) => applyEdits(text, templateEdits(text, template));

const SERVER = readFileSync(join(import.meta.dirname, '../../../examples/pinterest-customer-list/destination-server.json'), 'utf8');

test('reads the example requestBody unescaped', () => {
  const t = readTemplate(SERVER)!;
  assert.ok(t.value.includes('{% if input.aggregationKey.segmentStatus == "exited" %}REMOVE'));
  assert.ok(t.value.includes('\n'));
  assert.equal(SERVER.slice(t.offset, t.offset + t.length), JSON.stringify(t.value).replace(/\//g, '/'));
  assert.match(readTemplate(SERVER, URL_PATH)!.value, /^https:\/\/api\.pinterest\.com\/v5\/ad_accounts\/\{\{customerData\.adAccountId\}\}/);
});

test('round trip: an unchanged template gives no edit', () => {
  const t = readTemplate(SERVER)!;
  assert.deepEqual(templateEdits(SERVER, t.value), []);
  assert.equal(writeTemplate(SERVER, t.value), SERVER);
});

test('writing an edited template changes exactly that string literal', () => {
  const t = readTemplate(SERVER)!;
  const edited = t.value.replace('REMOVE', 'REMOVE_ALL') + '\n{# "quoted" \\ backslash #}';
  const out = writeTemplate(SERVER, edited);
  assert.equal(readTemplate(out)!.value, edited);
  assert.equal(JSON.parse(out).httpTemplate.requestBody.value, edited);
  const before = SERVER.slice(0, t.offset);
  const after = SERVER.slice(t.offset + t.length);
  assert.ok(out.startsWith(before));
  assert.ok(out.endsWith(after));
});

test('keeps comments, odd formatting and CRLF of a JSONC file', () => {
  const text = '{\r\n  // the server\r\n  "httpTemplate":   { "requestBody": { "value": "{\\"a\\": 1}" } , "x": [1,2] }\r\n}\r\n';
  const out = writeTemplate(text, '{"a": 2}\n');
  assert.equal(out, text.replace('"{\\"a\\": 1}"', '"{\\"a\\": 2}\\n"'));
});

test('inserts the value when the path is missing', () => {
  const out = writeTemplate('{\n  "httpTemplate": {}\n}\n', 'x');
  assert.equal(JSON.parse(out).httpTemplate.requestBody.value, 'x');
  assert.equal(readTemplate('{"httpTemplate": {"requestBody": {"value": 3}}}', REQUEST_BODY_PATH), undefined);
});
