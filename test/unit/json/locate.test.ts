import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, parseTree, findNodeAtLocation } from 'jsonc-parser';
import { parseDocument } from '../../../src/core/json/document';
import { locate } from '../../../src/core/json/locate';
import { parsePointer, formatPointer } from '../../../src/core/json/pointer';

const text = `{
  "name": "Pinterest",
  "a\\"b": {"x": [1, {"y": "v}"}, [ ] ]},
  "list": [ "one", "two" ],
  "dup": 1,
  "dup": 2,
  "slash/key": true,
  "tilde~key": null
}`;

function slice(pointer: string, which: 'value' | 'key' = 'value'): string | undefined {
  const s = locate(text, pointer);
  if (!s) return undefined;
  return which === 'key' ? text.slice(s.keyStart, s.keyEnd) : text.slice(s.valueStart, s.valueEnd);
}

test('locates values and keys by pointer, escapes and nesting included', () => {
  assert.equal(slice(''), text);
  assert.equal(slice('/name'), '"Pinterest"');
  assert.equal(slice('/name', 'key'), '"name"');
  assert.equal(slice('/a"b/x/1/y'), '"v}"');
  assert.equal(slice('/a"b/x/2'), '[ ]');
  assert.equal(slice('/list/1'), '"two"');
  assert.equal(slice('/slash~1key'), 'true');
  assert.equal(slice('/tilde~0key'), 'null');
});

test('the last duplicate key wins, as in JSON.parse', () => {
  assert.equal(slice('/dup'), '2');
  assert.equal((JSON.parse(text) as { dup: number }).dup, 2);
});

test('missing nodes are undefined, not errors', () => {
  assert.equal(locate(text, '/nope'), undefined);
  assert.equal(locate(text, '/list/2'), undefined);
  assert.equal(locate(text, '/list/x'), undefined);
  assert.equal(locate(text, '/name/deeper'), undefined);
});

test('agrees with jsonc-parser on every node of a generated document', () => {
  const doc = { a: [1, 'two', { b: 'c\\"d', e: [[], {}] }], 'f/g': { 'h~i': [true, false, null, -1.5e3] }, ü: 'ω' };
  const pretty = JSON.stringify(doc, null, 1);
  const tree = parseTree(pretty)!;
  const pointers: string[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    pointers.push(formatPointer(path));
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(parse(pretty), []);
  for (const p of pointers) {
    const path = parsePointer(p).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const node = findNodeAtLocation(tree, path)!;
    const span = locate(pretty, p)!;
    assert.deepEqual([span.valueStart, span.valueEnd], [node.offset, node.offset + node.length], p);
    // The document's locator skips subtrees with the bracket index of its parse: same answer.
    const indexed = parseDocument('/x.json', pretty).locate(p)!;
    assert.deepEqual(indexed, span, p);
  }
});

test('100,000 levels of nesting are walked without recursion', () => {
  const deep = '['.repeat(100_000) + '"x"' + ']'.repeat(100_000);
  const pointer = '/0'.repeat(100_000);
  assert.equal(text.length > 0, true);
  const span = locate(deep, pointer)!;
  assert.equal(deep.slice(span.valueStart, span.valueEnd), '"x"');
});
