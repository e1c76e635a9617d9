// The Pinterest API v5 client used by test activations (editor and CLI alike): fetch-based, one
// method, `request`, for every call the executor makes (its own reads and the pre-rendered
// template requests alike), so auth, security checks, retries, pacing, timeouts, cancellation and
// redaction are the same for all of them.
//
// Order of one call: resolve and check the URL (https, or http only to a loopback host; under the
// configured base URL) before the token is even read → per attempt: pace → token → send with a
// per-attempt timeout → read the body up to a cap, 8 MiB by default (past it a "too-large" failure,
// never retried; a break here is a "truncated" network failure) →
// classify: 2xx returns; 401 code 2 refreshes the token once; outcomes the retry policy retries
// (AEP's, see retry.ts) wait AEP's delay × the time scale and go again; anything else becomes a
// typed error. Every retry is recorded with AEP's uncompressed wait; an error after the policy ran
// out of retries is marked `retriesExhausted` (AEP drops that call). Events and errors carry
// method, path (no query), status, request id and attempt — never a token, a body or a record.
import {
  PinterestAbortError,
  PinterestApiError,
  PinterestConfigError,
  PinterestNetworkError,
  parseErrorBody,
  type NetworkFailure,
} from './errors';
import { createPacer, defaultSleep, raceAbort, type Pacer, type Sleep } from './pacing';
import { redactPath, scrubText } from './redact';
import { noRetryPolicy, serverDelayMs, type RetryPolicy } from './retry';
import { MAX_RESPONSE_BYTES, ResponseTooLargeError, describeBytes, readBoundedText } from './body';
import { checkToken, TOKEN_SOURCE } from './tokens';
import { fill, msg } from '../report/l10n';
import { BASE_URLS, EMBEDDED_SIMULATOR_BASE, PINTEREST_API_BASE_URL, insecureReason } from './urls';
import type { ClientEvent, Environment, RateLimitInfo, RawRequest, RawResponse, RetryInfo, RetryRecord, TokenProvider } from './types';

export interface PinterestClientOptions {
  environment: Environment;
  /** Required for 'local' (the simulator's `baseUrl`); overrides the default for the others. */
  baseUrl?: string;
  tokens: TokenProvider;
  /** Default: no retries. Test activations pass AEP's policy, `aepRetryPolicy(destination)`. */
  retry?: RetryPolicy;
  /** The client sleeps the policy's (AEP's) waits × this; default 1 (real waits). From 0 to 1. */
  retryTimeScale?: number;
  /** Per attempt, default 30 000 ms. */
  timeoutMs?: number;
  /** Cap on one response body, default 8 MiB: past it the client stops reading (reason 'too-large'). */
  maxResponseBytes?: number;
  /** Client-side pacing (token bucket); off when undefined. */
  maxRequestsPerMinute?: number;
  /** Requests the pacer lets through back to back; default one minute's worth. */
  pacingBurst?: number;
  fetch?: typeof fetch;
  onEvent?: (event: ClientEvent) => void;
  now?: () => number;
  sleep?: Sleep;
  /** Environment variables consulted for NODE_TLS_REJECT_UNAUTHORIZED (default process.env). */
  env?: Record<string, string | undefined>;
  userAgent?: string;
}

export interface PinterestClient {
  readonly environment: Environment;
  /** Normalised base URL without a trailing slash ('' when it is missing or invalid). */
  readonly baseUrl: string;
  /** The latest `x-ratelimit-*` figures Pinterest sent, if any. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** The retry policy and time scale, for reports. */
  readonly retry: RetryInfo;
  /** Sends one call; a non-2xx final answer rejects with PinterestApiError. */
  request<T = unknown>(request: RawRequest): Promise<RawResponse<T>>;
}

const DROPPED_HEADERS = new Set(['authorization', 'host', 'content-length', 'connection', 'transfer-encoding']);
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_INVALID_URL']);

// English templates (`msg`), so that the extension shows these refusals in the reader's language.
const SAY = {
  needsBase: msg('The local environment needs a base URL (the simulator prints it, e.g. {0}): start the simulator or set pindest.pinterest.baseUrl.'),
  queryOrFragment: msg('The Pinterest base URL must not have a query or a fragment.'),
  invalidBase: msg('The Pinterest base URL is not a valid URL: use {0} or the simulator URL it prints.'),
  timeScale: msg('retryTimeScale must be a number from 0 to 1 (1 waits as AEP does).'),
  invalidRequestUrl: msg('The request URL is not a valid absolute URL.'),
  notUnderBase: msg('The request URL is not under the configured Pinterest base URL {0}: the access token is only ever sent there.'),
};

type AttemptOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string>; text: string }
  | { kind: 'network'; reason: NetworkFailure; mayHaveReachedServer: boolean; detail?: string; status?: number }
  | { kind: 'abort' };

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function readRateLimit(headers: Record<string, string>): RateLimitInfo | undefined {
  const num = (name: string) => {
    const v = headers[name];
    return v !== undefined && /^\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v) : undefined;
  };
  const info: RateLimitInfo = { limit: num('x-ratelimit-limit'), remaining: num('x-ratelimit-remaining'), resetSeconds: num('x-ratelimit-reset') };
  return info.limit === undefined && info.remaining === undefined && info.resetSeconds === undefined ? undefined : info;
}

function parseBody(text: string, contentType: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: true, value: undefined };
  const looksJson = contentType ? /json/i.test(contentType) : /^\s*[[{]/.test(text);
  if (!looksJson) return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Records inside a request body, so an error can never quote one back even if the server did. */
function bodySecrets(bodyText: string | undefined): string[] {
  if (!bodyText) return [];
  try {
    const parsed = JSON.parse(bodyText) as { records?: unknown };
    if (typeof parsed?.records === 'string') return parsed.records.split(',').map((r) => r.trim()).filter((r) => r.length >= 4);
  } catch {
    // not JSON: nothing structured to collect; the shape-based scrubbing still applies
  }
  return [];
}

export function createPinterestClient(options: PinterestClientOptions): PinterestClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const clientPolicy = options.retry ?? noRetryPolicy;
  const timeScale = options.retryTimeScale ?? 1;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const env = options.env ?? process.env;
  const userAgent = options.userAgent ?? 'pindest (Pinterest Destination Studio)';
  const tokens = options.tokens;
  const pacer: Pacer | undefined =
    options.maxRequestsPerMinute && options.maxRequestsPerMinute > 0 ? createPacer({ maxRequestsPerMinute: options.maxRequestsPerMinute, burst: options.pacingBurst, now, sleep }) : undefined;

  // Base URL: decided once; a problem with it is reported by every call (construction never throws).
  let base: URL | undefined;
  let baseProblem: PinterestConfigError | undefined;
  const rawBase = options.baseUrl?.trim() || (options.environment === 'local' ? '' : BASE_URLS[options.environment]);
  if (!rawBase) {
    baseProblem = new PinterestConfigError('invalid-url', fill(SAY.needsBase, [EMBEDDED_SIMULATOR_BASE]));
  } else {
    try {
      base = new URL(rawBase.replace(/\/+$/, ''));
      if (base.search || base.hash) baseProblem = new PinterestConfigError('invalid-url', SAY.queryOrFragment);
    } catch {
      baseProblem = new PinterestConfigError('invalid-url', fill(SAY.invalidBase, [PINTEREST_API_BASE_URL]));
    }
  }
  if (!(timeScale >= 0 && timeScale <= 1)) baseProblem ??= new PinterestConfigError('invalid-argument', SAY.timeScale);
  const basePath = base ? base.pathname.replace(/\/+$/, '') : '';
  let lastRate: RateLimitInfo | undefined;
  let refreshing: Promise<string | undefined> | null = null;
  let lastRefresh: { from: string; to: string } | undefined;

  const emit = (event: ClientEvent) => {
    if (!options.onEvent) return;
    try {
      options.onEvent(event);
    } catch {
      // A failing log sink must not fail a push.
    }
  };

  function resolveUrl(req: RawRequest): URL {
    if (baseProblem || !base) throw baseProblem;
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new PinterestConfigError('invalid-url', SAY.invalidRequestUrl);
    }
    const under = url.origin === base.origin && (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`));
    if (!under) {
      throw new PinterestConfigError(
        'invalid-url',
        fill(SAY.notUnderBase, [`${base.origin}${basePath}`]),
      );
    }
    const problem = insecureReason(url, env);
    if (problem) throw problem;
    return url;
  }

  /**
   * One refresh for every call that saw the same token rejected: calls that fail together share
   * the refresh in flight, and a call whose 401 arrives after it finished reuses its result.
   */
  async function refreshToken(rejected: string): Promise<string | undefined> {
    if (!tokens.refresh) return undefined;
    if (lastRefresh?.from === rejected) return lastRefresh.to;
    refreshing ??= tokens
      .refresh()
      .then((to) => {
        if (to) lastRefresh = { from: rejected, to };
        return to;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  async function attemptOnce(url: URL, init: RequestInit, signal: AbortSignal | undefined): Promise<AttemptOutcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let status: number | undefined;
    try {
      const res = await fetchImpl(url, { ...init, signal: controller.signal, redirect: 'manual' });
      status = res.status;
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      const text = await readBoundedText(res, maxResponseBytes);
      return { kind: 'response', status: res.status, headers, text };
    } catch (e) {
      if (e instanceof ResponseTooLargeError) {
        controller.abort(e); // the stream is cancelled already; this makes sure the socket goes too
        return { kind: 'network', reason: 'too-large', mayHaveReachedServer: true, detail: `more than ${describeBytes(e.maxBytes)}`, status };
      }
      if (signal?.aborted) return { kind: 'abort' };
      if (timedOut) return { kind: 'network', reason: 'timeout', mayHaveReachedServer: true, status };
      const code = errorCode(e);
      const detail = scrubText(code ?? (e as Error)?.message ?? 'network error', [], 80);
      if (status !== undefined) return { kind: 'network', reason: 'truncated', mayHaveReachedServer: true, detail, status };
      return { kind: 'network', reason: 'connection', mayHaveReachedServer: !(code && NOT_SENT_CODES.has(code)), detail };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function send<T>(req: RawRequest): Promise<RawResponse<T>> {
    const method = req.method.toUpperCase();
    const policy = req.sendOnce ? noRetryPolicy : clientPolicy;
    const url = resolveUrl(req);
    const path = redactPath(url);
    const signal = req.signal;
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': userAgent };
    for (const [name, value] of Object.entries(req.headers ?? {})) {
      if (!DROPPED_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
    }
    const bodyText = req.body;
    if (bodyText !== undefined) headers['content-type'] ??= 'application/json';

    let attempts = 0;
    let ambiguous = 0;
    let lastAmbiguous = false;
    let refreshed = false;
    let token = '';
    let freshToken: string | undefined;
    const retries: RetryRecord[] = [];
    const aborted = () => Object.assign(new PinterestAbortError(method, path, attempts), { retries });
    /** Records a retry and sleeps AEP's wait × the time scale. */
    const retryAfter = async (reason: string, status: number | undefined, requestId: string | undefined, resHeaders?: Record<string, string>) => {
      const aepWaitMs = policy.delayMs(attempts);
      const waitedMs = Math.round(aepWaitMs * timeScale);
      const serverAskedMs = serverDelayMs(resHeaders, now, status);
      retries.push({ attempt: attempts, reason, status, aepWaitMs, waitedMs, ...(serverAskedMs !== undefined && { serverAskedMs: Math.ceil(serverAskedMs) }) });
      emit({ type: 'retry', method, path, attempt: attempts, delayMs: waitedMs, aepWaitMs, reason, status, requestId });
      await wait(waitedMs);
    };
    /** Marks an error with the retries made and whether the policy ran out of them. */
    const failed = <E extends PinterestApiError | PinterestNetworkError>(e: E, retryable: boolean): E => Object.assign(e, { retries, retriesExhausted: retryable });
    const secrets = () => [token, ...bodySecrets(bodyText)];
    const wait = async (ms: number) => {
      try {
        await raceAbort(sleep(ms, signal), signal);
      } catch (e) {
        if (signal?.aborted) throw aborted();
        throw e;
      }
    };

    for (;;) {
      if (signal?.aborted) throw aborted();
      if (pacer) {
        try {
          await pacer.acquire(signal);
        } catch (e) {
          if (signal?.aborted) throw aborted();
          throw e;
        }
      }
      try {
        token = freshToken ?? (await raceAbort(tokens.accessToken(), signal));
        freshToken = undefined;
      } catch (e) {
        if (signal?.aborted) throw aborted();
        throw e;
      }
      attempts++;
      if (lastAmbiguous) ambiguous++;
      lastAmbiguous = false;
      emit({ type: 'request', method, path, attempt: attempts });
      const outcome = await attemptOnce(url, { method, headers: { ...headers, authorization: `Bearer ${token}` }, body: bodyText }, signal);
      const budget = policy.maxAttempts + (refreshed ? 1 : 0);

      if (outcome.kind === 'abort') throw aborted();
      if (outcome.kind === 'network') {
        // An oversized answer did arrive: sending again would only fetch it again.
        const retryable = outcome.reason !== 'too-large' && policy.retryOn('network', { reason: outcome.reason });
        if (attempts < budget && retryable) {
          lastAmbiguous = outcome.mayHaveReachedServer && method !== 'GET' && method !== 'HEAD';
          await retryAfter(outcome.reason, outcome.status, undefined);
          continue;
        }
        emit({ type: 'error', method, path, attempt: attempts, reason: outcome.reason, status: outcome.status });
        throw failed(new PinterestNetworkError(outcome.reason, method, path, attempts, outcome.detail, outcome.status), retryable);
      }

      const { status, headers: resHeaders, text } = outcome;
      const requestId = resHeaders['x-pinterest-rid'];
      const rate = readRateLimit(resHeaders);
      if (rate) lastRate = rate;
      pacer?.observe(rate);
      emit({ type: 'response', method, path, attempt: attempts, status, requestId, rateLimit: rate });
      const parsed = parseBody(text, resHeaders['content-type']);

      if (status >= 200 && status < 300) {
        if (parsed.ok) {
          return { status, headers: resHeaders, body: parsed.value as T, requestId, attempts, ambiguousRetries: ambiguous, retries, rateLimit: rate };
        }
        // A 2xx whose JSON does not parse: the answer was damaged on the way (see retry.ts).
        const retryable = policy.retryOn('network', { reason: 'invalid-response' });
        if (attempts < budget && retryable) {
          lastAmbiguous = method !== 'GET' && method !== 'HEAD';
          await retryAfter('invalid-response', status, requestId);
          continue;
        }
        emit({ type: 'error', method, path, attempt: attempts, reason: 'invalid-response', status, requestId });
        throw failed(new PinterestNetworkError('invalid-response', method, path, attempts, undefined, status), retryable);
      }

      const errorBody = parseErrorBody(parsed.ok ? parsed.value : undefined, secrets());
      if (status === 401 && errorBody.code === 2 && tokens.refresh && !refreshed) {
        refreshed = true;
        let fresh: string | undefined;
        try {
          fresh = await raceAbort(refreshToken(token), signal);
        } catch (e) {
          if (signal?.aborted) throw aborted();
          fresh = undefined; // the provider's failure is reported as the 401 below
        }
        if (fresh) {
          freshToken = checkToken(fresh, TOKEN_SOURCE.refreshed);
          retries.push({ attempt: attempts, reason: 'refresh', status, aepWaitMs: 0, waitedMs: 0 });
          emit({ type: 'retry', method, path, attempt: attempts, delayMs: 0, aepWaitMs: 0, reason: 'refresh', status, requestId });
          continue;
        }
      }
      const retryable = policy.retryOn(status);
      if (attempts < budget && retryable) {
        await retryAfter(`http-${status}`, status, requestId, resHeaders);
        continue;
      }
      emit({ type: 'error', method, path, attempt: attempts, reason: `http-${status}`, status, requestId });
      throw failed(new PinterestApiError({
        status,
        code: errorBody.code,
        pinterestMessage: errorBody.message,
        requestId,
        retryable,
        attempts,
        method,
        path,
        environment: options.environment,
      }), retryable);
    }
  }

  return {
    environment: options.environment,
    baseUrl: base && !baseProblem ? `${base.origin}${basePath}` : '',
    get rateLimit() {
      return lastRate;
    },
    retry: { policy: clientPolicy.name, description: clientPolicy.description, timeScale },
    request: send,
  };
}
