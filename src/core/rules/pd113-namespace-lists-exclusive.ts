import { en } from '../report/l10n';
import { asObject } from '../project/project';
import { finding, type Rule } from './rule';

const ALLOW = ['segmentNamespaceAllowList', 'segmentNamespaceAllowed'];
const DENY = ['segmentNamespaceDenyList', 'segmentNamespaceDenied'];

/** An audience-namespace allow list and deny list cannot both be set. */
export const namespaceListsExclusive: Rule = {
  code: 'PD113',
  title: 'Audience namespace allow and deny lists are exclusive',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    const config = asObject(value.schemaConfig);
    if (!config) return [];
    const allow = ALLOW.find((k) => k in config);
    const deny = DENY.find((k) => k in config);
    if (!allow || !deny) return [];
    return [finding(this, `/schemaConfig/${allow}`, en`\`${allow}\` and \`${deny}\` are mutually exclusive: keep one. Adobe recommends \`segmentNamespaceDenyList: []\`.`, { at: 'key' })];
  },
};
