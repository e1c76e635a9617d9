// Token-bucket rate limiting per (app, user) per Pinterest rate-limit category, mirroring
// Pinterest's rate-limit page and its `x-ratelimit-category` extension: operations sharing an `x-ratelimit-category` share one quota.
// Each bucket holds `limit` tokens and refills continuously at limit/60 s, so a burst of `limit`
// requests passes and the steady rate is `limit` per minute. The bucket is the core's pure one,
// the same the client paces itself with.
import { TokenBucket } from '../core/rate/token-bucket';

export const DEFAULT_LIMITS_PER_MINUTE: Readonly<Record<string, number>> = {
  ads_write: 400, // Standard access, provisional (Pinterest's rate-limit page)
  ads_read: 1000,
  org_read: 1000,
};

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until at least one request is allowed again (0 when allowed now). */
  resetSeconds: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly limits: Readonly<Record<string, number>>,
    private readonly now: () => number,
    /** Bucket capacity; default one minute's worth, as Pinterest allows. A small burst makes a
     * short benchmark limit-bound from the start. */
    private readonly burst?: number,
  ) {}

  limitOf(category: string): number | undefined {
    return this.limits[category];
  }

  /** Takes one token for `key` in `category`; unknown categories are not limited (undefined). */
  take(key: string, category: string): RateDecision | undefined {
    const limit = this.limits[category];
    if (limit === undefined || limit <= 0) return undefined;
    const id = `${category}\u0000${key}`;
    const now = this.now();
    let bucket = this.buckets.get(id);
    if (!bucket) this.buckets.set(id, (bucket = new TokenBucket(limit, this.burst ?? limit, now)));
    if (bucket.take(now)) return { allowed: true, limit, remaining: bucket.remaining(now), resetSeconds: 0 };
    return { allowed: false, limit, remaining: 0, resetSeconds: Math.max(1, Math.ceil(bucket.waitMs(now) / 1000)) };
  }
}
