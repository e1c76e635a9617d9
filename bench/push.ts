/**
 * Issue 4 figures: a push of 100k records against the simulator's configured rate limit, with
 * the client pacing itself at 95% of it: requests answered per minute against the limit. Both
 * token buckets hold a small burst here (Pinterest's holds a minute's worth), so a run of seconds
 * is limit-bound from its start. Then the same with 10% of requests failing (500/503), retried.
 */
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { executePlan } from '../src/core/execute/execute';
import { createPinterestClient, staticTokenProvider, type RetryPolicy } from '../src/core/pinterest';
import { resolveActivation } from '../src/core/plan/activation';
import { buildPlan } from '../src/core/plan/plan';
import type { SourceProfile } from '../src/core/profiles';
import { Project } from '../src/core/project/project';
import { startSimulator } from '../src/simulator';
import { EXAMPLE_DIR, exampleFiles } from '../test/helpers/example';
import { row } from './measure';

const RECORDS = 100_000;
const PER_REQUEST = 100;
const LIMIT = 6000; // requests per minute (100/s), simulator and client alike
const BURST = 10;

/** Bench only, not AEP's: retries 5xx up to 10 sends after 5 ms, so the figures measure pacing, not drops. */
const benchPolicy: RetryPolicy = { name: 'bench', description: 'bench only: 5xx retried up to 10 sends after 5 ms', maxAttempts: 10, retryOn: (o) => o === 'network' || o >= 500, delayMs: () => 5 };

function activation() {
  const f = exampleFiles();
  f.destination.aggregation = {
    aggregationType: 'BEST_EFFORT',
    bestEffortAggregation: { maxUsersPerRequest: PER_REQUEST, splitUserById: false, aggregationKey: { includeSegmentId: true, includeSegmentStatus: true } },
  };
  const names: [keyof typeof f, string][] = [['destination', 'destination.json'], ['server', 'destination-server.json'], ['audienceTemplate', 'audience-template.json'], ['activation', 'activation.json']];
  return resolveActivation(Project.fromTexts(names.map(([k, name]) => ({ path: join(EXAMPLE_DIR, name), text: JSON.stringify(f[k]) }))));
}

function profiles(): SourceProfile[] {
  const audience = '5b8a1c3e-7f4d-4e2a-9b6c-0d1e2f3a4b5c';
  return Array.from({ length: RECORDS }, (_, i) => ({
    identityMap: { Email_LC_SHA256: [{ id: createHash('sha256').update(randomBytes(8)).digest('hex') }] },
    segmentMembership: { ups: { [audience]: { status: i % 10 === 0 ? 'exited' : 'realized' } } },
    attributes: {},
    origin: { file: 'generated', index: i },
  }));
}

async function run(label: string, faults?: string) {
  const sim = await startSimulator({ port: 0, rateLimitPerMinute: LIMIT, rateLimitBurst: BURST, faults, seed: 11 });
  try {
    const a = activation();
    const plan = buildPlan(a, profiles());
    const answered: number[] = [];
    let tooMany = 0;
    let failedAttempts = 0;
    const client = createPinterestClient({
      environment: 'local',
      baseUrl: sim.baseUrl,
      tokens: staticTokenProvider(sim.seed.accessToken),
      // A little headroom: request arrival jitters, and Pinterest's reset hint is whole seconds.
      maxRequestsPerMinute: LIMIT * 0.95,
      pacingBurst: BURST,
      retry: benchPolicy,
      onEvent: (e) => {
        if (e.type !== 'response') return;
        answered.push(performance.now());
        if (e.status === 429) tooMany++;
        if (e.status && e.status >= 500) failedAttempts++;
      },
    });
    const started = performance.now();
    const report = await executePlan(a, plan, client);
    const seconds = (performance.now() - started) / 1000;
    const rate = (answered.length / (answered.at(-1)! - answered[0]!)) * 60_000;
    const sent = report.counts.reduce((n, c) => n + c.sent, 0);
    row(`push ${label}: ${plan.requests.length} calls, ${sent} records, ${report.outcome}`, `${seconds.toFixed(1)} s`, `${answered.length} answers, ${failedAttempts} 5xx retried, ${tooMany} × 429`);
    row(`  achieved request rate / limit (${LIMIT}/min)`, (rate / LIMIT).toFixed(3), 'target ≥ 0.9, no 429 storm');
  } finally {
    await sim.close();
  }
}

export async function pushBench(): Promise<void> {
  console.log('\n## Test activation push (issue 4)');
  await run('clean');
  await run('with 10% faults', '500:0.05,503:0.05');
}
