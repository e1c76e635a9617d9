// The simulator's HTTP server and request pipeline. Order of checks for an API request:
//   route (404/405) → body read (413) → fault draw (latency, drop, 429/5xx, truncate, expire)
//   → authentication (401 code 2) → scopes (401 code 3) → rate limit (429 code 8)
//   → parameters and body against Pinterest's schemas (400 code 1) → handler (404/403/…)
// Faults are decided before anything takes effect; a truncated response is rendered from a
// throw-away copy of the state, so no faulted request ever changes the state.
// Logs carry request ids, methods, paths (ids only, never query strings or bodies) and statuses.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticateBearer, requireScopes, usesBearer } from './auth';
import type { Principal, RequestContext, SimConfig } from './context';
import { checkParameters, checkRequestBody, contract, type ContractOperation } from './contract';
import { ApiError, MESSAGES, asDocumented, authFailed, invalidParameters } from './errors';
import { FaultInjector, parseFaultSpec, type OutcomeFault } from './faults';
import { BodyTooLargeError, DEFAULT_MAX_BODY_BYTES, readBody, sendJson, sendTruncatedJson } from './http';
import { authenticateClient, handleAuthorize } from './oauth';
import { DEFAULT_LIMITS_PER_MINUTE, RateLimiter } from './rateLimit';
import { API_PREFIX, matchRoute } from './router';
import { SIMULATOR_HOST } from '../core/pinterest/urls';
import { SEED, createSeedState, installSeedTokens, loadState, saveState, type SeedInfo, type SimulatorState } from './state';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** ads_write requests per minute per (app, user); default 400 (Standard access). */
  rateLimitPerMinute?: number;
  /** Per-category overrides, e.g. { ads_read: 1000, org_read: 1000 }. */
  rateLimits?: Record<string, number>;
  /** Requests a bucket lets through back to back; default one minute's worth (its limit). */
  rateLimitBurst?: number;
  /** Fault spec, see faults.ts, e.g. "429:0.05,500:0.02,latency:50-200". */
  faults?: string;
  /** PRNG seed for faults (default 1). */
  seed?: number;
  /** Load state from this JSON file if it exists; save it there after every change. */
  statePath?: string;
  /** Status of successful creates: 200 (Pinterest 5.23, default) or 201 (5.28). */
  createdStatus?: 200 | 201;
  /** Milliseconds a customer list stays PROCESSING before a read settles it (default 0). */
  processingDelayMs?: number;
  /** Add `Retry-After` (seconds) to 429 responses; Pinterest is not known to send it. */
  retryAfter?: boolean;
  /** Clock in milliseconds (tests). */
  now?: () => number;
  /** Waits the injected latency; default a real timer (tests record it instead). */
  sleep?: (ms: number) => Promise<void>;
  /** Receives one line per request: rid, method, path, status, duration, fault. */
  log?: (line: string) => void;
  maxBodyBytes?: number;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:PORT */
  url: string;
  /** url + '/v5' */
  baseUrl: string;
  seed: SeedInfo;
  /** The live state (mutated in place by requests). */
  state: SimulatorState;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const FAULT_BODIES: Record<'500' | '503', { code: number; message: string }> = {
  '500': { code: 500, message: 'Internal Server Error. Please retry.' },
  '503': { code: 503, message: 'Service Unavailable. Please retry later.' },
};

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? Date.now;
  const host = options.host ?? SIMULATOR_HOST;
  if (host !== SIMULATOR_HOST) throw new Error(`The simulator only listens on ${SIMULATOR_HOST}.`);
  const config: SimConfig = {
    createdStatus: options.createdStatus ?? 200,
    processingDelayMs: options.processingDelayMs ?? 0,
  };
  const limits = {
    ...DEFAULT_LIMITS_PER_MINUTE,
    ...(options.rateLimitPerMinute !== undefined ? { ads_write: options.rateLimitPerMinute } : {}),
    ...options.rateLimits,
  };
  const limiter = new RateLimiter(limits, now, options.rateLimitBurst);
  const injector = options.faults ? new FaultInjector(parseFaultSpec(options.faults), options.seed ?? 1) : null;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log = options.log ?? (() => {});

  let state: SimulatorState;
  const loaded = options.statePath ? loadState(options.statePath) : null;
  if (loaded) {
    state = loaded;
    installSeedTokens(state, now());
  } else {
    state = createSeedState(now());
  }
  const persist = () => {
    if (options.statePath) saveState(options.statePath, state);
  };
  persist();

  function rateHeaders(limit: number, remaining: number, resetSeconds: number): Record<string, string> {
    const h: Record<string, string> = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(resetSeconds),
    };
    if (options.retryAfter && resetSeconds > 0) h['retry-after'] = String(resetSeconds);
    return h;
  }

  function rateLimited(headers: Record<string, string>): ApiError {
    return new ApiError(429, 8, MESSAGES.rateLimited, headers);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, rid: string): Promise<{ status: number; fault?: OutcomeFault }> {
    const method = req.method ?? 'GET';
    const route = matchRoute(method, url.pathname);
    if (route.kind === 'not-found') {
      sendJson(res, 404, { code: 404, message: `No such endpoint: ${method} ${url.pathname}` }, { 'x-pinterest-rid': rid });
      return { status: 404 };
    }
    if (route.kind === 'method-not-allowed') {
      sendJson(res, 405, { code: 405, message: `Method ${method} not allowed here.` }, { 'x-pinterest-rid': rid, allow: route.allowed.join(', ') });
      return { status: 405 };
    }
    const { op, handler } = route;
    const headers: Record<string, string> = { 'x-pinterest-rid': rid };
    let raw: string;
    try {
      raw = await readBody(req, maxBody);
    } catch (e) {
      if (e instanceof BodyTooLargeError) {
        sendJson(res, 413, { code: 1, message: `Invalid parameters. ${e.message}.` }, headers);
        return { status: 413 };
      }
      throw e;
    }

    const decision = injector?.decide() ?? { fault: null, latencyMs: 0 };
    if (decision.latencyMs > 0) await (options.sleep ?? sleep)(decision.latencyMs);
    const fault = decision.fault;
    const category = op.rateLimitCategory ?? '';
    switch (fault) {
      case 'drop':
        req.socket.destroy();
        return { status: 0, fault };
      case '500':
      case '503':
        sendJson(res, Number(fault), FAULT_BODIES[fault], headers);
        return { status: Number(fault), fault };
      case '502': {
        // A gateway in front of the API answers, not the API: HTML, not Pinterest's JSON error.
        const html = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
        res.writeHead(502, { ...headers, 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(html)) });
        res.end(html);
        return { status: 502, fault };
      }
      case '429': {
        const limit = limiter.limitOf(category) ?? limits.ads_write ?? 400;
        const err = rateLimited(rateHeaders(limit, 0, Math.max(1, Math.ceil(60 / limit))));
        sendJson(res, 429, err.toBody(), { ...headers, ...err.headers });
        return { status: 429, fault };
      }
      default:
        break;
    }

    const truncate = fault === 'truncate';
    const send = (status: number, body: unknown) =>
      truncate ? sendTruncatedJson(res, status, body, headers) : sendJson(res, status, body, headers);
    try {
      let principal: Principal | null = null;
      if (usesBearer(op)) {
        if (fault === 'expire') throw authFailed();
        principal = authenticateBearer(state, req.headers, now());
        requireScopes(op, principal);
        const decision = limiter.take(`${principal.clientId}:${principal.userId}`, category);
        if (decision) {
          Object.assign(headers, rateHeaders(decision.limit, decision.remaining, decision.resetSeconds));
          if (!decision.allowed) throw rateLimited({});
        }
      } else {
        authenticateClient(state, req.headers);
      }
      const pathCheck = checkParameters(op.operationId, 'path', route.params);
      if (!pathCheck.ok) throw invalidParameters(`${pathCheck.message}.`);
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = v;
      const queryCheck = checkParameters(op.operationId, 'query', query);
      if (!queryCheck.ok) throw invalidParameters(`${queryCheck.message}.`);
      const body = parseBody(op, raw, req.headers['content-type']);
      const ctxState = truncate ? structuredClone(state) : state;
      const ctx: RequestContext = {
        state: ctxState,
        op,
        path: route.params,
        query: queryCheck.values,
        body,
        headers: req.headers,
        principal,
        config,
        nowMs: now(),
      };
      const result = handler(ctx);
      if (result.mutated && !truncate) persist();
      send(result.status, result.body);
      return { status: result.status, fault: fault ?? undefined };
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      const e = asDocumented(op.operationId, caught);
      Object.assign(headers, e.headers);
      send(e.status, e.toBody());
      return { status: e.status, fault: fault ?? undefined };
    }
  }

  function parseBody(op: ContractOperation, raw: string, contentType: string | undefined): Record<string, unknown> {
    if (!op.requestBody) return {};
    let body: unknown;
    if (op.requestBody.contentType === 'application/x-www-form-urlencoded') {
      if (contentType && !contentType.startsWith('application/x-www-form-urlencoded')) {
        throw invalidParameters('The token endpoint takes an application/x-www-form-urlencoded body.');
      }
      body = Object.fromEntries(new URLSearchParams(raw));
    } else {
      // The spec describes these bodies only as application/json; another declared media type is
      // not part of the contract. No Content-Type at all is read as JSON (a choice, see README).
      const media = contentType?.split(';')[0]?.trim().toLowerCase();
      if (media && media !== 'application/json' && !media.endsWith('+json')) {
        throw invalidParameters(`This operation takes an application/json body, not ${media}.`);
      }
      if (raw.trim() === '') {
        if (op.requestBody.required) throw invalidParameters('A JSON request body is required.');
        return {};
      }
      try {
        body = JSON.parse(raw);
      } catch {
        throw invalidParameters('The request body is not valid JSON.');
      }
    }
    const check = checkRequestBody(op.operationId, body);
    if (!check.ok) throw invalidParameters(`${check.message}.`);
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidParameters('The request body must be a JSON object.');
    return body as Record<string, unknown>;
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    const rid = randomBytes(8).toString('hex');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const done = (status: number, fault?: OutcomeFault) =>
      log(`${rid} ${method} ${url.pathname} ${status || 'dropped'} ${Date.now() - started}ms${fault ? ` fault=${fault}` : ''}`);

    const run = async (): Promise<{ status: number; fault?: OutcomeFault }> => {
      if (url.pathname === '/oauth' || url.pathname === '/oauth/') {
        const form = req.method === 'POST' ? await readBody(req, 64 * 1024) : '';
        res.setHeader('x-pinterest-rid', rid);
        if (handleAuthorize(req, res, url, form, state, now())) persist();
        return { status: res.statusCode };
      }
      if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) return handleApi(req, res, url, rid);
      if (url.pathname === '/' && method === 'GET') {
        sendJson(res, 200, { simulator: 'Pinterest API v5', contract: contract.source.version, api: `${API_PREFIX}/` }, { 'x-pinterest-rid': rid });
        return { status: 200 };
      }
      sendJson(res, 404, { code: 404, message: `No such endpoint: ${method} ${url.pathname}` }, { 'x-pinterest-rid': rid });
      return { status: 404 };
    };
    run().then(
      (r) => done(r.status, r.fault),
      (e: unknown) => {
        log(`${rid} ${method} ${url.pathname} internal error: ${(e as Error)?.message ?? String(e)}`);
        if (!res.headersSent) sendJson(res, 500, { code: 500, message: 'Internal Server Error.' }, { 'x-pinterest-rid': rid });
        else res.destroy();
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  return {
    url,
    baseUrl: `${url}${API_PREFIX}`,
    seed: { ...SEED },
    get state() {
      return state;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
