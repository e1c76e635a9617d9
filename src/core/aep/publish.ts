/**
 * `publish`: submits the project's destination for publishing (Adobe's destination publishing
 * API: POST /destinations/publish with destinationAccess "ALL", the only value its OpenAPI lists)
 * and reports the status of its publish requests (GET /destinations/publish/{DESTINATION_ID}).
 * The destination is the one this folder deployed (deploy state), else the file's instanceId.
 */
import { relative } from 'node:path';
import { asArray, asObject, asString, type Json, type Project } from '../project/project';
import { AuthoringFailure, type AuthoringApi } from './api';
import type { DeployState } from './deploy-state';
import { projectResources, ProjectShapeError, sameContent, toPayload } from './resources';

export interface PublishOptions {
  projectDir: string;
  project: Project;
  api: AuthoringApi;
  state: DeployState;
  signal?: AbortSignal;
}

export interface PublishStatus {
  configId?: string;
  status?: string;
  destinationType?: string;
  allowedOrgs?: string[];
  publishedDate?: number;
}

export interface PublishReport {
  destinationId: string;
  name: string;
  /** The publish requests AEP lists for the destination after the submission. */
  requests: PublishStatus[];
  /** Set when AEP's destination differs from the local file (publishing sends what AEP holds). */
  notDeployed?: string;
}

export async function publishProject(options: PublishOptions): Promise<PublishReport> {
  const { api, state, signal } = options;
  let resources;
  try {
    resources = projectResources(options.project);
  } catch (e) {
    if (e instanceof ProjectShapeError) throw new AuthoringFailure(e.message, e.whatToDo);
    throw e;
  }
  const dest = resources.find((r) => r.kind === 'destination')!;
  const file = relative(options.projectDir, dest.file.path) || dest.file.path;
  const remembered = state.get('destination', file);
  const candidates = [remembered?.status === 'deployed' ? remembered.instanceId : undefined, asString(dest.value.instanceId)].filter((x): x is string => !!x);
  let current: Json | undefined;
  let id: string | undefined;
  for (const c of [...new Set(candidates)]) {
    current = await api.get('destination', c, signal);
    if (current) {
      id = c;
      break;
    }
  }
  if (!current || !id) throw new AuthoringFailure(`The destination "${dest.name}" (${file}) is not in sandbox "${api.sandbox}" of ${api.baseUrl}: this folder has not deployed it there${candidates.length ? ` and AEP holds no destination ${candidates.join(' or ')}` : ''}.`, 'Deploy it first (pindest deploy), then publish.');
  // Compare with the ids AEP holds for the server and template, so that only real differences count.
  const ids = {
    'destination-server': asString(asArray(current.destinationDelivery).map((d) => asObject(d)?.destinationServerId).find(Boolean)),
    'audience-template': asString(asObject(current.segmentMappingConfig)?.audienceTemplateId) ?? asString(asObject(current.audienceMetadataConfig)?.audienceTemplateId),
  };
  const notDeployed = sameContent(current, toPayload(dest, ids)) ? undefined : `AEP's destination ${id} differs from ${file}: Adobe publishes what it holds, so deploy first if your changes should be published.`;
  await api.submitPublish(id, signal);
  const status = await api.publishStatus(id, signal);
  const requests = asArray(status?.publishDetailsList).map((d) => {
    const o = asObject(d) ?? {};
    return { configId: asString(o.configId), status: asString(o.status), destinationType: asString(o.destinationType), allowedOrgs: asArray(o.allowedOrgs).filter((x): x is string => typeof x === 'string'), publishedDate: typeof o.publishedDate === 'number' ? o.publishedDate : undefined };
  });
  return { destinationId: id, name: dest.name, requests, notDeployed };
}
