/** The four file kinds of a destination project, recognised by name first and content second. */
import { basename } from 'node:path';

export const FILE_KINDS = ['destination', 'destination-server', 'audience-template', 'activation'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const NAME_PATTERNS: [RegExp, FileKind][] = [
  [/(^|\.)destination-server\.json$/i, 'destination-server'],
  [/(^|\.)audience-template\.json$/i, 'audience-template'],
  [/(^|\.)activation\.json$/i, 'activation'],
  [/(^|\.)destination\.json$/i, 'destination'],
];

export function kindFromName(path: string): FileKind | undefined {
  const name = basename(path);
  return NAME_PATTERNS.find(([re]) => re.test(name))?.[1];
}

export function kindFromContent(value: unknown): FileKind | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(value, k);
  if (has('destinationServerType') || has('httpTemplate') || has('urlBasedDestination')) return 'destination-server';
  if (has('metadataTemplate')) return 'audience-template';
  if (has('connection') && (has('mappings') || has('files'))) return 'activation';
  if (has('destinationDelivery') || has('identityNamespaces') || has('customerAuthenticationConfigurations') || has('uiAttributes') || has('aggregation')) {
    return 'destination';
  }
  return undefined;
}

export function detectKind(path: string, value: unknown): FileKind | undefined {
  return kindFromName(path) ?? kindFromContent(value);
}
