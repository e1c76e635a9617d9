/**
 * How a policy violation is explained to people, the same way in the editor (PD501), the preview
 * and a refused test activation: the policy, the marketing action, the labels, where they come
 * from in the activation file, and the ways out.
 */
import { describeAction, findMarketingAction } from './adobe-governance';
import { en, say, type Text } from '../report/l10n';
import type { Carrier, Violation } from './evaluate';

export function carrierPlace(c: Carrier): { pointer: string; what: string; fix: string } {
  switch (c.kind) {
    case 'audience':
      return { pointer: `/audiences/${c.index}`, what: `audience \`${c.id}\``, fix: 'remove this audience from the activation' };
    case 'identity':
      return { pointer: `/mappings/${c.mappingIndex}`, what: `identity namespace \`${c.namespace}\``, fix: 'remove this mapping' };
    case 'attribute':
      return { pointer: `/mappings/${c.mappingIndex}`, what: `attribute \`${c.path}\``, fix: 'remove this mapping' };
  }
}

export function violationMessage(v: Violation, c: Carrier, actionsFrom: 'activation' | 'destination'): string {
  return say(violationText(v, c, actionsFrom));
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
