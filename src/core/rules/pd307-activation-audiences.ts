import { en } from '../report/l10n';
import { asArray, asObject, asString } from '../project/project';
import { audienceTemplateRef, destinationsFor } from './facts';
import { finding, type Rule } from './rule';

/** Each audience is activated once, and has (or can get) a Pinterest-side id. */
export const activationAudiences: Rule = {
  code: 'PD307',
  title: 'Audiences are unique and have an alias or an audience template to create one',
  severity: 'error',
  kinds: ['activation'],
  check(ctx) {
    const [destination] = destinationsFor(ctx.file, ctx.project);
    const config = asObject(destination?.doc.value);
    const canCreate = config ? audienceTemplateRef(config) !== undefined : true;
    const seen = new Map<string, number>();
    const out = [];
    for (const [i, a] of asArray(ctx.value.audiences).entries()) {
      const audience = asObject(a);
      const id = asString(audience?.id);
      if (!audience || id === undefined) continue;
      const key = `${asString(audience.namespace) ?? 'ups'}:${id}`;
      if (seen.has(key)) {
        out.push(finding(this, `/audiences/${i}/id`, en`Audience \`${id}\` is already activated at item ${String(seen.get(key))}; activate each audience once.`));
      } else {
        seen.set(key, i);
      }
      if (!canCreate && audience.alias === undefined) {
        out.push(finding(this, `/audiences/${i}`, en`The destination has no audience template to create a Pinterest list for \`${asString(audience.name) ?? id}\`; give it an \`alias\` (an existing customer list id).`));
      }
    }
    return out;
  },
};
