/**
 * PD501: activating this would violate an enabled data usage policy. AEP blocks such an
 * activation at its Review step (auto-enforcement.md); this says so in the editor, at the audience
 * or mapping that brings the label, with the policy, the marketing action and the ways out.
 */
import type { Finding } from '../diagnostics';
import { governanceOf } from '../governance/activation';
import { evaluate } from '../governance/evaluate';
import { carrierPlace as where, violationText as message } from '../governance/explain';
import { asObject } from '../project/project';
import { destinationsFor } from './facts';
import { finding, type Rule } from './rule';

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
