// Typed errors of the Pinterest client. Front ends branch on the class and fields; people read
// `message`, which says what happened and what to do in one or two sentences.
//
// Nothing secret or personal ever enters an error: no token, no request body, no record. Pinterest's
// own message is kept (scrubbed, see redact.ts) in `pinterestMessage`; `message` quotes it only
// when it helps (400s). Ids of ad accounts, lists and audiences are kept: they are what a person
// needs to act, and they identify no one.
import { fill, msg } from '../report/l10n';
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
    super(fill(SAY.cancelled, [method, path, attempts ? fill(SAY.afterAttempts, [attempts]) : SAY.beforeSent]));
  }
}

// ---- Messages --------------------------------------------------------------------------------

// English templates (`msg`, filled with `fill`), so that the extension shows these sentences in the
// reader's language; the English is what the CLI prints. What a call was doing is a phrase of its
// own, and optional parts (Pinterest's words, the request id) are templates filled into the
// sentence. A count of attempts sits right after the phrase, so a sentence that may have it has
// two templates (two placeholders side by side could not be told apart when translating).
const SAY = {
  cancelled: msg('The Pinterest request {0} {1} was cancelled{2}.'),
  afterAttempts: msg(' after {0} attempt(s)'),
  beforeSent: msg(' before it was sent'),
  userAccount: msg('reading your Pinterest user account'),
  adAccounts: msg('listing your ad accounts'),
  readAdAccount: msg('reading ad account {0}'),
  readList: msg('reading customer list {0} of ad account {1}'),
  updateList: msg('updating customer list {0} of ad account {1}'),
  listLists: msg('listing customer lists of ad account {0}'),
  createList: msg('creating a customer list in ad account {0}'),
  readAudience: msg('reading audience {0} of ad account {1}'),
  updateAudience: msg('updating audience {0} of ad account {1}'),
  listAudiences: msg('listing audiences of ad account {0}'),
  createAudience: msg('creating an audience in ad account {0}'),
  otherWrite: msg('{0} on ad account {1}'),
  said: msg(' Pinterest said: "{0}"'),
  code: msg(', code {0}'),
  requestId: msg('{0} (request id {1})'),
  scope: msg('Your access token lacks the {0} scope needed for {1}: sign in again and grant {2}.'),
  simulatorToken: msg('The simulator did not accept the token it was sent while {0}: unset PINDEST_SIMULATOR_TOKEN to send its seeded token, or check that the base URL is a pindest simulator.'),
  tokenRefused: msg('Pinterest did not accept the access token while {0} (expired, revoked, or made for another environment): sign in again or set a fresh PINTEREST_ACCESS_TOKEN.'),
  noAccess: msg('Your Pinterest user lacks access to ad account {0} for {1}: ask an owner for the Audience (AUDIENCE_MANAGER) role.'),
  refused: msg('Pinterest refused {0} (HTTP 403{1}): check that your user and app may do this.{2}'),
  noAdAccount: msg('Ad account {0} was not found: check the id (the digits in ads.pinterest.com/advertiser/<id>/) and that it exists in this environment.'),
  noList: msg('Customer list {0} was not found in ad account {1}: check the list id (lists cannot be deleted, so it is likely from another ad account or environment).'),
  noAudience: msg('Audience {0} was not found in ad account {1}: check the id; removed audiences are gone for good.'),
  nothingAt: msg('Pinterest has nothing at {0} {1}: check the base URL and the path.{2}'),
  tooLarge: msg('The request for {0} was too large for Pinterest: send fewer records per request.'),
  invalid: msg('Pinterest rejected {0} as invalid (HTTP {1}{2}): fix the request; sending it again will not help.{3}'),
  rateLimit: msg("Pinterest's rate limit stopped {0}: wait a minute and retry, or lower maxRequestsPerMinute."),
  rateLimitTries: msg("Pinterest's rate limit stopped {0} after {1} attempts: wait a minute and retry, or lower maxRequestsPerMinute."),
  failed: msg('Pinterest failed while {0} (HTTP {1}): try again later; if it persists, quote the request id to Pinterest support.'),
  failedTries: msg('Pinterest failed while {0} (HTTP {1}) after {2} attempts: try again later; if it persists, quote the request id to Pinterest support.'),
  answered: msg('Pinterest answered HTTP {0} to {1}.{2}'),
  timeout: msg('Pinterest did not answer in time while {0}: check your connection and retry, or raise timeoutMs.'),
  timeoutTries: msg('Pinterest did not answer in time while {0} ({1} attempts): check your connection and retry, or raise timeoutMs.'),
  truncated: msg("The connection broke while reading Pinterest's answer to {0}: retry; the change may or may not have been applied.{1}"),
  truncatedTries: msg("The connection broke while reading Pinterest's answer to {0} ({1} attempts): retry; the change may or may not have been applied.{2}"),
  answerTooLarge: msg("Pinterest's answer to {0} was too large to read{1}, so the client stopped reading it: check the base URL (Pinterest's answers to these calls are small); a proxy may be in the way."),
  unreadable: msg("Pinterest's answer to {0} was not readable JSON: retry later; a proxy may be in the way.{1}"),
  unreadableTries: msg("Pinterest's answer to {0} was not readable JSON ({1} attempts): retry later; a proxy may be in the way.{2}"),
  unreachable: msg('Could not reach Pinterest while {0}: check the network, proxy and base URL, then retry.{1}'),
  unreachableTries: msg('Could not reach Pinterest while {0} ({1} attempts): check the network, proxy and base URL, then retry.{2}'),
};

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
  if (p === '/user_account') return { operation: SAY.userAccount, scope };
  if (!m) return { operation: `${method} ${path}`, scope };
  const [, adAccountId, kind, itemId] = m;
  if (!adAccountId) return { operation: SAY.adAccounts, scope };
  const facts: PathFacts = { adAccountId, operation: fill(SAY.readAdAccount, [adAccountId]), scope };
  if (kind === 'customer_lists') {
    facts.listId = itemId;
    facts.operation = itemId
      ? fill(read ? SAY.readList : SAY.updateList, [itemId, adAccountId])
      : fill(read ? SAY.listLists : SAY.createList, [adAccountId]);
  } else if (kind === 'audiences') {
    facts.audienceId = itemId;
    facts.operation = itemId
      ? fill(read ? SAY.readAudience : SAY.updateAudience, [itemId, adAccountId])
      : fill(read ? SAY.listAudiences : SAY.createAudience, [adAccountId]);
  } else if (!read) {
    facts.operation = fill(SAY.otherWrite, [method, adAccountId]);
  }
  return facts;
}

function describeApiError(e: ApiErrorInit): string {
  const f = describeCall(e.method, e.path);
  // Pinterest's message is scrubbed (parseErrorBody) before it gets here.
  const said = e.pinterestMessage ? fill(SAY.said, [e.pinterestMessage]) : '';
  const code = e.code !== undefined ? fill(SAY.code, [e.code]) : '';
  const tries = e.attempts > 1;
  let text: string;
  if (e.status === 401 && e.code === 3) {
    text = fill(SAY.scope, [f.scope, f.operation, REQUIRED_SCOPES.join(' and ')]);
  } else if (e.status === 401 && e.environment === 'local') {
    text = fill(SAY.simulatorToken, [f.operation]);
  } else if (e.status === 401) {
    text = fill(SAY.tokenRefused, [f.operation]);
  } else if (e.status === 403 && f.adAccountId) {
    text = fill(SAY.noAccess, [f.adAccountId, f.operation]);
  } else if (e.status === 403) {
    text = fill(SAY.refused, [f.operation, code, said]);
  } else if (e.status === 404 && f.adAccountId && (!e.pinterestMessage || /ad ?account|advertiser/i.test(e.pinterestMessage))) {
    text = fill(SAY.noAdAccount, [f.adAccountId]);
  } else if (e.status === 404 && f.listId) {
    text = fill(SAY.noList, [f.listId, f.adAccountId!]);
  } else if (e.status === 404 && f.audienceId) {
    text = fill(SAY.noAudience, [f.audienceId, f.adAccountId!]);
  } else if (e.status === 404) {
    text = fill(SAY.nothingAt, [e.method, e.path, said]);
  } else if (e.status === 413) {
    text = fill(SAY.tooLarge, [f.operation]);
  } else if (e.status === 400 || e.status === 422) {
    text = fill(SAY.invalid, [f.operation, e.status, code, said]);
  } else if (e.status === 429) {
    text = tries ? fill(SAY.rateLimitTries, [f.operation, e.attempts]) : fill(SAY.rateLimit, [f.operation]);
  } else if (e.status >= 500) {
    text = tries ? fill(SAY.failedTries, [f.operation, e.status, e.attempts]) : fill(SAY.failed, [f.operation, e.status]);
  } else {
    text = fill(SAY.answered, [e.status, f.operation, said]);
  }
  return e.requestId ? fill(SAY.requestId, [text, e.requestId]) : text;
}

function describeNetworkError(reason: NetworkFailure, method: string, path: string, attempts: number, detail?: string): string {
  const op = describeCall(method, path).operation;
  const tries = attempts > 1;
  // The network stack's own wording (scrubbed), kept as it is.
  const why = detail ? ` [${detail}]` : '';
  switch (reason) {
    case 'timeout':
      return tries ? fill(SAY.timeoutTries, [op, attempts]) : fill(SAY.timeout, [op]);
    case 'truncated':
      return tries ? fill(SAY.truncatedTries, [op, attempts, why]) : fill(SAY.truncated, [op, why]);
    case 'too-large':
      return fill(SAY.answerTooLarge, [op, why]);
    case 'invalid-response':
      return tries ? fill(SAY.unreadableTries, [op, attempts, why]) : fill(SAY.unreadable, [op, why]);
    default:
      return tries ? fill(SAY.unreachableTries, [op, attempts, why]) : fill(SAY.unreachable, [op, why]);
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
