import { en } from '../report/l10n';
import { asObject } from '../project/project';
import { isStreaming } from './facts';
import { finding, type Rule } from './rule';

/** Without a target identity a user cannot pass the mapping step of the activation workflow. */
export const identityNamespacesRequired: Rule = {
  code: 'PD102',
  title: 'Streaming destinations declare at least one target identity',
  severity: 'error',
  kinds: ['destination'],
  check({ value, project }) {
    if (!isStreaming(value, project)) return [];
    const ns = asObject(value.identityNamespaces);
    if (ns && Object.keys(ns).length > 0) return [];
    return [finding(this, ns ? '/identityNamespaces' : '', en`A streaming destination needs at least one target identity in \`identityNamespaces\`; without one, users cannot complete the mapping step.`)];
  },
};
