import { en } from '../report/l10n';
import { childPointer } from '../json/pointer';
import { asObject } from '../project/project';
import { listText, suggest } from '../text/suggest';
import { PINTEREST } from './facts';
import { finding, type Rule } from './rule';

/** pinterest_audience accepts exactly GAID, IDFA, Email and Email_LC_SHA256. */
export const pinterestAcceptedNamespaces: Rule = {
  code: 'PD202',
  title: 'pinterest_audience accepts GAID, IDFA, Email and Email_LC_SHA256',
  severity: 'error',
  kinds: ['destination'],
  pinterestOnly: true,
  check({ value }) {
    const target = asObject(asObject(value.identityNamespaces)?.[PINTEREST.target]);
    if (!target) return [];
    const base = childPointer('/identityNamespaces', PINTEREST.target);
    const accepted = asObject(target.acceptedGlobalNamespaces);
    const expected: readonly string[] = PINTEREST.namespaces;
    if (!accepted) {
      return [finding(this, base, en`\`${PINTEREST.target}\` accepts no namespace; add \`acceptedGlobalNamespaces\` with ${listText(expected)}.`, { data: { fillNamespaces: [...expected] } })];
    }
    const present = Object.keys(accepted);
    const out = present
      .filter((ns) => !expected.includes(ns))
      .map((ns) => {
        const hint = suggest(ns, expected);
        return finding(this, childPointer(`${base}/acceptedGlobalNamespaces`, ns), hint && hint.toLowerCase() === ns.toLowerCase()
          ? en`\`${ns}\` is not a namespace code; did you mean \`${hint}\`? Codes are case-sensitive.`
          : en`Pinterest customer lists take emails, GAIDs and IDFAs; \`${ns}\` cannot be sent to Pinterest.`, { at: 'key', data: hint ? { renameKey: hint } : undefined });
      });
    const missing = expected.filter((ns) => !present.includes(ns) && !present.some((p) => p.toLowerCase() === ns.toLowerCase()));
    if (missing.length) {
      out.push(finding(this, `${base}/acceptedGlobalNamespaces`, missing.length === 1 ? en`Pinterest's destination also accepts ${listText(missing)}; add it so users can map every supported identity.` : en`Pinterest's destination also accepts ${listText(missing)}; add them so users can map every supported identity.`, { severity: 'warning', data: { fillNamespaces: missing } }));
    }
    return out;
  },
};
