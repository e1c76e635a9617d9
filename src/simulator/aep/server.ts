// The local AEP Destination Authoring API simulator: the endpoints of Adobe's OpenAPI description
// (spec/adobe/destination-authoring.yaml) under Adobe's base path, plus an Adobe IMS token endpoint
// for OAuth server-to-server credentials, on 127.0.0.1 only, with in-memory state.
//
// Order of checks for an API request (see docs/fidelity.md, issue 14, for each choice):
//   route (404/405) → body read (413) → fault draw (latency, drop, 429/5xx, truncate, expire)
//   → Authorization (403 403010 missing, 401 401013 not valid or expired) → x-api-key (403 403000
//   missing, 403 403003 not the token's client) → x-gw-ims-org-id (400 400003 missing, 403 403025
//   not the token's organisation) → x-sandbox-name (400 missing, 403 not a sandbox of the org)
//   → Content-Type of a body (400, Adobe's documented problem body) → parameters and body against
//   Adobe's schemas (400) → handler (404 unknown id …) → the response checked against Adobe's
//   schema before it is sent (a simulator bug answers 500 rather than drift from the contract).
// Faults are decided before anything takes effect, so a faulted request never changes the state.
// Logs carry request ids, methods, paths (ids only, never query strings or bodies) and statuses.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AEP_AUTHORING_PATH, AEP_SIMULATOR_SEED, IMS_TOKEN_PATH } from '../../core/aep/urls';
import { SIMULATOR_HOST } from '../../core/pinterest/urls';
import type { ContractOperation } from '../contract';
import { FaultInjector, parseFaultSpec, type OutcomeFault } from '../faults';
import { BodyTooLargeError, DEFAULT_MAX_BODY_BYTES, readBody, sendJson, sendTruncatedJson } from '../http';
import { aepChecks, aepContract, matchAepRoute } from './contract';
import {
  AepSimError,
  apiKeyInvalid,
  apiKeyMissing,
  contentTypeInvalid,
  orgHeaderMissing,
  problem,
  profileInvalid,
  tokenInvalid,
  tokenMissing,
} from './errors';
import { AEP_KINDS, createAepState, issueToken, sha256, type AepKind, type AepRecord, type AepSimulatorState, type PublishDetails, type SandboxState } from './state';

/** What the testing endpoints answer with (phase-B hooks; the core supplies them). */
export interface AepTestingHooks {
  /** Sample profiles for a destination configuration (`destinationId`), `count` of them. */
  sampleProfiles?: (destination: Record<string, unknown>, servers: Record<string, unknown>[], count: number | undefined) => unknown[];
  /** The sample template for a destination configuration. */
  sampleTemplate?: (destination: Record<string, unknown>, servers: Record<string, unknown>[]) => string;
  /** Renders `template` for the destination with `profiles` (generated when absent). */
  render?: (destination: Record<string, unknown>, template: string, profiles: unknown[] | undefined) => unknown;
}

export interface AepSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Sandboxes of the organisation (default `prod` and `dev`). */
  sandboxes?: readonly string[];
  /** Lifetime of tokens the IMS endpoint issues, in seconds (default 86399, Adobe's sample). */
  tokenLifetimeSeconds?: number;
  /** Fault spec, as the Pinterest simulator's (../faults.ts), e.g. "429:0.5,503:0.1". */
  faults?: string;
  /** PRNG seed for faults (default 1). */
  seed?: number;
  /**
   * Not done by AEP, for tests: these operations always fail with the given status (e.g.
   * `{ createDestination: 400 }` to test a half-done deploy). Decided before anything takes effect.
   */
  failOperations?: Partial<Record<string, 400 | 403 | 404 | 429 | 500 | 502 | 503>>;
  /**
   * Not done by AEP on its own: a publish request stays in REVIEW (Adobe reviews it by hand) unless
   * this says what the review decides, `publishReviewMs` after the submission (default 0).
   */
  publishDecision?: 'PUBLISHED' | 'DENIED';
  publishReviewMs?: number;
  testing?: AepTestingHooks;
  /** Clock in milliseconds (tests). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** One line per request: rid, method, path, status, duration, fault. */
  log?: (line: string) => void;
  maxBodyBytes?: number;
}

export interface AepSimulator {
  /** e.g. http://127.0.0.1:PORT */
  url: string;
  /** url + /data/core/activation/authoring: the `--aep-url` of a local deploy. */
  baseUrl: string;
  /** url + /ims/token/v3 */
  imsUrl: string;
  seed: typeof AEP_SIMULATOR_SEED;
  state: AepSimulatorState;
  close(): Promise<void>;
}

const SERVER_FIELDS = ['instanceId', 'createdDate', 'lastModifiedDate', 'imsOrg', 'sandboxName', 'sandboxId'];
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const KIND_OF: Record<string, AepKind> = {
  Destination: 'destinations',
  DestinationServer: 'destination-servers',
  AudienceTemplate: 'audience-templates',
};

const NOT_FOUND: Record<AepKind, string> = {
  destinations: 'destination configuration',
  'destination-servers': 'destination server',
  'audience-templates': 'audience template',
};

/** `createDestination` → ['create', 'destinations'], and so on for the CRUD operations. */
function crudOf(operationId: string): { verb: 'list' | 'create' | 'retrieve' | 'update' | 'delete'; kind: AepKind } | undefined {
  const m = /^(list|create|retrieve|update|delete)(Destination|DestinationServer|AudienceTemplate)s?$/.exec(operationId);
  if (!m) return undefined;
  return { verb: m[1] as 'list', kind: KIND_OF[m[2]!]! };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined ? undefined : s.trim();
}

export async function startAepSimulator(options: AepSimulatorOptions = {}): Promise<AepSimulator> {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const lifetime = options.tokenLifetimeSeconds ?? 86_399;
  const injector = options.faults ? new FaultInjector(parseFaultSpec(options.faults), options.seed ?? 1) : null;
  const state = createAepState(now(), options.sandboxes);

  /** The 200 body of one resource, as AEP returns it: server-set fields first, then the author's. */
  function view(kind: AepKind, sandbox: SandboxState, r: AepRecord): Record<string, unknown> {
    const base: Record<string, unknown> = { instanceId: r.instanceId, createdDate: r.createdDate, lastModifiedDate: r.lastModifiedDate };
    if (kind === 'destinations') {
      // Adobe's destination examples carry the organisation and sandbox; its server and template examples do not.
      Object.assign(base, { imsOrg: state.imsOrg, sandboxName: sandbox.name, sandboxId: sandbox.id });
      return { ...base, ...r.body, status: r.body.status ?? 'TEST' };
    }
    return { ...base, ...r.body };
  }

  /** Wraps one resource as Adobe's schema for that operation says (see the fidelity rows). */
  function shaped(operationId: string, body: Record<string, unknown>): unknown {
    const schema = aepContract.operations[operationId]?.responses['200']?.schema as { type?: string; properties?: Record<string, unknown> } | undefined;
    if (schema?.type === 'array') return [body];
    if (schema?.type === 'object' && schema.properties?.items) return { items: [body] };
    return body;
  }

  function settlePublish(details: PublishDetails[], t: number): void {
    if (!options.publishDecision) return;
    for (const d of details) {
      if (d.status === 'REVIEW' && d.submittedAt !== undefined && t - d.submittedAt >= (options.publishReviewMs ?? 0)) d.status = options.publishDecision;
    }
  }

  const publicDetails = (d: PublishDetails) => {
    const { submittedAt: _hidden, ...rest } = d;
    return rest;
  };

  function handle(op: ContractOperation, sandbox: SandboxState, path: Record<string, string>, query: Record<string, unknown>, body: unknown): { status: number; body: unknown } {
    const t = now();
    const crud = crudOf(op.operationId);
    if (crud) {
      const store = sandbox.resources[crud.kind];
      const id = path.INSTANCE_ID;
      const find = () => {
        const r = id === undefined ? undefined : store.get(id);
        if (!r) throw problem(404, `No ${NOT_FOUND[crud.kind]} with instanceId ${id} in sandbox ${sandbox.name}.`);
        return r;
      };
      const clean = () => {
        const b = { ...(body as Record<string, unknown>) };
        for (const f of SERVER_FIELDS) delete b[f];
        return b;
      };
      switch (crud.verb) {
        case 'list':
          return { status: 200, body: [...store.values()].map((r) => view(crud.kind, sandbox, r)) };
        case 'create': {
          const iso = new Date(t).toISOString();
          const r: AepRecord = { instanceId: randomUUID(), createdDate: iso, lastModifiedDate: iso, body: clean() };
          store.set(r.instanceId, r);
          return { status: 200, body: shaped(op.operationId, view(crud.kind, sandbox, r)) };
        }
        case 'retrieve':
          return { status: 200, body: shaped(op.operationId, view(crud.kind, sandbox, find())) };
        case 'update': {
          const r = find();
          r.body = clean(); // PUT replaces the configuration
          r.lastModifiedDate = new Date(Math.max(t, Date.parse(r.lastModifiedDate) + 1)).toISOString();
          return { status: 200, body: shaped(op.operationId, view(crud.kind, sandbox, r)) };
        }
        case 'delete':
          find();
          store.delete(id!);
          return { status: 200, body: undefined };
      }
    }
    switch (op.operationId) {
      case 'createPublishDestinationRequest': {
        const { destinationId } = body as { destinationId?: string };
        if (!destinationId || !sandbox.resources.destinations.has(destinationId)) {
          // The spec lists no 404 for this operation: an unknown destinationId is a bad request.
          throw problem(400, `destinationId ${destinationId ?? '(missing)'} is not a destination configuration of sandbox ${sandbox.name}.`);
        }
        const list = sandbox.publish.get(destinationId) ?? [{ configId: destinationId, allowedOrgs: [state.imsOrg], status: 'TEST', destinationType: 'DEV' }];
        list.push({ configId: randomUUID(), allowedOrgs: ['*'], status: 'REVIEW', destinationType: 'PUBLIC', publishedDate: String(t), submittedAt: t });
        sandbox.publish.set(destinationId, list);
        return { status: 201, body: { destinationId, publishDetailsList: list.map(publicDetails) } };
      }
      case 'retrievePublishDestinationRequest': {
        const list = sandbox.publish.get(path.DESTINATION_ID!);
        if (!list) throw problem(404, `No publish request for destination ${path.DESTINATION_ID} in sandbox ${sandbox.name}.`);
        settlePublish(list, t);
        return { status: 200, body: { destinationId: path.DESTINATION_ID, publishDetailsList: list.map(publicDetails) } };
      }
      case 'listPublishDestinationRequest':
        return {
          status: 200,
          body: [...sandbox.publish.entries()].map(([destinationId, list]) => {
            settlePublish(list, t);
            return { destinationId, publishDetailsList: list.map(publicDetails) };
          }),
        };
      default:
        return testing(op, sandbox, path, query, body);
    }
  }

  function destinationFor(sandbox: SandboxState, id: unknown): { destination: Record<string, unknown>; servers: Record<string, unknown>[] } {
    const r = typeof id === 'string' ? sandbox.resources.destinations.get(id) : undefined;
    if (!r) throw problem(404, `No destination configuration with instanceId ${String(id ?? '(missing)')} in sandbox ${sandbox.name}.`);
    const destination = view('destinations', sandbox, r);
    const delivery = Array.isArray(destination.destinationDelivery) ? (destination.destinationDelivery as { destinationServerId?: string }[]) : [];
    const servers = delivery
      .map((d) => (d.destinationServerId ? sandbox.resources['destination-servers'].get(d.destinationServerId) : undefined))
      .filter((s): s is AepRecord => !!s)
      .map((s) => view('destination-servers', sandbox, s));
    return { destination, servers };
  }

  function testing(op: ContractOperation, sandbox: SandboxState, path: Record<string, string>, query: Record<string, unknown>, body: unknown): { status: number; body: unknown } {
    const hooks = options.testing ?? {};
    switch (op.operationId) {
      case 'retrieveSampleInputForDestinationInstance': {
        if (query.destinationId !== undefined && hooks.sampleProfiles) {
          const { destination, servers } = destinationFor(sandbox, query.destinationId);
          const count = query.count as number | undefined;
          if (count !== undefined && (count < 1 || count > 1000)) throw problem(400, 'count must be between 1 and 1000.');
          return { status: 200, body: hooks.sampleProfiles(destination, servers, count) };
        }
        break;
      }
      case 'retrieveDestinationDefaultTemplate':
        if (hooks.sampleTemplate) {
          const { destination, servers } = destinationFor(sandbox, path.DESTINATION_CONFIGURATION_ID);
          return { status: 200, body: hooks.sampleTemplate(destination, servers) };
        }
        break;
      case 'createTemplateRenderer':
        if (hooks.render) {
          const b = body as { destinationId?: string; template?: string; profiles?: unknown[] };
          const { destination } = destinationFor(sandbox, b.destinationId);
          if (typeof b.template !== 'string') throw problem(400, 'template is required.');
          return { status: 200, body: hooks.render(destination, b.template, b.profiles) };
        }
        break;
    }
    throw problem(501, `Not implemented by the AEP simulator: ${op.operationId}.`);
  }

  /** Adobe's gateway checks, in the order documented at the top of this file. */
  function authenticate(req: IncomingMessage, fault: OutcomeFault | null): SandboxState {
    const auth = header(req, 'authorization');
    if (!auth) throw tokenMissing();
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const token = m ? state.tokens.get(sha256(m[1]!)) : undefined;
    if (!token || token.expiresAt <= now() || fault === 'expire') throw tokenInvalid();
    const apiKey = header(req, 'x-api-key');
    if (!apiKey) throw apiKeyMissing();
    if (apiKey !== token.clientId) throw apiKeyInvalid();
    const org = header(req, 'x-gw-ims-org-id');
    if (!org) throw orgHeaderMissing();
    if (org !== token.imsOrg) throw profileInvalid();
    const name = header(req, 'x-sandbox-name');
    if (!name) throw problem(400, 'The x-sandbox-name header is required: the name of the sandbox the operation takes place in, e.g. prod.');
    const sandbox = state.sandboxes.get(name);
    if (!sandbox) throw problem(403, `Sandbox ${name.slice(0, 64)} is not a sandbox of organisation ${org} that this client may use.`);
    return sandbox;
  }

  function parseJsonBody(op: ContractOperation, raw: string, contentType: string | undefined): unknown {
    if (!op.requestBody) return undefined;
    const media = contentType?.split(';')[0]?.trim().toLowerCase();
    if (raw.trim() === '' && !op.requestBody.required) return undefined;
    if (media !== 'application/json') throw contentTypeInvalid();
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw problem(400, 'The request body is not valid JSON.');
    }
    const check = aepChecks.checkRequestBody(op.operationId, body);
    if (!check.ok) throw problem(400, `The request body does not match Adobe's schema for ${op.operationId}: ${check.message}.`);
    return body;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, rid: string): Promise<{ status: number; fault?: OutcomeFault }> {
    const method = req.method ?? 'GET';
    const headers: Record<string, string> = { 'x-request-id': rid };
    const sub = url.pathname.slice(AEP_AUTHORING_PATH.length) || '/';
    const match = matchAepRoute(method, sub);
    const fail = (e: AepSimError, extra: Record<string, string> = {}) => {
      sendJson(res, e.status, e.body, { ...headers, ...extra });
      return { status: e.status };
    };
    if (match.kind === 'not-found') return fail(problem(404, `No such endpoint: ${method} ${url.pathname}`));
    if (match.kind === 'method-not-allowed') return fail(problem(405, `Method ${method} not allowed here.`), { allow: match.allowed.join(', ') });
    const { op, params } = match.route;
    let raw: string;
    try {
      raw = await readBody(req, maxBody);
    } catch (e) {
      if (e instanceof BodyTooLargeError) return fail(problem(413, `${e.message}.`));
      throw e;
    }

    const decision = injector?.decide() ?? { fault: null, latencyMs: 0 };
    if (decision.latencyMs > 0) await (options.sleep ?? sleep)(decision.latencyMs);
    const fault = decision.fault;
    switch (fault) {
      case 'drop':
        req.socket.destroy();
        return { status: 0, fault };
      case '429':
        // Adobe documents no body for a 429 from these endpoints: the gateway's shape (a choice).
        sendJson(res, 429, { error_code: '429001', message: 'Too many requests' }, { ...headers, 'retry-after': '1' });
        return { status: 429, fault };
      case '500':
      case '503':
        sendJson(res, Number(fault), problem(Number(fault), fault === '500' ? 'Internal server error. Please retry.' : 'Service unavailable. Please retry later.').body, headers);
        return { status: Number(fault), fault };
      case '502': {
        const html = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
        res.writeHead(502, { ...headers, 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(html)) });
        res.end(html);
        return { status: 502, fault };
      }
      default:
        break;
    }

    const truncate = fault === 'truncate';
    try {
      const sandbox = authenticate(req, fault);
      const forced = options.failOperations?.[op.operationId];
      if (forced) throw problem(forced, `Refused by the simulator's failOperations option (${op.operationId}); not done by AEP.`);
      const pathCheck = aepChecks.checkParameters(op.operationId, 'path', params);
      if (!pathCheck.ok) throw problem(400, `${pathCheck.message}.`);
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = v;
      const queryCheck = aepChecks.checkParameters(op.operationId, 'query', query);
      if (!queryCheck.ok) throw problem(400, `${queryCheck.message}.`);
      const body = parseJsonBody(op, raw, header(req, 'content-type'));
      // A truncated answer is rendered from a throw-away copy: the faulted request changes nothing.
      const target = truncate ? structuredClone(sandbox) : sandbox;
      const result = handle(op, target, params, queryCheck.values, body);
      if (result.body !== undefined) {
        const drift = aepChecks.responseErrors(op.operationId, result.status, result.body);
        if (drift.length) {
          log(`${rid} response of ${op.operationId} breaks Adobe's schema: ${drift.slice(0, 3).join('; ')}`);
          throw problem(500, `The simulator's answer broke Adobe's schema for ${op.operationId}; this is a simulator bug.`);
        }
      }
      if (result.body === undefined) {
        res.writeHead(result.status, { ...headers, 'content-length': '0' });
        res.end();
      } else if (truncate) sendTruncatedJson(res, result.status, result.body, headers);
      else sendJson(res, result.status, result.body, headers);
      return { status: result.status, fault: fault ?? undefined };
    } catch (caught) {
      if (!(caught instanceof AepSimError)) throw caught;
      if (truncate) sendTruncatedJson(res, caught.status, caught.body, headers);
      else sendJson(res, caught.status, caught.body, headers);
      return { status: caught.status, fault: fault ?? undefined };
    }
  }

  /**
   * Adobe IMS `POST /ims/token/v3` for OAuth server-to-server credentials: `grant_type`,
   * `client_id`, `client_secret` and `scope`, in the form body or the query. Errors follow OAuth
   * 2.0's error response (RFC 6749 §5.2), as IMS answers: `{"error", "error_description"}`.
   */
  async function handleIms(req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
    const oauthError = (status: number, error: string, description: string) => {
      sendJson(res, status, { error, error_description: description });
      return status;
    };
    if (req.method !== 'POST') return oauthError(405, 'invalid_request', 'Use POST.');
    const raw = await readBody(req, 64 * 1024);
    const contentType = header(req, 'content-type')?.split(';')[0]?.toLowerCase();
    if (raw && contentType !== 'application/x-www-form-urlencoded') return oauthError(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded.');
    const params = new URLSearchParams(url.search);
    for (const [k, v] of new URLSearchParams(raw)) params.set(k, v);
    const grant = params.get('grant_type');
    const clientId = params.get('client_id');
    const secret = params.get('client_secret');
    if (!grant || !clientId || !secret || !params.get('scope')) return oauthError(400, 'invalid_request', 'grant_type, client_id, client_secret and scope are required.');
    if (grant !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', `Unsupported grant_type ${grant.slice(0, 40)}.`);
    const client = state.clients.get(clientId);
    if (!client) return oauthError(400, 'invalid_client', 'invalid client_id parameter');
    if (client.secretSha256 !== sha256(secret)) return oauthError(401, 'invalid_client', 'invalid client_secret parameter');
    const token = issueToken(state, clientId, now(), lifetime);
    sendJson(res, 200, { access_token: token, token_type: 'bearer', expires_in: lifetime });
    return 200;
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    const rid = randomBytes(8).toString('hex');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const done = (status: number, fault?: OutcomeFault) =>
      log(`${rid} ${method} ${url.pathname} ${status || 'dropped'} ${Date.now() - started}ms${fault ? ` fault=${fault}` : ''}`);
    const run = async (): Promise<{ status: number; fault?: OutcomeFault }> => {
      if (url.pathname === IMS_TOKEN_PATH) return { status: await handleIms(req, res, url) };
      if (url.pathname === AEP_AUTHORING_PATH || url.pathname.startsWith(`${AEP_AUTHORING_PATH}/`)) return handleApi(req, res, url, rid);
      if (url.pathname === '/' && method === 'GET') {
        sendJson(res, 200, { simulator: 'Adobe Experience Platform Destination Authoring API', contract: aepContract.source.commit, api: `${AEP_AUTHORING_PATH}/`, ims: IMS_TOKEN_PATH });
        return { status: 200 };
      }
      sendJson(res, 404, problem(404, `No such endpoint: ${method} ${url.pathname}`).body);
      return { status: 404 };
    };
    run().then(
      (r) => done(r.status, r.fault),
      (e: unknown) => {
        log(`${rid} ${method} ${url.pathname} internal error: ${(e as Error)?.message ?? String(e)}`);
        if (!res.headersSent) sendJson(res, 500, problem(500, 'Internal server error.').body);
        else res.destroy();
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, SIMULATOR_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${SIMULATOR_HOST}:${port}`;
  return {
    url,
    baseUrl: `${url}${AEP_AUTHORING_PATH}`,
    imsUrl: `${url}${IMS_TOKEN_PATH}`,
    seed: AEP_SIMULATOR_SEED,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export { AEP_KINDS };
