/**
 * Per-store request budget, learned from BigCommerce's `X-Rate-Limit-*` headers.
 *
 * The quota is per store and shared by every app on it, so one limiter is shared by all clients
 * of a store in this process (`getStoreRateLimiter`). A request only STARTS when the current
 * window can afford it (requests left minus requests already in flight, minus the reserve its
 * priority must leave for more urgent work); otherwise it waits for the window to reset.
 */

export type RequestPriority = 'high' | 'normal' | 'low';

const PRIORITY_ORDER: Record<RequestPriority, number> = { high: 0, normal: 1, low: 2 };

export interface RateLimitHeaders {
  requestsLeft: number | undefined;
  timeResetMs: number | undefined;
  requestsQuota: number | undefined;
  timeWindowMs: number | undefined;
}

export interface RateLimiterOptions {
  /** Share of the window's quota each priority must leave unused. Default high 0, normal 0.05, low 0.25. */
  reserveFraction?: Partial<Record<RequestPriority, number>>;
  /** First back-off after a 429 without rate-limit headers (platform load). Default 5000 ms. */
  platformBackoffMs?: number;
  /** Cap for the doubling platform back-off. Default 60000 ms. */
  maxPlatformBackoffMs?: number;
  /** Assumed quota before the first response tells the real one. Default 150 (Standard plan). */
  assumedQuota?: number;
  now?: () => number;
}

export interface RateLimiterStats {
  requestsSent: number;
  throttled: number;
  throttledWithoutHeaders: number;
  waitsForWindow: number;
  inFlight: number;
  queued: number;
}

interface Waiter {
  priority: RequestPriority;
  seq: number;
  resolve: () => void;
}

export function readRateLimitHeaders(headers: Headers): RateLimitHeaders {
  const read = (name: string): number | undefined => {
    const raw = headers.get(name); // Headers.get is case-insensitive.
    if (raw === null || raw.trim() === '') return undefined;
    const value = Number(raw);
    return Number.isFinite(value) && value >= 0 ? value : undefined;
  };
  return {
    requestsLeft: read('x-rate-limit-requests-left'),
    timeResetMs: read('x-rate-limit-time-reset-ms'),
    requestsQuota: read('x-rate-limit-requests-quota'),
    timeWindowMs: read('x-rate-limit-time-window-ms'),
  };
}

export class StoreRateLimiter {
  private readonly reserve: Record<RequestPriority, number>;
  private readonly platformBackoffMs: number;
  private readonly maxPlatformBackoffMs: number;
  private readonly now: () => number;
  private quota: number;
  private windowMs = 30_000;
  /** Requests the server said were left in the current window; undefined = not told. */
  private left: number | undefined;
  /** False until the first response: meanwhile one probe request at a time. */
  private heardBack = false;
  private windowResetAt = 0;
  private pausedUntil = 0;
  private platformStrikes = 0;
  private inFlight = 0;
  private seq = 0;
  private waiters: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly counters = { requestsSent: 0, throttled: 0, throttledWithoutHeaders: 0, waitsForWindow: 0 };

  constructor(options: RateLimiterOptions = {}) {
    this.reserve = { high: 0, normal: 0.05, low: 0.25, ...options.reserveFraction };
    this.platformBackoffMs = options.platformBackoffMs ?? 5_000;
    this.maxPlatformBackoffMs = options.maxPlatformBackoffMs ?? 60_000;
    this.quota = options.assumedQuota ?? 150;
    this.now = options.now ?? Date.now;
  }

  /** Resolves when a request of this priority may start; the caller must later call `release`. */
  acquire(priority: RequestPriority = 'normal'): Promise<void> {
    if (this.waiters.length === 0 && this.canStart(priority)) {
      this.start();
      return Promise.resolve();
    }
    this.counters.waitsForWindow += 1;
    return new Promise<void>((resolve) => {
      this.waiters.push({ priority, seq: this.seq++, resolve });
      this.waiters.sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || a.seq - b.seq);
      this.drain();
    });
  }

  /** Records the outcome of a started request. `status` is undefined when no response arrived. */
  release(status: number | undefined, headers: Headers | undefined): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (headers) {
      this.heardBack = true;
      this.observe(status, readRateLimitHeaders(headers));
    }
    this.drain();
  }

  /** Milliseconds a caller should wait after the last 429 (0 when not paused). */
  pauseRemainingMs(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  stats(): RateLimiterStats {
    return { ...this.counters, inFlight: this.inFlight, queued: this.waiters.length };
  }

  private observe(status: number | undefined, limits: RateLimitHeaders): void {
    const now = this.now();
    const hasLimits = limits.requestsLeft !== undefined || limits.timeResetMs !== undefined;
    if (limits.requestsQuota !== undefined && limits.requestsQuota > 0) this.quota = limits.requestsQuota;
    if (limits.timeWindowMs !== undefined && limits.timeWindowMs > 0) this.windowMs = limits.timeWindowMs;
    const resetAt = limits.timeResetMs === undefined ? this.windowResetAt : now + limits.timeResetMs;
    // Responses can arrive out of order: within one window the smallest count left is the truth.
    const sameWindow = this.left !== undefined && Math.abs(resetAt - this.windowResetAt) < this.windowMs / 2;
    if (limits.requestsLeft !== undefined) {
      this.left = sameWindow && this.left !== undefined ? Math.min(this.left, limits.requestsLeft) : limits.requestsLeft;
    }
    this.windowResetAt = resetAt;
    if (status === 429) {
      this.counters.throttled += 1;
      if (hasLimits) {
        this.left = 0;
        this.pausedUntil = Math.max(this.pausedUntil, now + (limits.timeResetMs ?? this.platformBackoffMs));
      } else {
        // No headers: the platform itself is overloaded. Back off harder, doubling each time.
        this.counters.throttledWithoutHeaders += 1;
        const backoff = Math.min(this.maxPlatformBackoffMs, this.platformBackoffMs * 2 ** this.platformStrikes);
        this.platformStrikes += 1;
        this.pausedUntil = Math.max(this.pausedUntil, now + backoff * (1 + Math.random() * 0.2));
      }
    } else if (status !== undefined && status < 500) {
      this.platformStrikes = 0;
    }
  }

  private canStart(priority: RequestPriority): boolean {
    const now = this.now();
    if (now < this.pausedUntil) return false;
    // Another app (or an earlier process) may have spent the window: probe before a burst.
    if (!this.heardBack) return this.inFlight === 0;
    // Never reserve the whole window, or low-priority work could starve forever on a tiny quota.
    const reserved = Math.min(Math.ceil(this.quota * this.reserve[priority]), this.quota - 1);
    // A server that sends no rate-limit headers: assume one full window per request wave.
    if (this.left === undefined) return this.quota - this.inFlight - reserved > 0;
    if (now >= this.windowResetAt) {
      // The window we knew about has ended: a fresh one starts with the full quota.
      this.left = this.quota;
      this.windowResetAt = now + this.windowMs;
    }
    return this.left - this.inFlight - reserved > 0;
  }

  private start(): void {
    this.inFlight += 1;
    this.counters.requestsSent += 1;
  }

  private drain(): void {
    while (this.waiters.length > 0) {
      const startable = this.waiters.findIndex((waiter) => this.canStart(waiter.priority));
      if (startable === -1) break;
      const [waiter] = this.waiters.splice(startable, 1);
      if (!waiter) break;
      this.start();
      waiter.resolve();
    }
    this.scheduleWake();
  }

  private scheduleWake(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.waiters.length === 0) return;
    const now = this.now();
    const wakeAt = Math.max(this.pausedUntil, this.windowResetAt);
    if (wakeAt <= now && this.inFlight > 0) return; // the next release() drains the queue.
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.drain();
      },
      Math.max(wakeAt - now, 10) + 1,
    );
  }
}

const storeLimiters = new Map<string, StoreRateLimiter>();

/** The process-wide limiter of one store (created on first use). */
export function getStoreRateLimiter(storeHash: string, options?: RateLimiterOptions): StoreRateLimiter {
  let limiter = storeLimiters.get(storeHash);
  if (!limiter) {
    limiter = new StoreRateLimiter(options);
    storeLimiters.set(storeHash, limiter);
  }
  return limiter;
}
