// Shared fixtures for the Pinterest client tests: a real simulator on port 0, a client pointed at
// it, a fast retry policy for plumbing tests, a sleep that records requested delays (and can drive a virtual clock
// shared with the simulator), and an event collector. No test asserts on wall-clock time.
import { createPinterestClient, staticTokenProvider, type ClientEvent, type PinterestClient, type PinterestClientOptions, type RetryPolicy } from '../../src/core/pinterest/index';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index';

/**
 * Tests of the client's plumbing under heavy faults only, not AEP's policy: 429, 5xx and no
 * answer retried up to 12 sends, 1 ms apart, so unlucky fault streaks still get through.
 */
export const fastPolicy: RetryPolicy = {
  name: 'test-fast',
  description: 'tests only: 429, 5xx and no answer retried up to 12 sends, 1 ms apart',
  maxAttempts: 12,
  retryOn: (outcome) => outcome === 'network' || outcome === 429 || outcome >= 500,
  delayMs: () => 1,
};

export interface Harness {
  sim: Simulator;
  client: PinterestClient;
  events: ClientEvent[];
  /** Delays the client asked to sleep, in order. */
  sleeps: number[];
}

export async function withClient<T>(
  simOptions: SimulatorOptions,
  clientOptions: Partial<PinterestClientOptions>,
  fn: (h: Harness) => Promise<T>,
): Promise<T> {
  const sim = await startSimulator({ port: 0, ...simOptions });
  const events: ClientEvent[] = [];
  const sleeps: number[] = [];
  const client = createPinterestClient({
    environment: 'local',
    baseUrl: sim.baseUrl,
    tokens: staticTokenProvider(sim.seed.accessToken),
    retry: fastPolicy,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onEvent: (e) => events.push(e),
    ...clientOptions,
  });
  try {
    return await fn({ sim, client, events, sleeps });
  } finally {
    await sim.close();
  }
}

/**
 * One call the way the executor sends it (`client.request`, an absolute URL under the client's
 * base URL, JSON text); `path` is relative to the base URL, e.g. `/ad_accounts/1/customer_lists`.
 */
export function call<T = Record<string, unknown>>(client: PinterestClient, method: string, path: string, body?: unknown, signal?: AbortSignal) {
  const json = body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  return client.request<T>({ method, url: `${client.baseUrl}${path}`, ...json, signal });
}

/** Creates a customer list (the audience template's call) and returns its id. */
export async function createList(client: PinterestClient, adAccountId: string, name: string, records: string[]): Promise<string> {
  return (await call<{ id: string }>(client, 'POST', `/ad_accounts/${adAccountId}/customer_lists`, { name, records: records.join(',') })).body.id;
}

export const emails = (n: number, prefix = 'user'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);

/** A virtual clock the simulator and the client share: the client's sleeps move it forward. */
export function virtualClock(start = Date.UTC(2026, 0, 15, 12)): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => t,
    slept,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}
