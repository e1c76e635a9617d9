// Retry policies as values, so the same client can behave like AEP (to predict what a real
// activation would do) or like a careful interactive tool (the default).
//
// Why the default retries writes after network errors — the trade-off, decided:
//   A dropped connection, a timeout or a truncated body after a POST/PATCH is ambiguous: Pinterest
//   either applied the write or not, and the client cannot tell. Not retrying loses a batch for
//   sure; retrying risks applying it twice.
//   - PATCH customer_lists ADD/REMOVE: membership is idempotent (adding a present member or
//     removing an absent one changes nothing), but `num_uploaded_user_records` /
//     `num_removed_user_records` / `num_batches` grow with every call Pinterest applies (§2.4).
//     A repeat therefore costs at most an over-count, never a wrong audience.
//   - POST customer_lists / audiences: a repeat of an applied create makes a second object with
//     the same name; Pinterest has no DELETE for lists, so that is a visible leftover.
//   Choice: the default retries both (a lost batch is worse than an over-count, and lost responses
//   are rare), and every result counts `ambiguousRetries` so a report can say "counters may include
//   a repeated batch". `createRetryPolicy({ retryWritesOnNetworkError: false })` turns it off; a
//   failure that provably happened before anything was sent (refused connection, DNS) is retried
//   for every method either way. The simulator never applies a faulted write, so under simulated
//   faults the counters stay exact.
//
// Delays: exponential backoff with full jitter (random in [0, min(cap, base·2^(n-1))]), which spreads
// clients apart after a shared 429. A server hint wins: `Retry-After` (seconds or HTTP date) or, on
// an exhausted quota, `x-ratelimit-reset` (seconds; Pinterest is not known to send either, §7.4).
import type { NetworkFailure } from './errors';

export type RetryOutcome = number | 'network';

export interface RetryContext {
  /** For 'network': what failed. */
  reason?: NetworkFailure;
  /** For 'network': false when the request provably never left (refused connection, DNS). */
  mayHaveReachedServer?: boolean;
}

export interface DelayContext {
  random: () => number;
  now: () => number;
  status?: number;
}

export interface RetryPolicy {
  readonly name: string;
  /** Total sends, first one included. */
  readonly maxAttempts: number;
  retryOn(outcome: RetryOutcome, method: string, context?: RetryContext): boolean;
  /** Wait before attempt `attempt + 1`, after attempt `attempt` (1-based) failed. */
  delayMs(attempt: number, headers: Record<string, string> | undefined, context: DelayContext): number;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export interface RetryPolicyOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Statuses to retry; default 429 and every 5xx. */
  statuses?: (status: number) => boolean;
  /** See the header: default true. */
  retryWritesOnNetworkError?: boolean;
  /** Follow Retry-After / x-ratelimit-reset; default true. */
  honourServerHints?: boolean;
  /** Longest server-requested wait that is followed as is; default 120 s. */
  maxServerDelayMs?: number;
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

export function createRetryPolicy(options: RetryPolicyOptions = {}): RetryPolicy {
  const maxAttempts = options.maxAttempts ?? 6;
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 30_000;
  const statuses = options.statuses ?? ((s: number) => s === 429 || (s >= 500 && s <= 599));
  const writes = options.retryWritesOnNetworkError ?? true;
  const hints = options.honourServerHints ?? true;
  const maxServer = options.maxServerDelayMs ?? 120_000;
  return {
    name: 'default',
    maxAttempts,
    retryOn(outcome, method, context) {
      if (outcome !== 'network') return statuses(outcome);
      if (context?.mayHaveReachedServer === false) return true;
      return IDEMPOTENT.has(method.toUpperCase()) || writes;
    },
    delayMs(attempt, headers, ctx) {
      const hinted = hints ? serverDelayMs(headers, ctx.now, ctx.status) : undefined;
      if (hinted !== undefined) return Math.min(Math.ceil(hinted), maxServer);
      const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
      return Math.floor(ctx.random() * ceiling);
    },
  };
}

/** 429 and 5xx and network failures, up to 6 sends, 500 ms base, 30 s cap, server hints honoured. */
export const defaultPolicy: RetryPolicy = createRetryPolicy();

/**
 * AEP's "best effort" aggregation policy (Adobe destination-sdk/functionality/rate-limiting-retry-policy.md): 403, 408, 409, 429,
 * 500, 502, 503, 504 are retried twice, after 15 s then 30 s, ignoring server hints; anything else
 * is not retried, and after the second retry the batch is dropped. Adobe does not say what it does
 * on a network failure; it is treated like 408 (a timeout) here. For reference and "what would AEP
 * do" runs, not for interactive use (it waits 45 s before giving up).
 */
export const AEP_BEST_EFFORT_STATUSES: readonly number[] = [403, 408, 409, 429, 500, 502, 503, 504];
export const aepBestEffortPolicy: RetryPolicy = {
  name: 'aep-best-effort',
  maxAttempts: 3,
  retryOn: (outcome) => outcome === 'network' || AEP_BEST_EFFORT_STATUSES.includes(outcome),
  delayMs: (attempt) => (attempt <= 1 ? 15_000 : 30_000),
};

/** No retries at all. */
export const noRetryPolicy: RetryPolicy = {
  name: 'none',
  maxAttempts: 1,
  retryOn: () => false,
  delayMs: () => 0,
};
