// Client-side pacing: a token bucket that lets a push run near Pinterest's quota instead of
// bursting into a wall of 429s and then backing off (developers.pinterest.com/docs/reference/rate-limits: ads_write is
// 400/min on Standard access, shared by every list and audience write of the user and app).
//
// Pinterest's quota is itself a bucket per (app, user, category); pacing every request of this
// client against one bucket is conservative (reads draw from ads_read upstream) and simple. When
// Pinterest says the quota is exhausted (`x-ratelimit-remaining: 0` with a reset), the pacer also
// holds every request until the reset instead of letting each one discover the 429 on its own.
import { TokenBucket } from '../rate/token-bucket';
import type { RateLimitInfo } from './types';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** `promise`, unless `signal` aborts first (an injected sleep may ignore the signal). */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    // `promise` may reject too (a sleep started on the aborted signal): nobody else listens to it.
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export interface PacerOptions {
  maxRequestsPerMinute: number;
  /** Requests allowed back to back before pacing starts; default the per-minute figure (as Pinterest's bucket). */
  burst?: number;
  now: () => number;
  sleep: Sleep;
}

export interface Pacer {
  /** Waits until one more request may be sent. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Learns from Pinterest's rate-limit headers. */
  observe(info: RateLimitInfo | undefined): void;
  /** Total milliseconds spent waiting (for reports). */
  readonly waitedMs: number;
}

export function createPacer(options: PacerOptions): Pacer {
  const bucket = new TokenBucket(options.maxRequestsPerMinute, options.burst ?? options.maxRequestsPerMinute, options.now());
  let blockedUntil = 0;
  let waited = 0;
  return {
    get waitedMs() {
      return waited;
    },
    async acquire(signal) {
      for (;;) {
        const t = options.now();
        let wait = blockedUntil > t ? blockedUntil - t : 0;
        if (wait === 0) {
          if (bucket.take(t)) return;
          wait = Math.ceil(bucket.waitMs(t));
        }
        waited += wait;
        await raceAbort(options.sleep(wait, signal), signal);
      }
    },
    observe(info) {
      if (!info || info.remaining !== 0 || !info.resetSeconds) return;
      const t = options.now();
      bucket.drain(t);
      blockedUntil = Math.max(blockedUntil, t + info.resetSeconds * 1000);
    },
  };
}
