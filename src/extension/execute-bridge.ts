/**
 * The one place the extension meets the core's execute step and Pinterest client, exactly as
 * `pindest push` does: plan from the project (editor texts first), then send with the client.
 */
import { executePlan } from '../core/execute/execute';
import type { ActivationReport } from '../core/execute/report';
import type { StateStore } from '../core/execute/state';
import { aepRetryPolicy, createPinterestClient, defaultRetryTimeScale, type ClientEvent, type TokenProvider } from '../core/pinterest';
import { planFromDisk } from '../core/plan/load';
import type { Project, ProjectFile } from '../core/project/project';
import type { Environment } from './settings';

export interface RunOptions {
  environment: Environment;
  baseUrl: string;
  tokens: TokenProvider;
  signal: AbortSignal;
  onProgress: (p: { phase: string; done: number; total: number }) => void;
  /** Paths in the report are relative to this (the workspace folder). */
  cwd: string;
  /** Where created lists are remembered (the project's .pindest/state.json, or memory for the in-process simulator). */
  state: StateStore;
  /** Opt-in, not done by AEP: a CUSTOMER_LIST audience on each list. */
  createAudience: boolean;
  /** AEP's retry waits × this (the pindest.retryTimeScale setting); default per environment, as `pindest push`. */
  retryTimeScale?: number;
  /** The client's events (the in-process simulator's clock follows AEP's retry waits through them). */
  onClientEvent?: (event: ClientEvent) => void;
}

export async function runActivation(project: Project, activationFile: ProjectFile, options: RunOptions): Promise<ActivationReport> {
  const { activation, plan } = await planFromDisk(project, activationFile);
  activation.environment = options.environment;
  const client = createPinterestClient({
    environment: options.environment,
    baseUrl: options.baseUrl,
    tokens: options.tokens,
    retry: aepRetryPolicy(activation.destination),
    retryTimeScale: options.retryTimeScale ?? defaultRetryTimeScale(options.environment),
    onEvent: options.onClientEvent,
  });
  return executePlan(activation, plan, client, { signal: options.signal, onProgress: options.onProgress, cwd: options.cwd, state: options.state, createAudience: options.createAudience });
}
