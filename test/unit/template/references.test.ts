// references(): what the validator checks against customerData fields and the aggregation policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplate, references, type Reference } from '../../../src/core/template/index';

function refs(source: string, kind?: Reference['kind']): Reference[] {
  const all = references(parseTemplate(source).template);
  return kind ? all.filter((r) => r.kind === kind) : all;
}

test('customerData paths with their exact source span', () => {
  const src = 'https://api/{{ customerData.adAccountId }}/x';
  const [r] = refs(src, 'variable');
  assert.deepEqual(r, { kind: 'variable', name: 'customerData.adAccountId', path: ['customerData', 'adAccountId'], offset: 15, length: 24 });
  assert.equal(src.slice(r!.offset, r!.offset + r!.length), 'customerData.adAccountId');
});

test('quoted keys belong to the path; a dynamic index ends it and is itself read', () => {
  const src = "{{ customerData['ad-id'] }}{{ destination.namespaceSegmentAliases[ns][id].x }}";
  const vars = refs(src, 'variable');
  assert.deepEqual(vars.map((v) => v.path), [['customerData', 'ad-id'], ['destination', 'namespaceSegmentAliases'], ['ns'], ['id']]);
  assert.equal(src.slice(vars[0]!.offset, vars[0]!.offset + vars[0]!.length), "customerData['ad-id']");
});

test('loop variables, loop and earlier set names are locals and not reported', () => {
  const src = '{% for p in input.profiles %}{{ p.identityMap.email }}{{ loop.index }}{% set ns = p.x %}{{ ns }}{% endfor %}{{ ns }}{{ loop }}';
  assert.deepEqual(refs(src, 'variable').map((v) => v.name), ['input.profiles', 'ns', 'loop']);
});

test('a variable read before its set is free', () => {
  assert.deepEqual(refs('{{ a.b }}{% set a = 1 %}{{ a.b }}', 'variable').map((v) => v.name), ['a.b']);
});

test('input.profile and input.profiles are told apart (aggregation check)', () => {
  assert.deepEqual(refs('{{ input.profile.identityMap | toJson }}', 'variable')[0]!.path.slice(0, 2), ['input', 'profile']);
  assert.deepEqual(refs('{% for p in input.profiles %}{% endfor %}{{ input.aggregationKey.segmentId }}', 'variable').map((v) => v.name), ['input.profiles', 'input.aggregationKey.segmentId']);
});

test('filters, functions and tags with positions, in source order', () => {
  const src = '{% for s in removedSegments(p.m) | sort %}{% filter upper %}{{ s.key | raw }}{% endfilter %}{% endfor %}{% if a %}{% set b = 1 %}{% endif %}';
  const other = refs(src).filter((r) => r.kind !== 'variable');
  assert.deepEqual(other.map((r) => `${r.kind}:${r.name}@${r.offset}`), [
    'tag:for@3', 'function:removedSegments@12', 'filter:sort@35', 'tag:filter@45', 'filter:upper@52', 'filter:raw@71', 'tag:if@107', 'tag:set@117',
  ]);
  for (const r of other) assert.equal(src.slice(r.offset, r.offset + r.length), r.name);
});

test('references work on a template with errors', () => {
  const { template, errors } = parseTemplate('{{ customerData.a | uper }}{% macro x %}{{ customerData.b }}');
  assert.ok(errors.length >= 2);
  assert.deepEqual(references(template).filter((r) => r.kind === 'variable').map((r) => r.name), ['customerData.a', 'customerData.b']);
});
