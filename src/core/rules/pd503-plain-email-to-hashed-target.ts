/**
 * PD503: a plain `Email` mapped without "Apply transformation" to a target identity that receives
 * hashed identities. When the destination hashes other namespaces for that target
 * (`requiredTransformation`) or declares a target `transformation`, it expects digests; an email
 * mapped without the transformation leaves AEP as a readable address (docs §6.3: only namespaces
 * with `requiredTransformation` are forced). Where the destination forces hashing on `Email`
 * itself, AEP hashes anyway and PD304 already asks for the flag, so this rule stays silent there.
 */
import { en } from '../report/l10n';
import { asArray, asObject, asString } from '../project/project';
import { destinationsFor, TRANSFORMATION } from './facts';
import { finding, type Rule } from './rule';

export const plainEmailToHashedTarget: Rule = {
  code: 'PD503',
  title: 'A plain Email is not mapped unhashed to a target that receives hashed identities',
  severity: 'warning',
  kinds: ['activation'],
  check(ctx) {
    const [destination] = destinationsFor(ctx.file, ctx.project);
    const targets = asObject(asObject(destination?.doc.value)?.identityNamespaces);
    if (!targets) return [];
    const out = [];
    for (const [i, m] of asArray(ctx.value.mappings).entries()) {
      const mapping = asObject(m);
      const source = asString(mapping?.source);
      if (!mapping || source !== 'Email' || mapping.applyTransformation === true) continue;
      const target = asString(mapping.target) ?? source;
      const def = asObject(targets[target]);
      if (!def) continue;
      const accepted = asObject(def.acceptedGlobalNamespaces) ?? {};
      if (asObject(accepted.Email)?.requiredTransformation !== undefined) continue;
      const hashedBy = typeof def.transformation === 'string'
        ? 'declares a target `transformation`'
        : Object.entries(accepted).find(([, v]) => asObject(v)?.requiredTransformation !== undefined)?.[0];
      if (!hashedBy) continue;
      const why = typeof def.transformation === 'string' ? en`declares a target \`transformation\`` : en`hashes \`${hashedBy}\` with \`requiredTransformation\``;
      const pointer = `/mappings/${i}/applyTransformation`;
      out.push(finding(this, mapping.applyTransformation === undefined ? `/mappings/${i}` : pointer,
        en`\`Email\` is mapped to \`${target}\` without hashing, but the destination ${why}, so the target expects digests and these plain addresses would leave AEP readable. Set \`applyTransformation\` to \`true\` (\`${TRANSFORMATION}\`).`,
        { data: { set: { pointer, value: true } } }));
    }
    return out;
  },
};
