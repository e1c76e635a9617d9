import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORE_LABEL_CODES, CORE_MARKETING_ACTIONS, CORE_POLICIES, SOURCES, findMarketingAction } from '../../../src/core/governance/adobe-governance';
import { corePolicies, evaluate, expressionText, holds, involvedLabels, type Carrier, type Policy } from '../../../src/core/governance/evaluate';

const audience = (id: string, labels: string[], index = 0): Carrier => ({ kind: 'audience', id, index, labels });
const custom = (deny: Policy['deny'], refs: string[] = ['CROSS_SITE_TARGETING'], status: Policy['status'] = 'ENABLED'): Policy =>
  ({ id: 'p1', name: 'Custom', status, origin: 'custom', marketingActionRefs: refs, deny });

test('data: every core label group is present and every fact cites a stored source', () => {
  for (const code of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'I1', 'I2', 'S1', 'S2']) {
    assert.ok(CORE_LABEL_CODES.includes(code), code);
  }
  for (const p of CORE_POLICIES) assert.ok(SOURCES[p.source].repo, p.name);
  assert.equal(CORE_MARKETING_ACTIONS.filter((a) => a.destinationEnum).length, 9);
});

test('marketing actions resolve from enum, Policy Service name, URI and display name', () => {
  assert.equal(findMarketingAction('EXPORT_TO_THIRD_PARTY')?.name, 'exportToThirdParty');
  assert.equal(findMarketingAction('crossSiteTargeting')?.destinationEnum, 'CROSS_SITE_TARGETING');
  assert.equal(findMarketingAction('https://platform.adobe.io/data/foundation/dulepolicy/marketingActions/core/emailTargeting')?.destinationEnum, 'EMAIL_TARGETING');
  assert.equal(findMarketingAction('Onsite Advertising')?.destinationEnum, 'ONSITE_ADVERTISING');
  assert.equal(findMarketingAction('noSuchAction'), undefined);
});

test('expressions: AND needs all operands, OR any; involved labels are the ones that made it true', () => {
  const expr = { operator: 'AND' as const, operands: [{ label: 'C1' }, { operator: 'OR' as const, operands: [{ label: 'C3' }, { label: 'C7' }] }] };
  assert.equal(holds(expr, new Set(['C1'])), false);
  assert.equal(holds(expr, new Set(['C3', 'C7'])), false);
  assert.equal(holds(expr, new Set(['C1', 'C7'])), true);
  assert.deepEqual([...involvedLabels(expr, new Set(['C1', 'C7', 'C9']))].sort(), ['C1', 'C7']);
  assert.equal(expressionText(expr), 'C1 AND (C3 OR C7)');
  assert.equal(holds({}, new Set(['C1'])), false, 'a node with neither label nor operator never holds');
  assert.equal(holds({ operator: 'OR', operands: [] }, new Set(['C1'])), false);
});

test('core "3rd party export restriction": C2 with Export to Third Party violates, without either it is clean', () => {
  const policies = corePolicies();
  const [v, ...rest] = evaluate({ marketingActions: ['EXPORT_TO_THIRD_PARTY'], carriers: [audience('loyal', ['C2', 'I1'])], policies });
  assert.equal(rest.length, 0);
  assert.equal(v!.policy.name, '3rd party export restriction');
  assert.equal(v!.policy.origin, 'core');
  assert.equal(v!.marketingAction, 'EXPORT_TO_THIRD_PARTY');
  assert.deepEqual(v!.labels, ['C2']);
  assert.deepEqual(v!.carriers, [audience('loyal', ['C2'])]);
  assert.deepEqual(evaluate({ marketingActions: ['EXPORT_TO_THIRD_PARTY'], carriers: [audience('a', ['C1', 'I1'])], policies }), []);
  assert.deepEqual(evaluate({ marketingActions: ['CROSS_SITE_TARGETING'], carriers: [audience('a', ['C2'])], policies }), []);
});

test('core "Restrict email targeting" (corepolicy_0003): C4 or C5 with Email Targeting violates; C6 is clean', () => {
  const policies = corePolicies();
  for (const label of ['C4', 'C5']) {
    const [v] = evaluate({ marketingActions: ['EMAIL_TARGETING'], carriers: [audience('a', [label])], policies });
    assert.equal(v?.policy.id, 'corepolicy_0003');
    assert.deepEqual(v?.labels, [label]);
  }
  assert.deepEqual(evaluate({ marketingActions: ['EMAIL_TARGETING'], carriers: [audience('a', ['C6'])], policies }), []);
});

test('core "Restrict data sharing" (C11, Segment Match) never applies to a destination: no destination performs Segment Match', () => {
  const policy = corePolicies().find((p) => p.name === 'Restrict data sharing')!;
  assert.deepEqual(policy.deny, { label: 'C11' });
  const all = CORE_MARKETING_ACTIONS.flatMap((a) => (a.destinationEnum ? [a.destinationEnum] : []));
  assert.deepEqual(evaluate({ marketingActions: all, carriers: [audience('a', ['C11'])], policies: [policy] }), []);
  assert.deepEqual(evaluate({ marketingActions: all, carriers: [audience('a', ['C1'])], policies: [policy] }), []);
});

test('enabledCorePolicies: only listed core policies are ENABLED, by id or by name; the rest are DRAFT and ignored', () => {
  const byName = corePolicies(['3rd party export restriction']);
  assert.deepEqual(byName.map((p) => p.status), ['ENABLED', 'DRAFT', 'DRAFT']);
  assert.equal(corePolicies(['corepolicy_0003']).find((p) => p.id === 'corepolicy_0003')?.status, 'ENABLED');
  assert.deepEqual(evaluate({ marketingActions: ['EXPORT_TO_THIRD_PARTY'], carriers: [audience('a', ['C2'])], policies: corePolicies([]) }), []);
});

test('custom policies: nested AND/OR across carriers, every carrier of an involved label is reported', () => {
  const deny = { operator: 'AND' as const, operands: [{ label: 'C1' }, { operator: 'OR' as const, operands: [{ label: 'C3' }, { label: 'C7' }] }] };
  const carriers: Carrier[] = [audience('a', ['C1'], 0), { kind: 'identity', namespace: 'Email', mappingIndex: 2, labels: ['C7', 'I1'] }, audience('b', ['I2'], 1)];
  const [v] = evaluate({ marketingActions: ['CROSS_SITE_TARGETING'], carriers, policies: [custom(deny)] });
  assert.deepEqual(v!.labels, ['C1', 'C7']);
  assert.deepEqual(v!.carriers, [audience('a', ['C1'], 0), { kind: 'identity', namespace: 'Email', mappingIndex: 2, labels: ['C7'] }]);
  assert.deepEqual(evaluate({ marketingActions: ['CROSS_SITE_TARGETING'], carriers: carriers.slice(0, 1), policies: [custom(deny)] }), []);
  const or = { operator: 'OR' as const, operands: [{ label: 'S1' }, { operator: 'AND' as const, operands: [{ label: 'I1' }, { label: 'C3' }] }] };
  assert.equal(evaluate({ marketingActions: ['CROSS_SITE_TARGETING'], carriers: [audience('x', ['S1'])], policies: [custom(or)] }).length, 1);
  assert.equal(evaluate({ marketingActions: ['CROSS_SITE_TARGETING'], carriers: [audience('x', ['I1'])], policies: [custom(or)] }).length, 0);
});

test('custom policies: DRAFT and DISABLED are ignored; refs may be URIs, names or enum values; one violation per action', () => {
  const carriers = [audience('a', ['C5'])];
  assert.deepEqual(evaluate({ marketingActions: ['CROSS_SITE_TARGETING'], carriers, policies: [custom({ label: 'C5' }, undefined, 'DRAFT')] }), []);
  assert.deepEqual(evaluate({ marketingActions: ['CROSS_SITE_TARGETING'], carriers, policies: [custom({ label: 'C5' }, undefined, 'DISABLED')] }), []);
  const refs = ['https://platform.adobe.io/data/foundation/dulepolicy/marketingActions/core/crossSiteTargeting', 'crossSiteTargeting', 'EXPORT_TO_THIRD_PARTY'];
  const found = evaluate({ marketingActions: ['CROSS_SITE_TARGETING', 'EXPORT_TO_THIRD_PARTY'], carriers, policies: [custom({ label: 'C5' }, refs)] });
  assert.deepEqual(found.map((v) => v.marketingAction), ['CROSS_SITE_TARGETING', 'EXPORT_TO_THIRD_PARTY']);
});
