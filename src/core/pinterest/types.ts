// Shapes of the client's calls, answers, events and retry records. Pinterest's own resources are
// not typed here: the executor reads the few fields it needs from each answer where it uses them.

/** No sandbox: it does not serve customer lists or audiences (sandbox.ts). */
export type Environment = 'production' | 'local';

/** Where the access token comes from; the client asks for it on every attempt. */
export interface TokenProvider {
  accessToken(): Promise<string>;
  /**
   * Called once per call when Pinterest answers 401 code 2 (token expired or revoked); returns the
   * new token, or undefined when it cannot refresh (the 401 then reaches the caller).
   */
  refresh?(): Promise<string | undefined>;
}

/** What Pinterest said about its quota, from `x-ratelimit-*` when present (§7.4; never required). */
export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** Seconds until the quota resets. */
  resetSeconds?: number;
}

/** Structured, redacted log events: no token, no body, no query string, ever. */
export interface ClientEvent {
  type: 'request' | 'response' | 'retry' | 'error';
  method: string;
  /** URL path with ids kept and the query stripped, e.g. /v5/ad_accounts/549755885175/customer_lists */
  path: string;
  /** 1-based attempt number of this call. */
  attempt: number;
  status?: number;
  requestId?: string;
  /** For 'retry': how long the client waits before the next attempt (AEP's wait × the time scale). */
  delayMs?: number;
  /** For 'retry': what AEP waits before the next attempt, uncompressed. */
  aepWaitMs?: number;
  /** For 'retry' and 'error': why (http status class, timeout, connection, truncated, refresh, ...). */
  reason?: string;
  rateLimit?: RateLimitInfo;
}

export interface RawRequest {
  method: string;
  /** Absolute URL, query included; must be under the client's base URL (credentials go nowhere else). */
  url: string;
  headers?: Record<string, string>;
  /** Sent as is (a rendered template, or JSON text); `content-type` defaults to application/json. */
  body?: string;
  signal?: AbortSignal;
  /** Send once whatever the policy (the audience template's create call, see retry.ts). */
  sendOnce?: boolean;
}

/** One retry of a call: why, what AEP waits before it, and what this run slept. */
export interface RetryRecord {
  /** The attempt that failed (1-based). */
  attempt: number;
  /** 'http-503', 'timeout', 'connection', 'truncated', or 'refresh' (a new token after a 401). */
  reason: string;
  status?: number;
  /** AEP's wait before the next send, uncompressed (0 for a token refresh). */
  aepWaitMs: number;
  /** What this run slept: aepWaitMs × the time scale. */
  waitedMs: number;
  /** What Pinterest asked for (Retry-After, or x-ratelimit-reset on an exhausted quota); AEP's waits ignore it. */
  serverAskedMs?: number;
}

/** The retry behaviour of a client, for reports. */
export interface RetryInfo {
  policy: string;
  description: string;
  /** The client sleeps AEP's waits × this (1 = real waits). */
  timeScale: number;
}

export interface RawResponse<T = unknown> {
  status: number;
  /** Response headers, lower-cased names. */
  headers: Record<string, string>;
  /** Parsed JSON when the answer is JSON, the text otherwise, undefined when empty. */
  body: T;
  /** Pinterest's `x-pinterest-rid`. */
  requestId?: string;
  /** How many times the request was sent (1 = no retry). */
  attempts: number;
  /**
   * Retries sent after an attempt that may have reached Pinterest (dropped connection, truncated
   * body, timeout). For a customer-list PATCH each one can add the batch to the counters twice.
   */
  ambiguousRetries: number;
  /** One entry per retry, in order (attempts − 1 entries). */
  retries: RetryRecord[];
  rateLimit?: RateLimitInfo;
}
