import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject } from '../../../src/core/project/load';
import { validateProject } from '../../../src/core/validate';
import { validateExample, withCode } from '../../helpers/example';

const LOYALTY = 'a2c4e6f8-1b3d-4f5a-8c7e-9d0b1a2c3e4f';

test('PD501: the Pinterest example (no labels) is clean, with zero errors and zero warnings', () => {
  assert.deepEqual(validateExample().filter((d) => d.severity !== 'info'), []);
});

test('PD501: examples/policy-violation reports the core "3rd party export restriction" at the C2 audience, and nothing else', async () => {
  const dir = resolve(fileURLToPath(new URL('../../../examples/policy-violation/', import.meta.url)));
  const { project, problems } = await loadProject([dir]);
  assert.deepEqual(problems, []);
  const found = validateProject(project).flatMap((r) => r.diagnostics.map((d) => ({ ...d, path: r.path })));
  assert.deepEqual(found.filter((d) => d.severity !== 'info').map((d) => [d.code, d.path.slice(dir.length + 1), d.pointer]), [['PD501', 'activation.json', '/audiences/1']]);
  const [d] = found;
  assert.match(d!.message, /core policy "3rd party export restriction" denies Export to Third Party \(`EXPORT_TO_THIRD_PARTY`\) for data labelled C2;/);
  assert.match(d!.message, new RegExp(`audience \`${LOYALTY}\` carries \`C2\``));
  assert.match(d!.message, /remove this audience from the activation, or take `EXPORT_TO_THIRD_PARTY` out of the destination's `marketingActions`/);
});

test('PD501 core "3rd party export restriction": violating (C2 audience) and clean (C2 on an audience not activated)', () => {
  const bad = withCode(validateExample((f) => (f.activation.labels = { audiences: { [LOYALTY]: ['C2'] } })), 'PD501');
  assert.deepEqual(bad.map((d) => [d.file, d.pointer, d.severity]), [['activation.json', '/audiences/1', 'error']]);
  assert.deepEqual(bad[0]!.data, { policy: { id: null, name: '3rd party export restriction', origin: 'core' }, marketingAction: 'EXPORT_TO_THIRD_PARTY', labels: ['C2'] });
  assert.deepEqual(withCode(validateExample((f) => (f.activation.labels = { audiences: { 'some-other-audience': ['C2'] } })), 'PD501'), []);
});

test('PD501 core "Restrict email targeting": violating (C4 with EMAIL_TARGETING) and clean (C4 without it)', () => {
  const labelled = (actions?: string[]) => withCode(validateExample((f) => {
    f.activation.labels = { identities: { Email: ['C4'] } };
    if (actions) f.activation.marketingActions = actions;
  }), 'PD501');
  const [d, ...rest] = labelled(['EMAIL_TARGETING']);
  assert.equal(rest.length, 0);
  assert.equal(d!.pointer, '/mappings/0');
  assert.match(d!.message, /core policy "Restrict email targeting" \(corepolicy_0003\) denies Email Targeting/);
  assert.match(d!.message, /identity namespace `Email` carries `C4`.*remove this mapping.*the activation's `marketingActions`/);
  assert.deepEqual(labelled(), []);
});

test('PD501 core "Restrict data sharing" (C11 → Segment Match) never fires for a destination, clean either way', () => {
  const all = ['ANALYTICS', 'COMBINE_WITH_PII', 'CROSS_SITE_TARGETING', 'DATA_SCIENCE', 'EMAIL_TARGETING', 'EXPORT_TO_THIRD_PARTY', 'ONSITE_ADVERTISING', 'ONSITE_PERSONALIZATION', 'SINGLE_IDENTITY_PERSONALIZATION'];
  assert.deepEqual(withCode(validateExample((f) => {
    f.activation.labels = { audiences: { [LOYALTY]: ['C11'] } };
    f.activation.marketingActions = all;
  }), 'PD501'), []);
});

test("PD501: the activation's marketingActions override narrows the destination's and clears the violation", () => {
  const found = withCode(validateExample((f) => {
    f.activation.labels = { audiences: { [LOYALTY]: ['C2'] } };
    f.activation.marketingActions = ['CROSS_SITE_TARGETING'];
  }), 'PD501');
  assert.deepEqual(found, []);
});

test('PD501: enabledCorePolicies without the policy leaves it DRAFT, so it is not evaluated', () => {
  const found = withCode(validateExample((f) => {
    f.activation.labels = { audiences: { [LOYALTY]: ['C2'] } };
    f.activation.enabledCorePolicies = ['corepolicy_0003'];
  }), 'PD501');
  assert.deepEqual(found, []);
});

test('PD501: a custom AND policy across an audience and a mapping reports both places; as DRAFT it reports none', () => {
  const policy = {
    name: 'No cross-site targeting of loyalty emails',
    status: 'ENABLED',
    marketingActionRefs: ['https://platform.adobe.io/data/foundation/dulepolicy/marketingActions/core/crossSiteTargeting'],
    deny: { operator: 'AND', operands: [{ label: 'C5' }, { operator: 'OR', operands: [{ label: 'I1' }, { label: 'I2' }] }] },
  };
  const run = (status: string) => withCode(validateExample((f) => {
    f.activation.labels = { audiences: { [LOYALTY]: ['C5'] }, identities: { Email: ['I1'], GAID: ['I2'] } };
    f.activation.policies = [{ ...policy, status }];
  }), 'PD501');
  const found = run('ENABLED');
  assert.deepEqual(found.map((d) => d.pointer).sort(), ['/audiences/1', '/mappings/0', '/mappings/2']);
  const audience = found.find((d) => d.pointer === '/audiences/1')!;
  assert.match(audience.message, /custom policy "No cross-site targeting of loyalty emails" denies Cross Site Targeting \(`CROSS_SITE_TARGETING`\) for data labelled C5 AND \(I1 OR I2\)/);
  assert.match(audience.message, /carries `C5` \(and other activated data carries `I1`, `I2`\)/);
  assert.deepEqual(run('DRAFT'), []);
});
