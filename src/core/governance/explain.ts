/**
 * How a policy violation is explained to people, the same way in the editor (PD501), the preview
 * and a refused test activation: the policy, the marketing action, the labels, where they come
 * from in the activation file, and the ways out.
 */
import { describeAction, findMarketingAction } from './adobe-governance';
import type { Carrier, Violation } from './evaluate';
import { en, fill, msg, type Text } from '../report/l10n';

// Stored English (the preview's problems, a refused run); the extension shows them translated
// (translateText, which translates the pieces filled into a message too).
const SAY = {
  // First, so that a line with the labels other activated data carries is not taken for a line without (translateText tries them in order).
  violationTogether: msg('The {0} denies {1} for data labelled {2}; {3} carries {4} (and other activated data carries {5}). To resolve: {6}, or take `{7}` out of {8}.'),
  violation: msg('The {0} denies {1} for data labelled {2}; {3} carries {4}. To resolve: {5}, or take `{6}` out of {7}.'),
  corePolicyId: msg('core policy "{0}" ({1})'),
  corePolicy: msg('core policy "{0}"'),
  customPolicy: msg('custom policy "{0}"'),
  audience: msg('audience `{0}`'),
  identity: msg('identity namespace `{0}`'),
  attribute: msg('attribute `{0}`'),
  removeAudience: msg('remove this audience from the activation'),
  removeMapping: msg('remove this mapping'),
  activationActions: msg("the activation's `marketingActions`"),
  destinationActions: msg("the destination's `marketingActions`"),
};

export function carrierPlace(c: Carrier): { pointer: string; what: string; fix: string } {
  switch (c.kind) {
    case 'audience':
      return { pointer: `/audiences/${c.index}`, what: fill(SAY.audience, [c.id]), fix: SAY.removeAudience };
    case 'identity':
      return { pointer: `/mappings/${c.mappingIndex}`, what: fill(SAY.identity, [c.namespace]), fix: SAY.removeMapping };
    case 'attribute':
      return { pointer: `/mappings/${c.mappingIndex}`, what: fill(SAY.attribute, [c.path]), fix: SAY.removeMapping };
  }
}

export function violationMessage(v: Violation, c: Carrier, actionsFrom: 'activation' | 'destination'): string {
  const action = findMarketingAction(v.marketingAction);
  const w = carrierPlace(c);
  const others = v.labels.filter((l) => !c.labels.includes(l));
  const actionsAt = actionsFrom === 'activation' ? SAY.activationActions : SAY.destinationActions;
  const labels = (list: readonly string[]) => list.map((l) => `\`${l}\``).join(', ');
  const head = [
    v.policy.origin === 'custom' ? fill(SAY.customPolicy, [v.policy.name]) : v.policy.id ? fill(SAY.corePolicyId, [v.policy.name, v.policy.id]) : fill(SAY.corePolicy, [v.policy.name]),
    action ? describeAction(action) : v.marketingAction,
    v.deny,
    w.what,
    labels(c.labels),
  ];
  const tail = [w.fix, v.marketingAction, actionsAt];
  return others.length ? fill(SAY.violationTogether, [...head, labels(others), ...tail]) : fill(SAY.violation, [...head, ...tail]);
}

/** The same explanation as a message with its template, for a front end that translates it. */
export function violationText(v: Violation, c: Carrier, actionsFrom: 'activation' | 'destination'): Text {
  const action = findMarketingAction(v.marketingAction);
  const policy = v.policy.id && v.policy.origin === 'core' ? en`${v.policy.origin} policy "${v.policy.name}" (${v.policy.id})` : en`${v.policy.origin} policy "${v.policy.name}"`;
  const what = c.kind === 'audience' ? en`audience \`${c.id}\`` : c.kind === 'identity' ? en`identity namespace \`${c.namespace}\`` : en`attribute \`${c.path}\``;
  const fix = c.kind === 'audience' ? en`remove this audience from the activation` : en`remove this mapping`;
  const others = v.labels.filter((l) => !c.labels.includes(l));
  const labels = c.labels.map((l) => `\`${l}\``).join(', ');
  const actionsAt = actionsFrom === 'activation' ? en`the activation's \`marketingActions\`` : en`the destination's \`marketingActions\``;
  const described = action ? describeAction(action) : v.marketingAction;
  return others.length
    ? en`The ${policy} denies ${described} for data labelled ${v.deny}; ${what} carries ${labels} (and other activated data carries ${others.map((l) => `\`${l}\``).join(', ')}). To resolve: ${fix}, or take \`${v.marketingAction}\` out of ${actionsAt}.`
    : en`The ${policy} denies ${described} for data labelled ${v.deny}; ${what} carries ${labels}. To resolve: ${fix}, or take \`${v.marketingAction}\` out of ${actionsAt}.`;
}
