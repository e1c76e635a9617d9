import { en } from '../report/l10n';
import { asObject } from '../project/project';
import { finding, type Rule } from './rule';

const RENAMED: Record<string, string> = {
  segmentNamespaceAllowed: 'segmentNamespaceAllowList',
  segmentNamespaceDenied: 'segmentNamespaceDenyList',
};

/** An older page used other names; the API reference and newer pages use *List. */
export const legacyNamespaceLists: Rule = {
  code: 'PD114',
  title: 'Audience namespace lists use their current names',
  severity: 'warning',
  kinds: ['destination'],
  check({ value }) {
    const config = asObject(value.schemaConfig);
    if (!config) return [];
    return Object.entries(RENAMED)
      .filter(([old]) => old in config)
      .map(([old, current]) => finding(this, `/schemaConfig/${old}`, en`\`${old}\` is the name an older Adobe page used; the API reference names it \`${current}\`.`, { at: 'key', data: { renameKey: current } }));
  },
};
