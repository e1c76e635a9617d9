// What every operation handler receives and returns. Handlers are synchronous functions over the
// state they are given; the server decides whether that is the live state or a throw-away copy
// (for a truncated-response fault), which is how faulted writes never take effect.
import type { IncomingHttpHeaders } from 'node:http';
import type { ContractOperation } from './contract';
import type { SimulatorState } from './state';

export interface Principal {
  userId: string;
  clientId: string;
  scopes: string[];
  subject: 'user' | 'client';
}

export interface SimConfig {
  /** Status of a successful create: 200 (5.23, default) or 201 (5.28). */
  createdStatus: 200 | 201;
  /** How long a list stays PROCESSING (ms) before a read settles it; 0 = on the next read. */
  processingDelayMs: number;
}

export interface RequestContext {
  state: SimulatorState;
  op: ContractOperation;
  /** Path parameters, validated against the contract. */
  path: Record<string, string>;
  /** Query parameters, validated and coerced, with the spec's defaults. */
  query: Record<string, unknown>;
  /** Parsed, validated request body (JSON, or the form fields of the OAuth token endpoint). */
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  principal: Principal | null;
  config: SimConfig;
  nowMs: number;
}

export interface HandlerResult {
  status: number;
  body: unknown;
  /** True when the state changed (a write, or a status settling on read): save it. */
  mutated: boolean;
}

export type Handler = (ctx: RequestContext) => HandlerResult;

export const seconds = (ms: number): number => Math.floor(ms / 1000);
