/**
 * `pull`: a project folder from what AEP holds, found by the destination's instanceId or name.
 * Writes destination.json, destination-server.json and audience-template.json as AEP returns them
 * (instanceId and dates kept, as a project's files carry them; org and sandbox fields dropped), so
 * that they validate and equal what was deployed except for the fields AEP sets. The deploy state
 * of the folder remembers what was pulled, so a deploy of unchanged files changes nothing and a
 * later change in AEP is seen as a conflict.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suggest } from '../text/suggest';
import { asString, type Json } from '../project/project';
import { AuthoringFailure, type AuthoringApi } from './api';
import type { DeployState } from './deploy-state';
import { destinationRefs, fingerprint, KIND_LABELS, PULL_FILE_NAMES, resourceName, toProjectFile, type ResourceKind } from './resources';

export interface PullOptions {
  api: AuthoringApi;
  /** One of the two. */
  destinationId?: string;
  name?: string;
  outputDir: string;
  /** The deploy state of `outputDir`, for the same target. */
  state: DeployState;
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
  const out: PulledFile[] = [];
  for (const [kind, value] of values) {
    const path = join(options.outputDir, PULL_FILE_NAMES[kind]);
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(toProjectFile(value), null, 2) + '\n');
    await rename(tmp, path);
    const instanceId = asString(value.instanceId)!;
    await options.state.put({ kind, file: PULL_FILE_NAMES[kind], name: resourceName(kind, value), status: 'deployed', instanceId, fingerprint: fingerprint(value), lastModifiedDate: asString(value.lastModifiedDate) });
    out.push({ kind, name: resourceName(kind, value), instanceId, path });
  }
  return out;
}
