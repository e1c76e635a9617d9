import { en } from '../report/l10n';
import { asArray, asObject, asString } from '../project/project';
import { listText, suggest } from '../text/suggest';
import { defaultTarget } from '../plan/activation';
import { destinationsFor, TRANSFORMATION } from './facts';
import { finding, type Rule } from './rule';

/** Each mapping goes from a namespace the destination accepts to a target it declares. */
export const activationMappings: Rule = {
  code: 'PD304',
  title: 'Activation mappings use namespaces and targets the destination accepts',
  severity: 'error',
  kinds: ['activation'],
  check(ctx) {
    const [destination] = destinationsFor(ctx.file, ctx.project);
    const targets = asObject(asObject(destination?.doc.value)?.identityNamespaces);
    if (!targets) return [];
    const targetNames = Object.keys(targets);
    const out = [];
    for (const [i, m] of asArray(ctx.value.mappings).entries()) {
      const mapping = asObject(m);
      const source = asString(mapping?.source);
      if (!mapping || !source) continue;
      const target = defaultTarget(mapping.target, source);
      const base = `/mappings/${i}`;
      const def = asObject(targets[target]);
      if (!def) {
        const hint = suggest(target, targetNames) ?? (targetNames.length === 1 ? targetNames[0] : undefined);
        if (asString(mapping.target)) {
          out.push(finding(this, `${base}/target`, en`The destination has no target identity \`${target}\`; ${hint ? en`did you mean \`${hint}\`?` : en`use ${listText(targetNames)}.`}`, { data: hint ? { replacement: hint } : undefined }));
        } else {
          // No target: AEP fills in the source's name, which this destination does not declare.
          const what = en`This mapping names no \`target\`, so AEP fills in \`${source}\` (the source's name), which is not a target identity of the destination`;
          out.push(finding(this, `${base}/source`, en`${what}; ${hint ? en`set \`target\` to \`${hint}\`.` : en`set \`target\` to one of ${listText(targetNames)}.`}`, { data: hint ? { set: { pointer: `${base}/target`, value: hint } } : undefined }));
        }
        continue;
      }
      const accepted = asObject(def.acceptedGlobalNamespaces) ?? {};
      const acceptedNames = Object.keys(accepted);
      const nsDef = asObject(accepted[source]);
      if (!nsDef) {
        if (def.acceptsCustomNamespaces === true && !suggest(source, acceptedNames)) continue;
        const hint = suggest(source, acceptedNames);
        out.push(finding(this, `${base}/source`, en`\`${target}\` does not accept the namespace \`${source}\`; ${hint ? en`did you mean \`${hint}\`? Codes are case-sensitive.` : en`it accepts ${listText(acceptedNames)}.`}`, { data: hint ? { replacement: hint } : undefined }));
        continue;
      }
      if (nsDef.requiredTransformation === TRANSFORMATION && mapping.applyTransformation !== true) {
        out.push(finding(this, mapping.applyTransformation === undefined ? base : `${base}/applyTransformation`, en`AEP always applies \`${TRANSFORMATION}\` to \`${source}\` for this destination; set \`applyTransformation\` to \`true\` so the file says what happens.`, { severity: 'warning', data: { set: { pointer: `${base}/applyTransformation`, value: true } } }));
      }
    }
    return out;
  },
};
