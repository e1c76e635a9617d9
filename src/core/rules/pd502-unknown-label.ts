/**
 * PD502: label codes are case-sensitive names (`C2`, not `c2`); the Policy Service matches them
 * exactly (evaluation.md), so a misspelt label silently matches no policy. A near miss of an Adobe
 * core label is an error with "did you mean". Any other code is taken as an organisation's custom
 * label: fine inside a custom policy, but on an audience, identity or attribute it is a warning
 * when no custom policy mentions it, since then it can affect no evaluation.
 */
import { en } from '../report/l10n';
import type { Finding } from '../diagnostics';
import { CORE_LABEL_CODES } from '../governance/adobe-governance';
import { childPointer } from '../json/pointer';
import { asArray, asObject } from '../project/project';
import { suggest } from '../text/suggest';
import { finding, type Rule } from './rule';

/** Each `{ "label": ... }` node of a deny expression, with its pointer. */
function labelNodes(expr: unknown, pointer: string, out: { label: string; pointer: string }[]): void {
  const o = asObject(expr);
  if (!o) return;
  if (typeof o.label === 'string') out.push({ label: o.label, pointer: `${pointer}/label` });
  asArray(o.operands).forEach((x, i) => labelNodes(x, `${pointer}/operands/${i}`, out));
}

export const unknownLabel: Rule = {
  code: 'PD502',
  title: 'Data usage label codes are Adobe core labels (case-sensitive) or custom labels a policy uses',
  severity: 'error',
  kinds: ['activation'],
  check({ value }) {
    const out: Finding[] = [];
    const core = new Set(CORE_LABEL_CODES);
    const inPolicies: { label: string; pointer: string }[] = [];
    asArray(value.policies).forEach((p, i) => labelNodes(asObject(p)?.deny, `/policies/${i}/deny`, inPolicies));
    const custom = new Set(inPolicies.map((n) => n.label).filter((l) => !core.has(l)));
    const nearMiss = (label: string, pointer: string): boolean => {
      const hint = suggest(label, CORE_LABEL_CODES);
      if (!hint) return false;
      out.push(finding(this, pointer, en`\`${label}\` is not an Adobe data usage label; did you mean \`${hint}\`? Label codes are case-sensitive.`, { data: { replacement: hint } }));
      return true;
    };
    for (const n of inPolicies) if (!core.has(n.label)) nearMiss(n.label, n.pointer);
    const labels = asObject(value.labels) ?? {};
    for (const sectionName of ['audiences', 'identities', 'attributes']) {
      const section = asObject(labels[sectionName]) ?? {};
      for (const [key, list] of Object.entries(section)) {
        asArray(list).forEach((label, i) => {
          if (typeof label !== 'string' || core.has(label)) return;
          const pointer = `${childPointer(`/labels/${sectionName}`, key)}/${i}`;
          if (custom.has(label)) return;
          if (nearMiss(label, pointer)) return;
          out.push(finding(this, pointer, en`\`${label}\` is not an Adobe core label and no custom policy in \`policies\` uses it, so it affects no policy evaluation. If it is a custom label of your organisation, add the policy that restricts it.`, { severity: 'warning' }));
        });
      }
    }
    return out;
  },
};
