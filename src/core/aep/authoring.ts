/**
 * `AuthoringApi` over the authoring client (`client.ts`): a 404 on a read is "not there"
 * (undefined), every other AepError becomes an AuthoringFailure with AEP's status, and every call
 * the client makes is recorded for the report (method, path under the authoring base, status; one
 * entry per attempt, so retries show).
 */
import type { Json } from '../project/project';
import { AuthoringFailure, type AuthoringApi, type AuthoringCall } from './api';
import type { AepClient, AepClientEvent, AepResourceApi } from './client';
import { AepError } from './errors';
import type { ResourceKind } from './resources';

/** What to do next, per kind of failure, when AEP's message does not already say it. */
const NEXT: Record<string, string> = {
  'rate-limited': 'Run deploy again in a minute.',
  'server-error': 'Run deploy again later.',
  network: 'Check the network and the AEP URL, then run again.',
  aborted: 'Run it again to finish.',
};

function failure(e: unknown): never {
  if (e instanceof AepError) {
    // A network failure has no status: AEP may or may not have acted on the call.
    throw new AuthoringFailure(e.message, NEXT[e.reason] ?? '', e.reason === 'network' || e.reason === 'aborted' ? undefined : e.status);
  }
  throw e;
}

/** Records the client's calls into `calls`: pass it as the client's `onEvent`. */
export function recordCalls(baseUrl: string, calls: AuthoringCall[]): (e: AepClientEvent) => void {
  let basePath = '';
  try {
    basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  } catch {
    /* the client refuses a bad URL itself */
  }
  const below = (path: string) => (basePath && path.startsWith(basePath) ? path.slice(basePath.length) || '/' : path);
  return (e) => {
    if (e.type === 'response' || (e.type === 'error' && e.status === undefined)) calls.push({ method: e.method, path: below(e.path), status: e.status ?? null });
  };
}

export function authoringApi(client: AepClient): AuthoringApi {
  const of = (kind: ResourceKind): AepResourceApi => (kind === 'destination-server' ? client.destinationServers : kind === 'audience-template' ? client.audienceTemplates : client.destinations);
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      return failure(e);
    }
  };
  return {
    baseUrl: client.baseUrl,
    sandbox: client.sandbox,
    imsOrg: client.imsOrg,
    async get(kind, id, signal) {
      try {
        return (await of(kind).get(id, signal)) as Json;
      } catch (e) {
        if (e instanceof AepError && e.status === 404) return undefined;
        return failure(e);
      }
    },
    list: (kind, signal) => guard(async () => (await of(kind).list(signal)) as Json[]),
    create: (kind, body, signal) => guard(async () => (await of(kind).create(body, signal)) as Json),
    update: (kind, id, body, signal) => guard(async () => (await of(kind).update(id, body, signal)) as Json),
    submitPublish: (id, signal) => guard(async () => (await client.publish.submit(id, signal)) as unknown as Json),
    async publishStatus(id, signal) {
      try {
        return (await client.publish.status(id, signal)) as unknown as Json;
      } catch (e) {
        if (e instanceof AepError && e.status === 404) return undefined;
        return failure(e);
      }
    },
  };
}
