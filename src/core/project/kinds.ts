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

/** Extra file name patterns per kind: the `pindest.files.globs` setting (trusted workspaces only). */
export type KindGlobs = Partial<Record<FileKind, readonly string[]>>;

/**
 * A glob of the setting as a regular expression over a path with `/` separators: `**` any folders,
 * `*` and `?` within one name, `{a,b}` alternatives, as VS Code's document selector reads them (the
 * extension hands the same globs to VS Code, so the files sent here are the ones these match). A
 * glob without `/` is matched against the file name. The only repeated group (from a `**` before a
 * slash) ends at each `/`, so matching never backtracks more than the path's length.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:[^/]*/)*';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (c === ',' && depth > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
  }
  return new RegExp(`^${re}${')'.repeat(depth)}$`);
}

const compiledGlobs = new Map<string, RegExp>();

/** The kind whose user glob matches `path`, if any. */
export function kindFromGlobs(path: string, globs: KindGlobs | undefined): FileKind | undefined {
  if (!globs) return undefined;
  const slashed = path.replace(/\\/g, '/');
  const name = basename(slashed);
  for (const kind of FILE_KINDS) {
    for (const glob of globs[kind] ?? []) {
      if (typeof glob !== 'string' || glob === '') continue;
      let re = compiledGlobs.get(glob);
      if (!re) compiledGlobs.set(glob, (re = globToRegExp(glob)));
      if (re.test(glob.includes('/') ? slashed : name)) return kind;
    }
  }
  return undefined;
}
