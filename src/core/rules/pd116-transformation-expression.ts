import { en } from '../report/l10n';
import { childPointer } from '../json/pointer';
import { asObject } from '../project/project';
import { TRANSFORMATION } from './facts';
import { finding, type Rule } from './rule';

/** `sha256(lower($))` is the only transformation Adobe documents. */
export const transformationExpression: Rule = {
  code: 'PD116',
  title: 'Transformations are sha256(lower($))',
  severity: 'warning',
  kinds: ['destination'],
  check({ value }) {
    const out = [];
    for (const [target, def] of Object.entries(asObject(value.identityNamespaces) ?? {})) {
      const t = asObject(def);
      if (!t) continue;
      const base = childPointer('/identityNamespaces', target);
      if (t.transformation !== undefined && t.transformation !== TRANSFORMATION) {
        out.push(finding(this, `${base}/transformation`, en`\`${String(t.transformation)}\` is not a documented transformation; Adobe supports only \`${TRANSFORMATION}\`.`, { data: { replacement: TRANSFORMATION } }));
      }
      for (const [ns, nsDef] of Object.entries(asObject(t.acceptedGlobalNamespaces) ?? {})) {
        const rt = asObject(nsDef)?.requiredTransformation;
        if (rt !== undefined && rt !== TRANSFORMATION) {
          out.push(finding(this, childPointer(`${base}/acceptedGlobalNamespaces`, ns) + '/requiredTransformation', en`\`${String(rt)}\` is not a documented transformation; Adobe supports only \`${TRANSFORMATION}\`.`, { data: { replacement: TRANSFORMATION } }));
        }
      }
    }
    return out;
  },
};
