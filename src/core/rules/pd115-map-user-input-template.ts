import { en } from '../report/l10n';
import { asObject } from '../project/project';
import { audienceTemplateRef } from './facts';
import { finding, type Rule } from './rule';

/** A user-typed mapping id and a partner-created audience are two different designs. */
export const mapUserInputExcludesTemplate: Rule = {
  code: 'PD115',
  title: 'mapUserInput and audienceTemplateId are exclusive',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    const mapping = asObject(value.segmentMappingConfig);
    const ref = audienceTemplateRef(value);
    if (mapping?.mapUserInput !== true || !ref) return [];
    return [finding(this, '/segmentMappingConfig/mapUserInput', en`With \`mapUserInput: true\` users type the audience mapping id themselves, so \`audienceTemplateId\` must not be set; remove one of them.`, { data: { set: { pointer: '/segmentMappingConfig/mapUserInput', value: false } } })];
  },
};
