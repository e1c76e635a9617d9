import { en } from '../report/l10n';
import { asObject, asString } from '../project/project';
import { audienceTemplateRef } from './facts';
import { listText } from '../text/suggest';
import { finding, type Rule } from './rule';

/** audienceTemplateId names an audience metadata template of this project. */
export const audienceTemplateReference: Rule = {
  code: 'PD302',
  title: 'audienceTemplateId resolves to an audience template in the project',
  severity: 'error',
  kinds: ['destination'],
  check({ value, project }) {
    const ref = audienceTemplateRef(value);
    if (!ref || typeof ref.id !== 'string' || project.audienceTemplateById(ref.id)) return [];
    const templates = project.ofKind('audience-template');
    // A destination validated on its own has nothing to resolve against.
    if (templates.length === 0) return [];
    const known = templates.map((t) => asString(asObject(t.doc.value)?.instanceId)).filter((x): x is string => !!x);
    return [finding(this, ref.pointer, en`No audience template in this project has \`instanceId\` \`${ref.id}\`${known.length ? en`; found ${listText(known)}` : ''}.`, { data: { candidates: known } })];
  },
};
