// Shared fixtures for the Pinterest client tests: a real simulator on port 0, a client pointed at
// it, a fast retry policy, a sleep that records requested delays (and can drive a virtual clock
// shared with the simulator), and an event collector. No test asserts on wall-clock time.
import { createPinterestClient, createRetryPolicy, staticTokenProvider, type ClientEvent, type PinterestClient, type PinterestClientOptions } from '../../src/core/pinterest/index';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index';
import { mulberry32 } from '../../src/simulator/prng';

/** Retries everything the default does, with 1–2 ms delays and room for unlucky fault streaks. */
export const fastPolicy = createRetryPolicy({ maxAttempts: 12, baseDelayMs: 1, maxDelayMs: 2, honourServerHints: false });

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
    random: mulberry32(42),
    ...clientOptions,
  });
  try {
    return await fn({ sim, client, events, sleeps });
  } finally {
    await sim.close();
  }
}


export async function collect<T>(iter: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iter) out.push(x);
  return out;
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
