/**
 * A destination project as the three resources of Adobe's Destination Authoring API, and back:
 * the destination server, the audience (metadata) template and the destination configuration,
 * in the order AEP needs them (a destination names the server's and the template's instanceIds).
 *
 * - The payload of a file is its JSON without the fields AEP sets itself (instanceId, dates, org
 *   and sandbox), with the destination's references (`destinationDelivery[].destinationServerId`,
 *   `segmentMappingConfig.audienceTemplateId` or `audienceMetadataConfig.audienceTemplateId`)
 *   replaced by the instanceIds the server and template have in the AEP being deployed to.
 * - Two versions are "the same" when their canonical forms (server-set fields dropped, keys
 *   sorted, array order kept) are equal; the fingerprint is that form's SHA-256.
 * Pure: nothing here reads the disk or the network.
 */
import { sha256Hex } from '../identity/hash';
import { basename } from 'node:path';
import { asArray, asObject, asString, type Json, type Project, type ProjectFile } from '../project/project';

export type ResourceKind = 'destination-server' | 'audience-template' | 'destination';

/** AEP needs the server and the template before a destination can name them. */
export const DEPLOY_ORDER: readonly ResourceKind[] = ['destination-server', 'audience-template', 'destination'];

/** Path under the authoring base of each kind (Adobe's Destination Authoring API). */
export const RESOURCE_PATHS: Record<ResourceKind, string> = {
  'destination-server': '/destination-servers',
  'audience-template': '/audience-templates',
  destination: '/destinations',
};

/** How a user names each kind in messages. */
export const KIND_LABELS: Record<ResourceKind, string> = {
  'destination-server': 'destination server',
  'audience-template': 'audience template',
  destination: 'destination',
};

/** The file name `pull` writes for each kind (the names the project loader recognises). */
export const PULL_FILE_NAMES: Record<ResourceKind, string> = {
  'destination-server': 'destination-server.json',
  'audience-template': 'audience-template.json',
  destination: 'destination.json',
};

/**
 * Fields AEP sets on every stored configuration (the response examples of the Destination
 * Authoring API: instanceId, createdDate, lastModifiedDate; imsOrg, sandboxName, sandboxId on
 * destinations). They are never sent and never compared.
 */
export const SERVER_SET_FIELDS: readonly string[] = ['instanceId', 'createdDate', 'lastModifiedDate', 'imsOrg', 'sandboxName', 'sandboxId'];

/** The server-set fields a pulled file keeps, as the project's own files do (the others tie a file to one sandbox). */
export const PULL_KEEPS: readonly string[] = ['instanceId', 'createdDate', 'lastModifiedDate'];

export interface LocalResource {
  kind: ResourceKind;
  file: ProjectFile;
  /** The file's JSON object. */
  value: Json;
  /** What AEP and the user call it (the server's and destination's `name`, the template's `metadataTemplate.name`). */
  name: string;
}

/** The project cannot be deployed as it is: one sentence of what, one of what to do. */
export class ProjectShapeError extends Error {
  constructor(
    message: string,
    readonly whatToDo: string,
  ) {
    super(message);
    this.name = 'ProjectShapeError';
  }
}

export function resourceName(kind: ResourceKind, value: unknown): string {
  const v = asObject(value);
  const name = kind === 'audience-template' ? asString(asObject(v?.metadataTemplate)?.name) : asString(v?.name);
  return name ?? '(no name)';
}

/** The template ids a destination names, where AEP's documentation puts them (older and newer pages disagree). */
function templateRefs(destination: Json): { holder: Json; id: string }[] {
  const out: { holder: Json; id: string }[] = [];
  for (const key of ['segmentMappingConfig', 'audienceMetadataConfig']) {
    const holder = asObject(destination[key]);
    const id = asString(holder?.audienceTemplateId);
    if (holder && id !== undefined) out.push({ holder, id });
  }
  return out;
}

/**
 * The resources of a project, in deploy order: one destination, the server it delivers to, and
 * the audience template it names (none when it names none). Several candidates of a kind are
 * resolved through the destination's references, then through the activation's `files`.
 */
export function projectResources(project: Project): LocalResource[] {
  const objectOf = (f: ProjectFile) => asObject(f.doc.value);
  const destinations = project.ofKind('destination').filter(objectOf);
  if (destinations.length !== 1) {
    throw new ProjectShapeError(
      destinations.length === 0 ? 'The project has no destination configuration (destination.json).' : `The project has ${destinations.length} destination configurations (${destinations.map((f) => basename(f.path)).join(', ')}).`,
      'Deploy a folder that holds one destination.json with its destination-server.json and audience-template.json.',
    );
  }
  const destFile = destinations[0]!;
  const dest = objectOf(destFile)!;
  const serverIds = [...new Set(asArray(dest.destinationDelivery).map((d) => asString(asObject(d)?.destinationServerId)).filter((x): x is string => x !== undefined))];
  if (serverIds.length === 0) throw new ProjectShapeError(`${basename(destFile.path)} names no destination server (destinationDelivery[].destinationServerId).`, "Set it to the instanceId of the project's destination-server.json.");
  const servers = serverIds.map((id) => ({ id, file: project.serverById(id) }));
  const missing = servers.find((s) => !s.file || !objectOf(s.file));
  if (missing) throw new ProjectShapeError(`${basename(destFile.path)} delivers to destination server "${missing.id}", which is not in the project.`, 'Add its destination-server.json to the folder, or set destinationServerId to the instanceId of the server that is there.');
  const serverFiles = [...new Set(servers.map((s) => s.file!))];
  if (serverFiles.length > 1) throw new ProjectShapeError(`${basename(destFile.path)} delivers to ${serverFiles.length} destination servers; deploy handles one.`, 'Keep one destinationDelivery entry, or deploy the servers one by one with the authoring API.');
  const out: LocalResource[] = [{ kind: 'destination-server', file: serverFiles[0]!, value: objectOf(serverFiles[0]!)!, name: resourceName('destination-server', objectOf(serverFiles[0]!)) }];
  const templateIds = [...new Set(templateRefs(dest).map((r) => r.id))];
  if (templateIds.length > 1) throw new ProjectShapeError(`${basename(destFile.path)} names two audience templates (${templateIds.join(', ')}).`, 'Keep one audienceTemplateId.');
  if (templateIds.length === 1) {
    const t = project.audienceTemplateById(templateIds[0]!);
    if (!t || !objectOf(t)) throw new ProjectShapeError(`${basename(destFile.path)} names audience template "${templateIds[0]}", which is not in the project.`, 'Add its audience-template.json to the folder, or set audienceTemplateId to the instanceId of the template that is there.');
    out.push({ kind: 'audience-template', file: t, value: objectOf(t)!, name: resourceName('audience-template', objectOf(t)) });
  }
  out.push({ kind: 'destination', file: destFile, value: dest, name: resourceName('destination', dest) });
  return out;
}

/** A deep copy without the fields AEP sets. */
export function withoutServerSet(value: Json): Json {
  const copy = structuredClone(value);
  for (const k of SERVER_SET_FIELDS) delete copy[k];
  return copy;
}

/** The instanceIds the destination's references take in the target AEP (unknown until created). */
export interface TargetIds {
  'destination-server'?: string;
  'audience-template'?: string;
}

/** Stands for an id AEP has not given yet (a dry run of a first deploy). */
export const NOT_YET_CREATED = '<instanceId given by AEP on create>';

/** What is sent to AEP for a resource: its JSON without server-set fields, references substituted. */
export function toPayload(resource: LocalResource, ids: TargetIds): Json {
  const payload = withoutServerSet(resource.value);
  if (resource.kind !== 'destination') return payload;
  for (const d of asArray(payload.destinationDelivery)) {
    const delivery = asObject(d);
    if (delivery && typeof delivery.destinationServerId === 'string') delivery.destinationServerId = ids['destination-server'] ?? NOT_YET_CREATED;
  }
  for (const ref of templateRefs(payload)) ref.holder.audienceTemplateId = ids['audience-template'] ?? NOT_YET_CREATED;
  return payload;
}

/**
 * What AEP stores for a payload, for comparisons: a destination sent without `status` is stored
 * with `TEST` (the status Adobe tells authors to use while authoring; the simulator's default).
 * Without this, a file that leaves it out would be "updated" on every deploy.
 */
export function asStoredByAep(kind: ResourceKind, payload: Json): Json {
  return kind === 'destination' && payload.status === undefined ? { ...payload, status: 'TEST' } : payload;
}

/** JSON with object keys sorted at every depth (array order is meaningful and kept). */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  const o = asObject(value);
  if (!o) return value;
  const out: Json = {};
  for (const k of Object.keys(o).sort()) out[k] = sorted(o[k]);
  return out;
}

/** The canonical text of a resource: server-set fields dropped, keys sorted, two-space indent. */
export function canonicalText(value: Json): string {
  return JSON.stringify(sorted(withoutServerSet(value)), null, 2) + '\n';
}

/** SHA-256 of the canonical text: what the deploy state remembers of a version. */
export function fingerprint(value: Json): string {
  return sha256Hex(canonicalText(value));
}

export function sameContent(a: Json, b: Json): boolean {
  return canonicalText(a) === canonicalText(b);
}

/**
 * The file `pull` writes for what AEP returned: AEP's JSON with the server-set fields a project
 * file carries (instanceId and dates, first, as in the project's files) and none of the others.
 */
export function toProjectFile(value: Json): Json {
  const out: Json = {};
  for (const k of PULL_KEEPS) if (value[k] !== undefined) out[k] = value[k];
  for (const [k, v] of Object.entries(value)) if (!SERVER_SET_FIELDS.includes(k)) out[k] = v;
  return out;
}

/** The references of a destination that AEP holds (to pull the server and template it names). */
export function destinationRefs(destination: Json): TargetIds {
  const server = asArray(destination.destinationDelivery).map((d) => asString(asObject(d)?.destinationServerId)).find((x) => x !== undefined);
  const template = templateRefs(destination)[0]?.id;
  return { 'destination-server': server, 'audience-template': template };
}
