// The AEP Destination Authoring API client (pure core: no vscode, no simulator import). One send
// path, `request`, for every call: the URL must be under the configured base and https (plain
// http only to a loopback simulator) before a token is read; per attempt: pace → token → send with
// a timeout → read the body up to a cap → classify. 2xx returns; a 401 gets a new token once
// (IMS credentials); retried outcomes wait and go again; anything else is an AepError with advice.
//
// Retries (Adobe documents no retry policy for the authoring API; a choice, see docs/fidelity.md):
// 429 for every method (the gateway refused the call before it was handled); 502, 503, 504, a
// timeout or a broken answer only for GET, PUT and DELETE, which are safe to repeat; a POST is
// never sent twice once it may have reached AEP, so a create can never make two resources. Waits:
// the server's Retry-After when it sends one (at most 60 s), else 1 s then 2 s; × retryTimeScale.
// Events and errors carry method, path, status and attempt: never a token, a key or a body.
import { MAX_RESPONSE_BYTES, ResponseTooLargeError, describeBytes, readBoundedText } from '../pinterest/body';
import { createPacer, defaultSleep, raceAbort, type Pacer, type Sleep } from '../pinterest/pacing';
import { redactPath, scrubText } from '../pinterest/redact';
import { serverDelayMs } from '../pinterest/retry';
import type { AepTokenSource } from './credentials';
import { AepError, apiError, parseAepErrorBody } from './errors';
import { aepUrlProblem } from './urls';

export interface AepClientOptions {
  /** The authoring API base, e.g. https://platform.adobe.io/data/core/activation/authoring. */
  baseUrl: string;
  apiKey: string;
  imsOrg: string;
  sandbox: string;
  tokens: AepTokenSource;
  /** Total sends of one call, first included (default 3). */
  maxAttempts?: number;
  /** The client sleeps its waits × this (default 1; tests use 0). From 0 to 1. */
  retryTimeScale?: number;
  /** Per attempt, default 30 000 ms. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** Client-side pacing; off when undefined. */
  maxRequestsPerMinute?: number;
  fetch?: typeof fetch;
  sleep?: Sleep;
  now?: () => number;
  env?: Record<string, string | undefined>;
  onEvent?: (event: AepClientEvent) => void;
  userAgent?: string;
}

export interface AepClientEvent {
  type: 'request' | 'response' | 'retry' | 'error';
  method: string;
  /** Path below the host, no query. */
  path: string;
  attempt: number;
  status?: number;
  reason?: string;
  delayMs?: number;
}

export interface AepCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below the base URL, e.g. `/destinations/{id}`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

export interface AepResponse<T = unknown> {
  status: number;
  body: T;
  requestId?: string;
  attempts: number;
}

/** A resource as AEP returns it: the configuration plus the fields AEP sets. */
export type AepResource = Record<string, unknown> & { instanceId: string; createdDate?: string; lastModifiedDate?: string };

export interface AepResourceApi {
  list(signal?: AbortSignal): Promise<AepResource[]>;
  get(instanceId: string, signal?: AbortSignal): Promise<AepResource>;
  create(body: Record<string, unknown>, signal?: AbortSignal): Promise<AepResource>;
  update(instanceId: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<AepResource>;
  delete(instanceId: string, signal?: AbortSignal): Promise<void>;
}

export interface AepPublishDetails {
  configId?: string;
  allowedOrgs?: string[];
  status?: 'TEST' | 'REVIEW' | 'APPROVED' | 'PUBLISHED' | 'DENIED' | 'REVOKED' | 'DEPRECATED';
  destinationType?: 'PUBLIC' | 'DEV';
  publishedDate?: string;
}

export interface AepPublishStatus {
  destinationId: string;
  publishDetailsList: AepPublishDetails[];
}

export interface AepClient {
  readonly baseUrl: string;
  readonly sandbox: string;
  readonly imsOrg: string;
  request<T = unknown>(call: AepCall): Promise<AepResponse<T>>;
  readonly destinationServers: AepResourceApi;
  readonly audienceTemplates: AepResourceApi;
  readonly destinations: AepResourceApi;
  readonly publish: {
    /** Submits the destination configuration for Adobe's review (`destinationAccess: ALL`). */
    submit(destinationId: string, signal?: AbortSignal): Promise<AepPublishStatus>;
    status(destinationId: string, signal?: AbortSignal): Promise<AepPublishStatus>;
    list(signal?: AbortSignal): Promise<AepPublishStatus[]>;
  };
}

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * One resource out of an answer. Adobe's schema wraps some answers (`{items: [x]}` for a
 * destination read, `[x]` for audience templates) and its prose shows plain objects: accept all.
 */
export function oneResource(body: unknown): AepResource {
  const item = Array.isArray(body) ? body[0] : body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items) ? (body as { items: unknown[] }).items[0] : body;
  if (!item || typeof item !== 'object' || typeof (item as { instanceId?: unknown }).instanceId !== 'string') {
    throw new AepError({ reason: 'network', message: 'AEP answered without the resource (no instanceId in the answer): run again; if it persists, the AEP URL may point to something else.' });
  }
  return item as AepResource;
}

/** A list answer: an array (Adobe's schema) or `{items: [...]}` (Adobe's examples). */
export function manyResources(body: unknown): AepResource[] {
  const list = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items) ? (body as { items: unknown[] }).items : [];
  return list.filter((r): r is AepResource => !!r && typeof r === 'object' && typeof (r as { instanceId?: unknown }).instanceId === 'string');
}

export function createAepClient(options: AepClientOptions): AepClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const scale = options.retryTimeScale ?? 1;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const env = options.env ?? process.env;
  const tokens = options.tokens;
  const pacer: Pacer | undefined = options.maxRequestsPerMinute ? createPacer({ maxRequestsPerMinute: options.maxRequestsPerMinute, now, sleep }) : undefined;
  const emit = (e: AepClientEvent) => {
    try {
      options.onEvent?.(e);
    } catch {
      // a failing log sink must not fail a deploy
    }
  };

  let base: URL | undefined;
  let baseProblem: AepError | undefined;
  try {
    base = new URL(options.baseUrl.trim().replace(/\/+$/, ''));
    const p = aepUrlProblem(base, 'the AEP access token', env);
    if (p) baseProblem = new AepError({ reason: 'config', message: p.message });
    else if (base.search || base.hash) baseProblem = new AepError({ reason: 'config', message: 'The AEP URL must not have a query or a fragment.' });
  } catch {
    baseProblem = new AepError({ reason: 'config', message: `The AEP URL "${options.baseUrl.slice(0, 80)}" is not a valid URL.` });
  }
  if (!(scale >= 0 && scale <= 1)) baseProblem ??= new AepError({ reason: 'config', message: 'retryTimeScale must be a number from 0 to 1.' });
  const basePath = base ? base.pathname.replace(/\/+$/, '') : '';

  function urlOf(call: AepCall): URL {
    if (baseProblem || !base) throw baseProblem;
    if (!call.path.startsWith('/') || call.path.includes('..') || /[?#]/.test(call.path)) {
      throw new AepError({ reason: 'config', message: `The AEP path "${call.path.slice(0, 80)}" must start with / and hold no query.` });
    }
    const url = new URL(`${base.origin}${basePath}${call.path}`);
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  async function send<T>(call: AepCall): Promise<AepResponse<T>> {
    const method = call.method;
    const url = urlOf(call);
    const path = redactPath(url);
    const signal = call.signal;
    const bodyText = call.body === undefined ? undefined : JSON.stringify(call.body);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': options.userAgent ?? 'pindest (Pinterest Destination Studio)',
      'x-api-key': options.apiKey,
      'x-gw-ims-org-id': options.imsOrg,
      'x-sandbox-name': options.sandbox,
      ...(bodyText !== undefined && { 'content-type': 'application/json' }),
    };
    const aborted = (attempts: number) => new AepError({ reason: 'aborted', message: `Cancelled: ${method} ${path} was stopped.`, method, path, attempts });
    let attempts = 0;
    let refreshed = false;
    let token = '';
    let fresh: string | undefined;
    const secrets = () => [token, options.apiKey];
    const wait = async (ms: number) => {
      try {
        await raceAbort(sleep(Math.round(ms * scale), signal), signal);
      } catch (e) {
        if (signal?.aborted) throw aborted(attempts);
        throw e;
      }
    };

    for (;;) {
      if (signal?.aborted) throw aborted(attempts);
      try {
        if (pacer) await pacer.acquire(signal);
        token = fresh ?? (await raceAbort(tokens.token(signal), signal));
        fresh = undefined;
      } catch (e) {
        if (signal?.aborted) throw aborted(attempts);
        throw e;
      }
      attempts++;
      emit({ type: 'request', method, path, attempt: attempts });
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort(new Error('timeout'));
      }, timeoutMs);
      const onAbort = () => controller.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      let status: number | undefined;
      let resHeaders: Record<string, string> = {};
      let text = '';
      let failure: { reason: string; detail: string; sent: boolean } | undefined;
      try {
        const res = await fetchImpl(url, { method, headers: { ...headers, authorization: `Bearer ${token}` }, body: bodyText, redirect: 'manual', signal: controller.signal });
        status = res.status;
        res.headers.forEach((v, k) => {
          resHeaders[k.toLowerCase()] = v;
        });
        text = await readBoundedText(res, maxBytes);
      } catch (e) {
        if (signal?.aborted) throw aborted(attempts);
        if (e instanceof ResponseTooLargeError) {
          controller.abort(e);
          throw new AepError({ reason: 'network', status, method, path, attempts, message: `AEP's answer to ${method} ${path} is larger than ${describeBytes(e.maxBytes)} and was not read: check the AEP URL.` });
        }
        const code = errorCode(e);
        failure = {
          reason: timedOut ? 'timeout' : status !== undefined ? 'truncated' : 'connection',
          detail: scrubText(timedOut ? `no answer in ${timeoutMs} ms` : (code ?? (e as Error)?.message ?? 'network error'), secrets(), 80),
          sent: !(status === undefined && !timedOut && code && NOT_SENT.has(code)),
        };
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }

      if (failure) {
        const retryable = !failure.sent || IDEMPOTENT.has(method);
        if (retryable && attempts < maxAttempts) {
          const delay = 1000 * 2 ** (attempts - 1);
          emit({ type: 'retry', method, path, attempt: attempts, reason: failure.reason, delayMs: delay });
          await wait(delay);
          continue;
        }
        emit({ type: 'error', method, path, attempt: attempts, reason: failure.reason });
        const maybe = failure.sent && !IDEMPOTENT.has(method) ? ' It may have reached AEP: list the resources before sending it again.' : '';
        throw new AepError({ reason: 'network', status, method, path, attempts, message: `No complete answer from AEP to ${method} ${path} (${failure.reason}: ${failure.detail})${attempts > 1 ? ` after ${attempts} attempts` : ''}.${maybe}` });
      }

      const requestId = resHeaders['x-request-id'];
      emit({ type: 'response', method, path, attempt: attempts, status });
      let parsed: unknown;
      let parsedOk = true;
      if (text !== '') {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsedOk = false;
          parsed = text;
        }
      }
      if (status! >= 200 && status! < 300) {
        if (!parsedOk && /json/i.test(resHeaders['content-type'] ?? '')) {
          throw new AepError({ reason: 'network', status, method, path, attempts, requestId, message: `AEP's answer to ${method} ${path} is not valid JSON: run again.` });
        }
        return { status: status!, body: parsed as T, requestId, attempts };
      }
      const { code, message } = parseAepErrorBody(parsedOk ? parsed : undefined, secrets());
      if (status === 401 && tokens.refresh && !refreshed) {
        refreshed = true;
        let next: string | undefined;
        try {
          next = await raceAbort(tokens.refresh(token, signal), signal);
        } catch (e) {
          if (signal?.aborted) throw aborted(attempts);
          if (e instanceof AepError) throw e;
          next = undefined;
        }
        if (next) {
          fresh = next;
          emit({ type: 'retry', method, path, attempt: attempts, status, reason: 'new-token', delayMs: 0 });
          continue;
        }
      }
      const retryable = status === 429 || ((status === 502 || status === 503 || status === 504) && IDEMPOTENT.has(method));
      if (retryable && attempts < maxAttempts + (refreshed ? 1 : 0)) {
        const asked = serverDelayMs(resHeaders, now, status);
        const delay = asked !== undefined ? Math.min(asked, 60_000) : 1000 * 2 ** (attempts - 1);
        emit({ type: 'retry', method, path, attempt: attempts, status, reason: `http-${status}`, delayMs: delay });
        await wait(delay);
        continue;
      }
      emit({ type: 'error', method, path, attempt: attempts, status, reason: `http-${status}` });
      throw apiError({ status: status!, code, adobeMessage: message, method, path, sandbox: options.sandbox, imsOrg: options.imsOrg, tokenKind: tokens.kind, attempts, requestId });
    }
  }

  const enc = encodeURIComponent;
  const resourceApi = (segment: string): AepResourceApi => ({
    list: async (signal) => manyResources((await send({ method: 'GET', path: `/${segment}`, signal })).body),
    get: async (id, signal) => oneResource((await send({ method: 'GET', path: `/${segment}/${enc(id)}`, signal })).body),
    create: async (body, signal) => oneResource((await send({ method: 'POST', path: `/${segment}`, body, signal })).body),
    update: async (id, body, signal) => oneResource((await send({ method: 'PUT', path: `/${segment}/${enc(id)}`, body, signal })).body),
    delete: async (id, signal) => {
      await send({ method: 'DELETE', path: `/${segment}/${enc(id)}`, signal });
    },
  });

  return {
    baseUrl: base && !baseProblem ? `${base.origin}${basePath}` : '',
    sandbox: options.sandbox,
    imsOrg: options.imsOrg,
    request: send,
    destinationServers: resourceApi('destination-servers'),
    audienceTemplates: resourceApi('audience-templates'),
    destinations: resourceApi('destinations'),
    publish: {
      submit: async (destinationId, signal) =>
        (await send<AepPublishStatus>({ method: 'POST', path: '/destinations/publish', body: { destinationId, destinationAccess: 'ALL' }, signal })).body,
      status: async (destinationId, signal) => (await send<AepPublishStatus>({ method: 'GET', path: `/destinations/publish/${enc(destinationId)}`, signal })).body,
      list: async (signal) => {
        const body = (await send<unknown>({ method: 'GET', path: '/destinations/publish', signal })).body;
        return (Array.isArray(body) ? body : []) as AepPublishStatus[];
      },
    },
  };
}

/** A client from settings (aepSettingsFromEnv) plus transport options. */
export function createAepClientFromSettings(
  settings: { baseUrl: string; apiKey: string; imsOrg: string; sandbox: string; tokens: AepTokenSource },
  options: Omit<AepClientOptions, 'baseUrl' | 'apiKey' | 'imsOrg' | 'sandbox' | 'tokens'> = {},
): AepClient {
  return createAepClient({ ...options, baseUrl: settings.baseUrl, apiKey: settings.apiKey, imsOrg: settings.imsOrg, sandbox: settings.sandbox, tokens: settings.tokens });
}
