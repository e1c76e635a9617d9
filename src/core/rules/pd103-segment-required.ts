import { en } from '../report/l10n';
import { asObject } from '../project/project';
import { finding, type Rule } from './rule';

/** Adobe: `schemaConfig.segmentRequired` must always be true. */
export const segmentRequired: Rule = {
  code: 'PD103',
  title: 'schemaConfig.segmentRequired is true',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    const config = asObject(value.schemaConfig);
    if (config?.segmentRequired === true) return [];
    // A missing key is located at its nearest existing ancestor.
    const pointer = config ? '/schemaConfig/segmentRequired' : '/schemaConfig';
    const message = config && 'segmentRequired' in config
      ? en`\`segmentRequired\` must be \`true\`: Destination SDK destinations always export audiences.`
      : en`Set \`schemaConfig.segmentRequired\` to \`true\`: Destination SDK destinations always export audiences.`;
    return [finding(this, pointer, message, { data: { set: { pointer: '/schemaConfig/segmentRequired', value: true } } })];
  },
};
