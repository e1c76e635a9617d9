// Functions: Adobe's audience helpers and formUrlEncode, Pebble's min and max.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FUNCTIONS } from '../../../src/core/template/index';
import { assertParseError, assertRenderError, render } from './helpers';

const ctx = {
  m: {
    ups: { s1: { status: 'realized' }, s2: { status: 'exited' }, s3: { status: 'existing' } },
    other: { o1: { status: 'exited' }, s1: { status: 'realized' } },
  },
};

test('FUNCTIONS lists every function name for completion', () => {
  assert.deepEqual([...FUNCTIONS].sort(), ['addedSegments', 'formUrlEncode', 'hasSegments', 'max', 'min', 'removedSegments']);
});

test('addedSegments / removedSegments over one namespace or all of them', () => {
  // Adobe's message-format page: addedSegments returns only `realized` audiences (not `existing`).
  assert.equal(render('{% for s in addedSegments(m.ups) %}{{ s.key }} {% endfor %}', ctx), 's1 ');
  assert.equal(render('{% for s in removedSegments(m.ups) %}{{ s.key }} {% endfor %}', ctx), 's2 ');
  // across namespaces; an id present in two namespaces is listed once
  assert.equal(render('{% for s in addedSegments(m) %}{{ s.key }} {% endfor %}', ctx), 's1 ');
  assert.equal(render('{% for s in removedSegments(m) %}{{ s.key }} {% endfor %}', ctx), 's2 o1 ');
  assert.equal(render('{{ addedSegments(m) | length }} {{ removedSegments(segments=m.ups) | toJson }}', ctx), '1 {"s2":{"status":"exited"}}');
  assert.equal(render('{{ addedSegments(missing) | length }}'), '0');
  assertRenderError('{{ removedSegments("x") }}', {}, 1, 4, /removedSegments\(\): removedSegments\(\) expects the segmentMembership map/);
});

test('hasSegments: any audience, whatever its status', () => {
  assert.equal(render('{{ hasSegments(m) }} {{ hasSegments(m.ups) }} {{ hasSegments({}) }} {{ hasSegments(e) }} {{ hasSegments(missing) }}', { ...ctx, e: { ups: {} } }), 'true true false false false');
});

test('formUrlEncode joins form-encoded name/value pairs', () => {
  assert.equal(render("{{ formUrlEncode('grant_type', 'refresh_token', 'refresh_token', t, 'scope', 'a b') }}", { t: 'x/y+z=' }), 'grant_type=refresh_token&refresh_token=x%2Fy%2Bz%3D&scope=a+b');
  assertRenderError("{{ formUrlEncode('a') }}", {}, 1, 4, /even number of arguments/);
});

test('min and max over numbers', () => {
  assert.equal(render('{{ min(3, 1, 2) }} {{ max(3, 1.5, 7) }} {{ max(1) }}'), '1 7 1');
  assertRenderError("{{ max(1, 'a') }}", {}, 1, 4, /max\(\) compares numbers/);
});

test('Pebble functions Adobe cannot run (block, parent, i18n) are parse errors that say why', () => {
  assertParseError("{{ block('x') }}", 1, 4, /Unknown function "block"\. block\(\) needs the "block" tag/);
  assertParseError('{{ parent() }}', 1, 4, /Unknown function "parent"\. parent\(\) needs the "extends" and "block" tags/);
  assertParseError("{{ i18n('messages', 'hello') }}", 1, 4, /Unknown function "i18n"\. i18n\(\) needs resource bundles/);
});
