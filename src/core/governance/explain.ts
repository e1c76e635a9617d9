/**
 * How a policy violation is explained to people, the same way in the editor (PD501), the preview
 * and a refused test activation: the policy, the marketing action, the labels, where they come
 * from in the activation file, and the ways out.
 */
import { describeAction, findMarketingAction } from './adobe-governance';
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
  const action = findMarketingAction(v.marketingAction);
  const policy = `${v.policy.origin} policy "${v.policy.name}"${v.policy.id && v.policy.origin === 'core' ? ` (${v.policy.id})` : ''}`;
  const w = carrierPlace(c);
  const others = v.labels.filter((l) => !c.labels.includes(l));
  const together = others.length ? ` (and other activated data carries ${others.map((l) => `\`${l}\``).join(', ')})` : '';
  const actionsAt = actionsFrom === 'activation' ? "the activation's `marketingActions`" : "the destination's `marketingActions`";
  return `The ${policy} denies ${action ? describeAction(action) : v.marketingAction} for data labelled ${v.deny}; ` +
    `${w.what} carries ${c.labels.map((l) => `\`${l}\``).join(', ')}${together}. To resolve: ${w.fix}, or take \`${v.marketingAction}\` out of ${actionsAt}.`;
}
