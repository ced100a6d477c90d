/** A counting semaphore: at most `max` tasks run at once, the rest wait in arrival order. */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxConcurrency must be a positive integer, got ${max}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter, or give it back.
      if (next) next();
      else this.running -= 1;
    }
  }

  get active(): number {
    return this.running;
  }
}

const perAccount = new Map<string, ConcurrencyLimiter>();

/**
 * One limiter per Whistl account (and cap) in this process, so several client instances for
 * the same account (e.g. one per cron run) still share the cap.
 */
export function accountLimiter(accountKey: string, max: number): ConcurrencyLimiter {
  const key = `${accountKey}|${max}`;
  const existing = perAccount.get(key);
  if (existing) return existing;
  const created = new ConcurrencyLimiter(max);
  perAccount.set(key, created);
  return created;
}
