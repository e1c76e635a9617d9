import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkUnderlined, validateExample, withCode } from '../../helpers/example';

const KEY = '/aggregation/configurableAggregation/aggregationKey';

function grouped(groups: unknown[], oneIdentityPerGroup = false) {
  return (f: { destination: any }) => {
    Object.assign(f.destination.aggregation.configurableAggregation.aggregationKey, { includeIdentity: true, oneIdentityPerGroup, groups });
  };
}

test('PD120: the example has no identity groups; a group of the target identity is clean', () => {
  assert.deepEqual(withCode(validateExample(), 'PD120'), []);
  assert.deepEqual(withCode(validateExample(grouped([{ namespaces: ['pinterest_audience'] }])), 'PD120'), []);
});

test('PD120: a group naming source namespaces matches no target identity: a warning on each name, with the fix', () => {
  const { found, underlined } = checkUnderlined('PD120', grouped([{ namespaces: ['Email', 'GAID'] }]), 'destination');
  const names = found.filter((d) => d.pointer.includes('/namespaces/'));
  assert.deepEqual(names.map((d) => [d.pointer, underlined(d), d.severity]), [
    [`${KEY}/groups/0/namespaces/0`, '"Email"', 'warning'],
    [`${KEY}/groups/0/namespaces/1`, '"GAID"', 'warning'],
  ]);
  assert.match(names[0]!.message, /`Email` is not a target identity of this destination, so this group matches no exported identity: group namespaces are the target identity names of `identityNamespaces` \(case-sensitive\), not source namespaces; did you mean `pinterest_audience`\?/);
  assert.deepEqual(names[0]!.data, { replacement: 'pinterest_audience' });
  // …and the target identity is then in no group.
  const left = found.find((d) => d.pointer === `${KEY}/groups`)!;
  assert.match(left.message, /The target identity `pinterest_audience` is in no group, so AEP does not export it and profiles with only that identity are dropped; add `pinterest_audience` to a group\./);
});

test('PD120: case matters (Destination SDK values are case-sensitive)', () => {
  const found = withCode(validateExample(grouped([{ namespaces: ['PINTEREST_AUDIENCE'] }])), 'PD120');
  const byPointer = Object.fromEntries(found.map((d) => [d.pointer, d.data]));
  assert.deepEqual(byPointer, { [`${KEY}/groups/0/namespaces/0`]: { replacement: 'pinterest_audience' }, [`${KEY}/groups`]: undefined });
});

test('PD120: groups that do not apply (oneIdentityPerGroup true, or no includeIdentity) are not checked', () => {
  assert.deepEqual(withCode(validateExample(grouped([{ namespaces: ['EMAIL'] }], true)), 'PD120'), []);
  assert.deepEqual(withCode(validateExample((f) => {
    Object.assign(f.destination.aggregation.configurableAggregation.aggregationKey, { includeIdentity: false, oneIdentityPerGroup: false, groups: [{ namespaces: ['EMAIL'] }] });
  }), 'PD120'), []);
});
