/**
 * One token bucket, as Pinterest meters its quotas (developers.pinterest.com/docs/reference/rate-limits):
 * `capacity` tokens, refilled continuously at `perMinute` per minute. Pure and clock-free: the
 * caller passes the time, so the simulator (answering 429s) and the client (pacing itself) share it.
 */
export class TokenBucket {
  private tokens: number;
  private readonly perMs: number;

  constructor(
    perMinute: number,
    /** Requests allowed back to back; at least one. */
    readonly capacity: number,
    private at: number,
  ) {
    this.perMs = perMinute / 60_000;
    this.capacity = Math.max(1, capacity);
    this.tokens = this.capacity;
  }

  /** Takes one token at time `now` if there is one. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole tokens left at `now`. */
  remaining(now: number): number {
    this.refill(now);
    return Math.floor(this.tokens);
  }

  /** Milliseconds from `now` until one token is there (0 when there is one). */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.perMs;
  }

  /** Empties the bucket (the server said the quota is spent). */
  drain(now: number): void {
    this.refill(now);
    this.tokens = 0;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.at) * this.perMs);
    this.at = now;
  }
}
