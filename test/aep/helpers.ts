// Shared helpers for the AEP simulator and client tests: raw HTTP calls with Adobe's four headers
// (each one can be dropped or replaced), every JSON success body checked against the schema
// Adobe publishes for its operation, and the example project's three configuration files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aepResponseErrors, matchAepRoute, startAepSimulator, type AepSimulator, type AepSimulatorOptions } from '../../src/simulator/aep';
import { AEP_AUTHORING_PATH } from '../../src/core/aep';
import { EXAMPLE_DIR } from '../helpers/example';

export interface AepCallOptions {
  body?: unknown;
  /** Header values; `null` leaves the header out. Defaults: the seeded token, key, org, `prod`. */
  headers?: Record<string, string | null>;
  query?: Record<string, string | number>;
}

export interface AepCallResult {
  status: number;
  headers: Headers;
  // Parsed JSON (successes already checked against Adobe's schema); `any` keeps assertions short.
  body: any;
  text: string;
}

export async function aepCall(sim: AepSimulator, method: string, path: string, opts: AepCallOptions = {}): Promise<AepCallResult> {
  const url = new URL(`${sim.baseUrl}${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
  const defaults: Record<string, string> = {
    authorization: `Bearer ${sim.seed.accessToken}`,
    'x-api-key': sim.seed.clientId,
    'x-gw-ims-org-id': sim.seed.imsOrg,
    'x-sandbox-name': 'prod',
  };
  if (opts.body !== undefined) defaults['content-type'] = 'application/json';
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...defaults, ...opts.headers })) if (v !== null && v !== undefined) headers[k] = v;
  const res = await fetch(url, { method, headers, body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) });
  const text = await res.text();
  const body = res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined;
  if (res.status < 300 && body !== undefined) {
    const route = matchAepRoute(method, url.pathname.slice(AEP_AUTHORING_PATH.length));
    assert.equal(route.kind, 'operation');
    if (route.kind === 'operation') {
      const errors = aepResponseErrors(route.route.op.operationId, res.status, body);
      assert.deepEqual(errors, [], `${method} ${url.pathname} ${res.status} breaks Adobe's schema`);
    }
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** A gateway error as Adobe documents it: `{error_code, message}`. */
export function assertGatewayError(r: AepCallResult, status: number, code: string, message: string): void {
  assert.equal(r.status, status, r.text);
  assert.deepEqual(r.body, { error_code: code, message });
}

/** A service error in Adobe's problem shape `{type, status, title, detail}`. */
export function assertProblem(r: AepCallResult, status: number, detail?: RegExp): void {
  assert.equal(r.status, status, r.text);
  assert.equal(r.body.status, status);
  assert.equal(typeof r.body.title, 'string');
  assert.equal(typeof r.body.type, 'string');
  if (detail) assert.match(r.body.detail, detail);
}

export function exampleConfig(name: 'destination-server' | 'audience-template' | 'destination'): Record<string, unknown> {
  return JSON.parse(readFileSync(join(EXAMPLE_DIR, `${name}.json`), 'utf8'));
}

export async function withAepSimulator<T>(fn: (sim: AepSimulator) => Promise<T>, options: AepSimulatorOptions = {}): Promise<T> {
  const sim = await startAepSimulator(options);
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}
