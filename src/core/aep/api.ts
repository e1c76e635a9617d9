/**
 * The few authoring operations deploy, pull and publish need, over the authoring client, with
 * every HTTP call observed (method, path, status) for the report. Failures become `AuthoringFailure`:
 * one sentence of what happened, one of what to do, and the HTTP status when AEP answered (none when
 * no answer came: a create may then have happened).
 */
import type { Json } from '../project/project';
import type { ResourceKind } from './resources';

export interface AuthoringCall {
  method: string;
  /** Path under the authoring base, e.g. `/destination-servers/ID`. */
  path: string;
  /** The HTTP status, or null when no answer came. */
  status: number | null;
}

export class AuthoringFailure extends Error {
  constructor(
    message: string,
    readonly whatToDo: string,
    /** AEP's HTTP status; undefined when no answer came (timeout, dropped connection). */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AuthoringFailure';
  }
}

export interface AuthoringApi {
  /** The authoring base URL (for messages and the state's key). */
  readonly baseUrl: string;
  readonly sandbox: string;
  readonly imsOrg: string;
  /** The stored configuration, or undefined when AEP answers 404. */
  get(kind: ResourceKind, id: string, signal?: AbortSignal): Promise<Json | undefined>;
  list(kind: ResourceKind, signal?: AbortSignal): Promise<Json[]>;
  create(kind: ResourceKind, body: Json, signal?: AbortSignal): Promise<Json>;
  update(kind: ResourceKind, id: string, body: Json, signal?: AbortSignal): Promise<Json>;
  submitPublish(destinationId: string, signal?: AbortSignal): Promise<Json>;
  /** The publish requests of a destination, or undefined when AEP has none (404). */
  publishStatus(destinationId: string, signal?: AbortSignal): Promise<Json | undefined>;
}
