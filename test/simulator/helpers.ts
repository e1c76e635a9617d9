// Shared helpers for the simulator tests: a fetch wrapper that talks real HTTP to a simulator on
// port 0 and checks every JSON response body against the response schema Pinterest publishes for
// that operation and status, so no test can pass on a response that breaks the contract.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { responseErrors } from '../../src/simulator/contract';
import { matchRoute } from '../../src/simulator/router';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/server';

export interface CallResult {
  status: number;
  headers: Headers;
  // Parsed JSON body (already checked against the contract); `any` keeps assertions short.
  body: any;
  text: string;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
}

export async function call(sim: Simulator, method: string, path: string, opts: CallOptions = {}): Promise<CallResult> {
  const url = new URL(`${sim.baseUrl}${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { ...opts.headers };
  const token = opts.token === undefined ? sim.seed.accessToken : opts.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  const parsed = res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined;
  assertConforms(method, url.pathname, res.status, parsed);
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/** Fails when a response body does not match the contract's schema for its operation and status. */
export function assertConforms(method: string, pathname: string, status: number, body: unknown): void {
  const route = matchRoute(method, pathname);
  if (route.kind !== 'operation' || body === undefined) return;
  const errors = responseErrors(route.op.operationId, status, body);
  assert.deepEqual(errors, [], `${method} ${pathname} ${status} breaks the contract: ${errors.join('; ')}`);
}

export function assertError(r: CallResult, status: number, code: number, message?: string | RegExp): void {
  assert.equal(r.status, status, r.text);
  assert.equal(r.body.code, code, r.text);
  assert.equal(typeof r.body.message, 'string');
  if (typeof message === 'string') assert.equal(r.body.message, message);
  else if (message) assert.match(r.body.message, message);
  assert.ok(r.headers.get('x-pinterest-rid'), 'x-pinterest-rid on every response');
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export async function tokenRequest(sim: Simulator, form: Record<string, string>, auth = basic(sim.seed.clientId, sim.seed.clientSecret)): Promise<CallResult> {
  const res = await fetch(`${sim.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const text = await res.text();
  const body = JSON.parse(text);
  assertConforms('POST', '/v5/oauth/token', res.status, body);
  return { status: res.status, headers: res.headers, body, text };
}

export const emails = (n: number, prefix = 'user'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A controllable clock for rate limits, token expiry and processing delays. */
export function clock(start = Date.UTC(2026, 0, 15, 12)): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export async function withSimulator<T>(options: SimulatorOptions, fn: (sim: Simulator) => Promise<T>): Promise<T> {
  const sim = await startSimulator(options);
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}

export const listsPath = (sim: Simulator, account = sim.seed.adAccountId) => `/ad_accounts/${account}/customer_lists`;
export const audiencesPath = (sim: Simulator, account = sim.seed.adAccountId) => `/ad_accounts/${account}/audiences`;
