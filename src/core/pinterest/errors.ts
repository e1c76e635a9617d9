// Typed errors of the Pinterest client. Front ends branch on the class and fields; people read
// `message`, which says what happened and what to do in one or two sentences.
//
// Nothing secret or personal ever enters an error: no token, no request body, no record. Pinterest's
// own message is kept (scrubbed, see redact.ts) in `pinterestMessage`; `message` quotes it only
// when it helps (400s). Ids of ad accounts, lists and audiences are kept: they are what a person
// needs to act, and they identify no one.
import { scrubText } from './redact';
import type { RetryRecord } from './types';
import { REQUIRED_SCOPES } from './scopes';

/** 'too-large': the answer went past the client's cap on a body and was not read (never retried). */
export type NetworkFailure = 'timeout' | 'connection' | 'truncated' | 'invalid-response' | 'too-large';
export type ConfigProblem = 'missing-token' | 'invalid-token' | 'insecure-url' | 'invalid-url' | 'tls-disabled' | 'invalid-argument';

export abstract class PinterestError extends Error {
  abstract readonly kind: 'api' | 'network' | 'config' | 'abort';
  /** The retries made before this error, in order. */
  retries: readonly RetryRecord[] = [];
  /** The retry policy would have retried this outcome but had no retries left: AEP drops the call. */
  retriesExhausted = false;
}

export interface ApiErrorInit {
  status: number;
  code?: number;
  pinterestMessage?: string;
  requestId?: string;
  retryable: boolean;
  attempts: number;
  method: string;
  path: string;
  /** 'local': a simulator answered, which was sent a simulator token (never the real one). */
  environment?: 'production' | 'local';
}

/** Pinterest answered, with a status that is not 2xx (after the retries the policy allows). */
export class PinterestApiError extends PinterestError {
  readonly kind = 'api' as const;
  override readonly name = 'PinterestApiError';
  readonly status: number;
  /** Pinterest's own error code (`code` of its Error body), not the HTTP status. */
  readonly code?: number;
  /** Pinterest's message, scrubbed of anything shaped like an identifier or a token. */
  readonly pinterestMessage?: string;
  /** `x-pinterest-rid`: quote it to Pinterest support. */
  readonly requestId?: string;
  /** The run's retry policy retries this status (AEP's list for the destination's aggregation type). */
  readonly retryable: boolean;
  readonly attempts: number;
  readonly method: string;
  readonly path: string;

  constructor(init: ApiErrorInit) {
    super(describeApiError(init));
    this.status = init.status;
    this.code = init.code;
    this.pinterestMessage = init.pinterestMessage;
    this.requestId = init.requestId;
    this.retryable = init.retryable;
    this.attempts = init.attempts;
    this.method = init.method;
    this.path = init.path;
  }
}

/** No complete answer: timeout, refused or dropped connection, truncated or unreadable body. */
export class PinterestNetworkError extends PinterestError {
  readonly kind = 'network' as const;
  override readonly name = 'PinterestNetworkError';
  readonly retryable = true;

  constructor(
    readonly reason: NetworkFailure,
    readonly method: string,
    readonly path: string,
    readonly attempts: number,
    /** The network stack's own wording, scrubbed. */
    readonly detail?: string,
    readonly status?: number,
  ) {
    super(describeNetworkError(reason, method, path, attempts, detail));
  }
}

/** The client refused before sending anything: no token, insecure URL, bad argument. */
export class PinterestConfigError extends PinterestError {
  readonly kind = 'config' as const;
  override readonly name = 'PinterestConfigError';

  constructor(
    readonly reason: ConfigProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The caller aborted (its AbortSignal fired) during a request or a backoff wait. */
export class PinterestAbortError extends PinterestError {
  readonly kind = 'abort' as const;
  // Same name as DOM's AbortError, so generic `e.name === 'AbortError'` checks work.
  override readonly name = 'AbortError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly attempts: number,
  ) {
    super(`The Pinterest request ${method} ${path} was cancelled${attempts ? ` after ${attempts} attempt(s)` : ' before it was sent'}.`);
  }
}

// ---- Messages --------------------------------------------------------------------------------

interface PathFacts {
  adAccountId?: string;
  listId?: string;
  audienceId?: string;
  operation: string;
  scope: string;
}

/** What a call was doing, in words, and the OAuth scope it needs (each operation's security in Pinterest's OpenAPI v5). */
export function describeCall(method: string, path: string): PathFacts {
  // Relative to the API root whatever the base path (/v5 on Pinterest, anything behind a proxy).
  const p = (/\/(?:ad_accounts|user_account)(?:\/.*)?$/.exec(path)?.[0] ?? path).replace(/\/+$/, '');
  const m = /^\/ad_accounts(?:\/(\d+)(?:\/(customer_lists|audiences)(?:\/(\d+))?)?)?$/.exec(p);
  const read = method === 'GET' || method === 'HEAD';
  const scope = p.startsWith('/user_account') ? 'user_accounts:read' : read ? 'ads:read' : 'ads:write';
  if (p === '/user_account') return { operation: 'reading your Pinterest user account', scope };
  if (!m) return { operation: `${method} ${path}`, scope };
  const [, adAccountId, kind, itemId] = m;
  if (!adAccountId) return { operation: 'listing your ad accounts', scope };
  const facts: PathFacts = { adAccountId, operation: `reading ad account ${adAccountId}`, scope };
  if (kind === 'customer_lists') {
    facts.listId = itemId;
    facts.operation = itemId
      ? `${read ? 'reading' : 'updating'} customer list ${itemId} of ad account ${adAccountId}`
      : `${read ? 'listing customer lists of' : 'creating a customer list in'} ad account ${adAccountId}`;
  } else if (kind === 'audiences') {
    facts.audienceId = itemId;
    facts.operation = itemId
      ? `${read ? 'reading' : 'updating'} audience ${itemId} of ad account ${adAccountId}`
      : `${read ? 'listing audiences of' : 'creating an audience in'} ad account ${adAccountId}`;
  } else if (!read) {
    facts.operation = `${method} on ad account ${adAccountId}`;
  }
  return facts;
}

function describeApiError(e: ApiErrorInit): string {
  const f = describeCall(e.method, e.path);
  const said = e.pinterestMessage ? ` Pinterest said: "${e.pinterestMessage}"` : '';
  const rid = e.requestId ? ` (request id ${e.requestId})` : '';
  const tries = e.attempts > 1 ? ` after ${e.attempts} attempts` : '';
  let text: string;
  if (e.status === 401 && e.code === 3) {
    text = `Your access token lacks the ${f.scope} scope needed for ${f.operation}: sign in again and grant ${REQUIRED_SCOPES.join(' and ')}.`;
  } else if (e.status === 401 && e.environment === 'local') {
    text = `The simulator did not accept the token it was sent while ${f.operation}: unset PINDEST_SIMULATOR_TOKEN to send its seeded token, or check that the base URL is a pindest simulator.`;
  } else if (e.status === 401) {
    text = `Pinterest did not accept the access token while ${f.operation} (expired, revoked, or made for another environment): sign in again or set a fresh PINTEREST_ACCESS_TOKEN.`;
  } else if (e.status === 403 && f.adAccountId) {
    text = `Your Pinterest user lacks access to ad account ${f.adAccountId} for ${f.operation}: ask an owner for the Audience (AUDIENCE_MANAGER) role.`;
  } else if (e.status === 403) {
    text = `Pinterest refused ${f.operation} (HTTP 403${e.code !== undefined ? `, code ${e.code}` : ''}): check that your user and app may do this.${said}`;
  } else if (e.status === 404 && f.adAccountId && (!e.pinterestMessage || /ad ?account|advertiser/i.test(e.pinterestMessage))) {
    text = `Ad account ${f.adAccountId} was not found: check the id (the digits in ads.pinterest.com/advertiser/<id>/) and that it exists in this environment.`;
  } else if (e.status === 404 && f.listId) {
    text = `Customer list ${f.listId} was not found in ad account ${f.adAccountId}: check the list id (lists cannot be deleted, so it is likely from another ad account or environment).`;
  } else if (e.status === 404 && f.audienceId) {
    text = `Audience ${f.audienceId} was not found in ad account ${f.adAccountId}: check the id; removed audiences are gone for good.`;
  } else if (e.status === 404) {
    text = `Pinterest has nothing at ${e.method} ${e.path}: check the base URL and the path.${said}`;
  } else if (e.status === 413) {
    text = `The request for ${f.operation} was too large for Pinterest: send fewer records per request.`;
  } else if (e.status === 400 || e.status === 422) {
    text = `Pinterest rejected ${f.operation} as invalid (HTTP ${e.status}${e.code !== undefined ? `, code ${e.code}` : ''}): fix the request; sending it again will not help.${said}`;
  } else if (e.status === 429) {
    text = `Pinterest's rate limit stopped ${f.operation}${tries}: wait a minute and retry, or lower maxRequestsPerMinute.`;
  } else if (e.status >= 500) {
    text = `Pinterest failed while ${f.operation} (HTTP ${e.status})${tries}: try again later; if it persists, quote the request id to Pinterest support.`;
  } else {
    text = `Pinterest answered HTTP ${e.status} to ${f.operation}.${said}`;
  }
  return text + rid;
}

function describeNetworkError(reason: NetworkFailure, method: string, path: string, attempts: number, detail?: string): string {
  const f = describeCall(method, path);
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  const why = detail ? ` [${detail}]` : '';
  switch (reason) {
    case 'timeout':
      return `Pinterest did not answer in time while ${f.operation}${tries}: check your connection and retry, or raise timeoutMs.`;
    case 'truncated':
      return `The connection broke while reading Pinterest's answer to ${f.operation}${tries}: retry; the change may or may not have been applied.${why}`;
    case 'too-large':
      return `Pinterest's answer to ${f.operation} was too large to read${why}, so the client stopped reading it: check the base URL (Pinterest's answers to these calls are small); a proxy may be in the way.`;
    case 'invalid-response':
      return `Pinterest's answer to ${f.operation} was not readable JSON${tries}: retry later; a proxy may be in the way.${why}`;
    default:
      return `Could not reach Pinterest while ${f.operation}${tries}: check the network, proxy and base URL, then retry.${why}`;
  }
}

/** Pinterest's `{code, message}` error body, if the text is one; message scrubbed. */
export function parseErrorBody(body: unknown, secrets: readonly string[]): { code?: number; message?: string } {
  if (!body || typeof body !== 'object') return {};
  const b = body as { code?: unknown; message?: unknown };
  return {
    code: typeof b.code === 'number' ? b.code : undefined,
    message: typeof b.message === 'string' ? scrubText(b.message, secrets) : undefined,
  };
}
