/**
 * PD501: activating this would violate an enabled data usage policy. AEP blocks such an
 * activation at its Review step (auto-enforcement.md); this says so in the editor, at the audience
 * or mapping that brings the label, with the policy, the marketing action and the ways out.
 */
import type { Finding } from '../diagnostics';
import { describeAction, findMarketingAction } from '../governance/adobe-governance';
import { governanceOf } from '../governance/activation';
import { evaluate, type Carrier, type Violation } from '../governance/evaluate';
import { asObject } from '../project/project';
import { destinationsFor } from './facts';
import { finding, type Rule } from './rule';

function where(c: Carrier): { pointer: string; what: string; fix: string } {
  switch (c.kind) {
    case 'audience':
      return { pointer: `/audiences/${c.index}`, what: `audience \`${c.id}\``, fix: 'remove this audience from the activation' };
    case 'identity':
      return { pointer: `/mappings/${c.mappingIndex}`, what: `identity namespace \`${c.namespace}\``, fix: 'remove this mapping' };
    case 'attribute':
      return { pointer: `/mappings/${c.mappingIndex}`, what: `attribute \`${c.path}\``, fix: 'remove this mapping' };
  }
}

function message(v: Violation, c: Carrier, actionsFrom: 'activation' | 'destination'): string {
  const action = findMarketingAction(v.marketingAction);
  const policy = `${v.policy.origin} policy "${v.policy.name}"${v.policy.id && v.policy.origin === 'core' ? ` (${v.policy.id})` : ''}`;
  const w = where(c);
  const others = v.labels.filter((l) => !c.labels.includes(l));
  const together = others.length ? ` (and other activated data carries ${others.map((l) => `\`${l}\``).join(', ')})` : '';
  const actionsAt = actionsFrom === 'activation' ? "the activation's `marketingActions`" : "the destination's `marketingActions`";
  return `The ${policy} denies ${action ? describeAction(action) : v.marketingAction} for data labelled ${v.deny}; ` +
    `${w.what} carries ${c.labels.map((l) => `\`${l}\``).join(', ')}${together}. To resolve: ${w.fix}, or take \`${v.marketingAction}\` out of ${actionsAt}.`;
}

export const policyViolation: Rule = {
  code: 'PD501',
  title: 'Activated audiences and mappings do not violate enabled data usage policies',
  severity: 'error',
  kinds: ['activation'],
  check(ctx) {
    const [destination] = destinationsFor(ctx.file, ctx.project);
    const { input, actionsFrom } = governanceOf(ctx.value, asObject(destination?.doc.value));
    const out: Finding[] = [];
    for (const v of evaluate(input)) {
      for (const c of v.carriers) {
        out.push(finding(this, where(c).pointer, message(v, c, actionsFrom), {
          data: { policy: v.policy, marketingAction: v.marketingAction, labels: c.labels },
        }));
      }
    }
    return out;
  },
};
