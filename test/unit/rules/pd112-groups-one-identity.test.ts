import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Project } from '../../../src/core/project/project';
import { validateProject } from '../../../src/core/validate';
import { validateExample, withCode } from '../../helpers/example';

test('PD112: the example has no identity groups', () => {
  assert.deepEqual(withCode(validateExample(), 'PD112'), []);
});

test("PD112: groups with oneIdentityPerGroup true (as in Adobe's own example) is only a note that they have no effect; false is silent", () => {
  const groups = [{ namespaces: ['IDFA', 'GAID'] }, { namespaces: ['EMAIL'] }];
  const note = withCode(validateExample((f) => {
    Object.assign(f.destination.aggregation.configurableAggregation.aggregationKey, { includeIdentity: true, oneIdentityPerGroup: true, groups });
  }), 'PD112');
  assert.equal(note.length, 1);
  assert.equal(note[0]!.severity, 'info');
  assert.equal(note[0]!.pointer, '/aggregation/configurableAggregation/aggregationKey/groups');
  assert.match(note[0]!.message, /`groups` has no effect while `oneIdentityPerGroup` is `true`/);
  assert.deepEqual(note[0]!.data, { set: { pointer: '/aggregation/configurableAggregation/aggregationKey/oneIdentityPerGroup', value: false } });
  const good = withCode(validateExample((f) => {
    Object.assign(f.destination.aggregation.configurableAggregation.aggregationKey, { includeIdentity: true, oneIdentityPerGroup: false, groups: [{ namespaces: ['pinterest_audience'] }] });
  }), 'PD112');
  assert.deepEqual(good, []);
});

test("PD112: Adobe's aggregation-policy examples (includeIdentity, oneIdentityPerGroup true and groups) raise no aggregation error or warning", () => {
  for (const name of ['destination-aggregation-configurable.json', 'destination-aggregation-best-effort.json']) {
    const path = fileURLToPath(new URL(`../../fixtures/adobe/${name}`, import.meta.url));
    const [report] = validateProject(Project.fromTexts([{ path, text: readFileSync(path, 'utf8') }]));
    assert.equal(report!.kind, 'destination', name);
    const aggregation = report!.diagnostics.filter((d) => d.pointer.startsWith('/aggregation'));
    assert.deepEqual(aggregation.map((d) => `${d.severity} ${d.code}`), ['info PD112'], name);
  }
});
