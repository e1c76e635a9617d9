/**
 * `pull`: a project folder from what AEP holds, found by the destination's instanceId or name.
 * Writes destination.json, destination-server.json and audience-template.json as AEP returns them
 * (instanceId and dates kept, as a project's files carry them; org and sandbox fields dropped), so
 * that they validate and equal what was deployed except for the fields AEP sets. The deploy state
 * of the folder remembers what was pulled, so a deploy of unchanged files changes nothing and a
 * later change in AEP is seen as a conflict. A file of the folder that differs from AEP's version
 * is replaced only with `overwrite` (`--force`): otherwise nothing is written and the files are named.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadProject } from '../project/load';
import { suggest } from '../text/suggest';
import { asString, type Json } from '../project/project';
import { AuthoringFailure, type AuthoringApi } from './api';
import type { DeployState } from './deploy-state';
import { destinationRefs, fingerprint, KIND_LABELS, PULL_FILE_NAMES, resourceName, sameContent, toProjectFile, type ResourceKind } from './resources';

export interface PullOptions {
  api: AuthoringApi;
  /** One of the two. */
  destinationId?: string;
  name?: string;
  outputDir: string;
  /** The deploy state of `outputDir`, for the same target. */
  state: DeployState;
  /** Replace files of the folder that differ from what AEP holds (`--force`); otherwise nothing is written then. */
  overwrite?: boolean;
  signal?: AbortSignal;
}

export interface PulledFile {
  kind: ResourceKind;
  name: string;
  instanceId: string;
  /** Absolute path written. */
  path: string;
}

async function findDestination(options: PullOptions): Promise<Json> {
  const { api, signal } = options;
  const where = `sandbox "${api.sandbox}" of ${api.baseUrl}`;
  if (options.destinationId !== undefined) {
    const d = await api.get('destination', options.destinationId, signal);
    if (!d) throw new AuthoringFailure(`AEP holds no destination with instanceId "${options.destinationId}" in ${where}.`, 'Check the id (deploy prints it) and the sandbox (AEP_SANDBOX), or pull by --name.');
    return d;
  }
  const all = await api.list('destination', signal);
  const named = all.filter((d) => resourceName('destination', d) === options.name);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) throw new AuthoringFailure(`AEP holds ${named.length} destinations named "${options.name}" in ${where} (${named.map((d) => asString(d.instanceId)).join(', ')}).`, 'Pull one by --destination-id.');
  const names = all.map((d) => resourceName('destination', d));
  const near = suggest(options.name!, names);
  throw new AuthoringFailure(`AEP holds no destination named "${options.name}" in ${where}${near ? `; did you mean "${near}"?` : names.length ? '.' : ' (it holds none).'}`, 'Names are case-sensitive; check the sandbox (AEP_SANDBOX), or pull by --destination-id.');
}

export async function pullDestination(options: PullOptions): Promise<PulledFile[]> {
  const { api, signal } = options;
  const destination = await findDestination(options);
  const destId = asString(destination.instanceId)!;
  const refs = destinationRefs(destination);
  const values: [ResourceKind, Json][] = [];
  for (const kind of ['destination-server', 'audience-template'] as const) {
    const id = refs[kind];
    if (!id) continue;
    const v = await api.get(kind, id, signal);
    if (!v) throw new AuthoringFailure(`The destination ${destId} names the ${KIND_LABELS[kind]} "${id}", which AEP does not hold (it was deleted).`, 'Nothing was written. Create it again (deploy a project that has it) or point the destination at an existing one.');
    values.push([kind, v]);
  }
  values.push(['destination', destination]);
  await mkdir(options.outputDir, { recursive: true });
  // A folder that already has one file of a kind (pinterest.destination.json…) gets it rewritten,
  // not a second file of that kind beside it.
  const existing = (await loadProject([options.outputDir])).project;
  const writes = values.map(([kind, value]) => {
    const mine = existing.ofKind(kind);
    return { kind, value, path: mine.length === 1 ? mine[0]!.path : join(options.outputDir, PULL_FILE_NAMES[kind]), text: JSON.stringify(toProjectFile(value), null, 2) + '\n' };
  });
  // Local edits are never lost silently: a file whose content differs from AEP's version is replaced only when asked.
  if (!options.overwrite) {
    const differing: string[] = [];
    for (const w of writes) {
      const before = await readFile(w.path, 'utf8').catch(() => undefined);
      if (before === undefined) continue;
      // What AEP sets (instanceId, dates) and key order are no loss: only a content change counts.
      let local: unknown;
      try {
        local = JSON.parse(before);
      } catch {
        local = undefined;
      }
      if (!local || typeof local !== 'object' || Array.isArray(local) || !sameContent(local as Json, w.value)) differing.push(relative(options.outputDir, w.path));
    }
    if (differing.length) {
      throw new AuthoringFailure(
        `Pull would replace ${differing.length === 1 ? 'a file' : `${differing.length} files`} of ${options.outputDir} that ${differing.length === 1 ? 'differs' : 'differ'} from AEP's version (${differing.join(', ')}); nothing was written.`,
        'deploy --dry-run shows the differences; pull into another folder (--output DIR), or run pull again with --force to replace them.',
      );
    }
  }
  const out: PulledFile[] = [];
  for (const { kind, value, path, text } of writes) {
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, text);
    await rename(tmp, path);
    const instanceId = asString(value.instanceId)!;
    await options.state.put({ kind, file: relative(options.outputDir, path), name: resourceName(kind, value), status: 'deployed', instanceId, fingerprint: fingerprint(value), lastModifiedDate: asString(value.lastModifiedDate) });
    out.push({ kind, name: resourceName(kind, value), instanceId, path });
  }
  return out;
}
