/**
 * Deadlines that share one timer: each entry is armed with the same timeout, so entries expire in
 * the order they were armed and a sweep stops at the first one still in time. The proxy arms one
 * per upstream request (headers must arrive in time); a timer per request cost more than the
 * bookkeeping around it at thousands of requests per second.
 */
export class Deadlines<T> {
  private readonly armed = new Map<T, number>();
  private timer: NodeJS.Timeout | undefined;
  /** Sweeps this often: an entry expires at most this much later than its timeout. */
  private readonly sweepMs: number;

  constructor(
    private readonly timeoutMs: number,
    private readonly onExpired: (entry: T) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.sweepMs = Math.max(5, Math.min(1000, Math.floor(timeoutMs / 10)));
  }

  arm(entry: T): void {
    // Re-armed entries move to the end, which keeps the map in deadline order.
    this.armed.delete(entry);
    this.armed.set(entry, this.now() + this.timeoutMs);
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.sweep(), this.sweepMs);
      this.timer.unref();
    }
  }

  disarm(entry: T): void {
    this.armed.delete(entry);
  }

  get size(): number {
    return this.armed.size;
  }

  /** Expires what is due; stops the timer when nothing is left to watch. */
  sweep(): void {
    const now = this.now();
    for (const [entry, deadline] of this.armed) {
      if (deadline > now) break;
      this.armed.delete(entry);
      this.onExpired(entry);
    }
    if (this.armed.size === 0) this.stop();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
