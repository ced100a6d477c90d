/**
 * Per-store request quota per fixed window (BigCommerce: 150 per 30 s on Standard/Plus), with
 * the X-Rate-Limit-* headers on every response and 429 when the window is spent. Fault knob:
 * a 429 storm, optionally without the headers (platform load).
 */
import type { StoreState } from './model';

export interface RateDecision {
  allowed: boolean;
  /** Headers to send; empty for a header-less storm 429. */
  headers: Record<string, string>;
}

function rollWindow(store: StoreState, now: number): void {
  if (now - store.rate.startedAt >= store.quota.windowMs) {
    store.rate.startedAt = now;
    store.rate.used = 0;
  }
}

export function rateHeaders(store: StoreState, now: number): Record<string, string> {
  rollWindow(store, now);
  const resetMs = Math.max(0, store.rate.startedAt + store.quota.windowMs - now);
  return {
    'X-Rate-Limit-Requests-Left': String(Math.max(0, store.quota.requests - store.rate.used)),
    'X-Rate-Limit-Time-Reset-Ms': String(resetMs),
    'X-Rate-Limit-Requests-Quota': String(store.quota.requests),
    'X-Rate-Limit-Time-Window-Ms': String(store.quota.windowMs),
  };
}

/** Counts one request against the store's window (or refuses it). */
export function takeRequest(store: StoreState, now: number): RateDecision {
  if (now < store.faults.stormUntil) {
    if (!store.faults.stormWithHeaders) return { allowed: false, headers: {} };
    const headers = rateHeaders(store, now);
    headers['X-Rate-Limit-Requests-Left'] = '0';
    headers['X-Rate-Limit-Time-Reset-Ms'] = String(Math.max(1, store.faults.stormUntil - now));
    return { allowed: false, headers };
  }
  rollWindow(store, now);
  if (store.rate.used >= store.quota.requests) {
    return { allowed: false, headers: rateHeaders(store, now) };
  }
  store.rate.used += 1;
  return { allowed: true, headers: rateHeaders(store, now) };
}
