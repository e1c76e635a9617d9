/**
 * Bounded crash recovery for the language server: restart after a crash, but at most
 * `max` times within `windowMs`; then stay down and tell the user (with Show Log / Restart). Pure.
 */
export class RestartBudget {
  private crashes: number[] = [];

  constructor(
    readonly max = 4,
    readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when one more restart is allowed. */
  crashed(): boolean {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < this.windowMs);
    this.crashes.push(t);
    return this.crashes.length <= this.max;
  }

  /** A manual restart (the Restart Language Server command) starts a fresh budget. */
  reset(): void {
    this.crashes = [];
  }

  get recent(): number {
    return this.crashes.length;
  }
}
