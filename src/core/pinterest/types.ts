// Shapes of the Pinterest v5 resources and requests the Customer List destination uses, as
// Pinterest's OpenAPI 5.23 publishes them (spec/pinterest/openapi.yaml). Every id is a string
// of digits: 64-bit ids do not survive a JS number. Counters are typed `number` because Pinterest
// types them so (its own fixtures use floats). Optional fields are optional because 5.23 marks
// almost nothing required in responses; callers must not assume more than the spec promises.

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

/** Per-call options of every operation. */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface PageOptions extends CallOptions {
  /** 1–250, Pinterest's default is 25. */
  pageSize?: number;
  order?: 'ASCENDING' | 'DESCENDING';
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

export interface RawRequest extends CallOptions {
  method: string;
  /** Relative to the client's base URL, e.g. `/ad_accounts/1/customer_lists`. */
  path?: string;
  /** Absolute URL; must be under the client's base URL (credentials go nowhere else). */
  url?: string;
  /** Query parameters appended to path/url (undefined values are skipped). */
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** A raw string is sent as is (pre-rendered templates); anything else is sent as JSON. */
  body?: unknown;
  /** Default true: a non-2xx final answer rejects with PinterestApiError. */
  throwOnHttpError?: boolean;
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

export interface Paginated<T> {
  items: T[];
  bookmark?: string | null;
}

// ---- Resources -------------------------------------------------------------------------------

export interface UserAccount {
  account_type?: 'PINNER' | 'BUSINESS';
  id?: string;
  username?: string;
  business_name?: string | null;
  profile_image?: string;
  website_url?: string;
  [key: string]: unknown;
}

/** Business Access roles (§5.3). */
export type BusinessAccessRole =
  | 'OWNER'
  | 'ADMIN'
  | 'ANALYST'
  | 'SOS_READER'
  | 'FINANCE_MANAGER'
  | 'FINANCE_VIEW'
  | 'FINANCE_EDIT'
  | 'AUDIENCE_MANAGER'
  | 'CAMPAIGN_MANAGER'
  | 'CATALOGS_MANAGER'
  | 'RESTRICTED_OWNER'
  | 'PROFILE_MANAGER'
  | 'PROFILE_PUBLISHER'
  | 'RESOURCE_PINNER_LIST_OWNER'
  | 'RESOURCE_PINNER_LIST_READER'
  | 'BIZ_PINNER_LIST_SHARER'
  | 'RESOURCE_CONVERSION_TAGS_READER';

export interface AdAccount {
  id: string;
  name?: string;
  country?: string;
  currency?: string;
  owner?: { id?: string; username?: string };
  created_time?: number;
  updated_time?: number;
  permissions?: BusinessAccessRole[] | string[];
  [key: string]: unknown;
}

export type UserListType = 'EMAIL' | 'IDFA' | 'MAID' | 'LR_ID' | 'DLX_ID' | 'HASHED_PINNER_ID';

export interface CustomerListCreate {
  name: string;
  /** Comma-separated identifiers (§2.5). */
  records: string;
  list_type?: UserListType;
}

export interface CustomerListUpdate {
  operation_type: 'ADD' | 'REMOVE';
  records: string;
}

export interface CustomerList {
  id: string;
  ad_account_id?: string;
  name?: string;
  created_time?: number;
  updated_time?: number;
  num_batches?: number;
  num_uploaded_user_records?: number;
  num_removed_user_records?: number;
  status?: 'PROCESSING' | 'READY' | 'TOO_SMALL' | 'UPLOADING' | string;
  type?: 'customerlist';
  exceptions?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface AudienceCreate {
  name: string;
  audience_type: 'CUSTOMER_LIST';
  rule: { customer_list_id: string };
  description?: string;
}

export interface Audience {
  id: string;
  ad_account_id?: string;
  name?: string;
  description?: string | null;
  audience_type?: string;
  rule?: Record<string, unknown>;
  size?: number | null;
  status?: 'READY' | 'INITIALIZING' | 'TOO_SMALL' | string;
  type?: 'audience';
  created_timestamp?: number | null;
  updated_timestamp?: number | null;
  [key: string]: unknown;
}
