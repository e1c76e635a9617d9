// Retry policies as AEP applies them to a streaming destination's calls, chosen from the
// destination's `aggregation.aggregationType`. Source: Adobe, Destination SDK,
// help/destinations/destination-sdk/functionality/rate-limiting-retry-policy.md.
//
// - BEST_EFFORT: 403, 408, 409, 429, 500, 502, 503, 504 are retried; "Two retries are performed":
//   the first after 15 seconds, the second after 30 seconds. Other codes (e.g. 400) are not retried.
//   "If the call still fails after both retry attempts, Experience Platform drops the activation".
// - CONFIGURABLE_AGGREGATION: 420, 429 and codes "greater than 500" are retried (so 500 itself is
//   not); every other error is not. Rate-limited batches are "reattempted in 30 minutes".
//
// Where Adobe is silent, the choices below are conservative: a test run never counts on a retry
// Adobe does not document, so it cannot pass where AEP would drop the records.
// - Configurable aggregation, how many retries: Adobe's worked example shows one reattempt, 30
//   minutes later; it states no count. Choice: one retry, 30 minutes after the failure, for every
//   retried code; then the batch is dropped. (The guardrails page's "retries twice" is about the
//   enterprise HTTP API, Kinesis and Event Hubs destinations, not Destination SDK ones.)
// - No answer at all (timeout, refused or dropped connection, body cut off): Adobe lists status
//   codes only. Choice: retried like a gateway timeout (504), which both policies retry. A 2xx
//   whose body is unreadable is not retried (Adobe retries error codes, and a 2xx is none).
// - Retry-After / x-ratelimit-reset: Adobe's intervals are fixed. AEP's waits ignore them; the
//   client records what Pinterest asked for beside AEP's wait, so a report can show "Pinterest
//   asked for 60 s, AEP retried after 15 s".
// - The audience template's create call: Adobe's page is about the calls that export profiles and
//   says nothing about audience metadata calls. Choice: sent once (`sendOnce`), never repeated, so
//   a create whose answer was lost can never make a second list.
//
// Local runs may compress the waits with a time scale (the client sleeps wait × scale); the policy
// and every report keep AEP's uncompressed waits. A simulator started for the run can live AEP's
// waits in full through `aepClock`, so its rate-limit windows see the time AEP would have let pass.
import type { NetworkFailure } from './errors';
import type { ClientEvent } from './types';
import { msg } from '../report/l10n';

export type RetryOutcome = number | 'network';

export interface RetryContext {
  /** For 'network': what failed. */
  reason?: NetworkFailure;
}

export interface RetryPolicy {
  /** Stable id, e.g. 'aep-best-effort'. */
  readonly name: string;
  /** One sentence for reports: what is retried, how often, after how long. */
  readonly description: string;
  /** Total sends, first one included. */
  readonly maxAttempts: number;
  retryOn(outcome: RetryOutcome, context?: RetryContext): boolean;
  /** What AEP waits before attempt `attempt + 1`, after attempt `attempt` (1-based) failed; uncompressed. */
  delayMs(attempt: number): number;
}

/** Milliseconds the server asked us to wait, from Retry-After or an exhausted x-ratelimit-reset. */
export function serverDelayMs(headers: Record<string, string> | undefined, now: () => number, status?: number): number | undefined {
  if (!headers) return undefined;
  const hints: number[] = [];
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+(?:\.\d+)?$/.test(retryAfter)) hints.push(Number(retryAfter) * 1000);
    else {
      const at = Date.parse(retryAfter);
      if (!Number.isNaN(at)) hints.push(Math.max(0, at - now()));
    }
  }
  const reset = headers['x-ratelimit-reset']?.trim();
  const exhausted = status === 429 || headers['x-ratelimit-remaining']?.trim() === '0';
  if (reset && exhausted && /^\d+(?:\.\d+)?$/.test(reset)) {
    const n = Number(reset);
    // Seconds from now, or (some APIs) a Unix time in seconds.
    hints.push(n > 1e9 ? Math.max(0, n * 1000 - now()) : n * 1000);
  }
  return hints.length ? Math.max(...hints) : undefined;
}

/** No answer at all counts as a gateway timeout (see the header); an unreadable 2xx does not. */
const noAnswer = (context?: RetryContext) => context?.reason !== 'invalid-response';

export const AEP_BEST_EFFORT_STATUSES: readonly number[] = [403, 408, 409, 429, 500, 502, 503, 504];

/** AEP's best-effort policy: the listed codes are retried twice, after 15 s then 30 s, then dropped. */
export const aepBestEffortPolicy: RetryPolicy = {
  name: 'aep-best-effort',
  description: msg('AEP best effort: 403, 408, 409, 429, 500, 502, 503, 504 and no answer are retried twice, after 15 s then 30 s; then AEP drops the call'),
  maxAttempts: 3,
  retryOn: (outcome, context) => (outcome === 'network' ? noAnswer(context) : AEP_BEST_EFFORT_STATUSES.includes(outcome)),
  delayMs: (attempt) => (attempt <= 1 ? 15_000 : 30_000),
};

/** AEP's configurable-aggregation policy: 420, 429 and > 500 retried once, 30 minutes later, then dropped. */
export const aepConfigurableAggregationPolicy: RetryPolicy = {
  name: 'aep-configurable-aggregation',
  description: msg('AEP configurable aggregation: 420, 429, codes above 500 and no answer are retried once, 30 min later; then AEP drops the batch'),
  maxAttempts: 2,
  retryOn: (outcome, context) => (outcome === 'network' ? noAnswer(context) : outcome === 420 || outcome === 429 || outcome > 500),
  delayMs: () => 30 * 60_000,
};

/** No retries at all. */
export const noRetryPolicy: RetryPolicy = {
  name: 'none',
  description: msg('no retries: every call is sent once'),
  maxAttempts: 1,
  retryOn: () => false,
  delayMs: () => 0,
};

/**
 * The policy AEP applies to a destination, from its `aggregation.aggregationType`. Anything but
 * CONFIGURABLE_AGGREGATION (a missing or unknown type is a validation finding of its own) gets
 * best effort, the policy with the shorter schedule.
 */
export function aepRetryPolicy(destination: unknown): RetryPolicy {
  const aggregation = (destination as { aggregation?: { aggregationType?: unknown } } | undefined)?.aggregation;
  return aggregation?.aggregationType === 'CONFIGURABLE_AGGREGATION' ? aepConfigurableAggregationPolicy : aepBestEffortPolicy;
}

/** Local runs compress AEP's waits 1000-fold by default (15 s → 15 ms); Pinterest gets real waits. */
export function defaultRetryTimeScale(environment: 'local' | 'production'): number {
  return environment === 'local' ? 0.001 : 1;
}

/** A time scale given by a person (flag, setting): a number from 0 to 1, or a message saying what is wrong. */
export function parseRetryTimeScale(value: unknown): number | string {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d*\.?\d+(?:e-?\d+)?\s*$/i.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 1) return `the retry time scale must be a number from 0 to 1 (e.g. 0.001 waits 15 ms where AEP waits 15 s; 1 waits as AEP does), got "${String(value)}"`;
  return n;
}

/**
 * A clock for a simulator started for one run: it runs with `base` and, at each retry the client
 * reports, jumps forward by the part of AEP's wait this run does not sleep. The simulator then sees
 * AEP's real waits (its quota refills as it would in 15 s or 30 min) while the run stays fast.
 */
export function aepClock(base: () => number = Date.now): { now: () => number; observe: (event: ClientEvent) => void } {
  let skew = 0;
  return {
    now: () => base() + skew,
    observe: (event) => {
      if (event.type === 'retry' && event.aepWaitMs !== undefined) skew += Math.max(0, event.aepWaitMs - (event.delayMs ?? 0));
    },
  };
}
