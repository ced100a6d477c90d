/** Retry policy of the export: transient failures only, exponential backoff with jitter, capped. */
export const MAX_EXPORT_ATTEMPTS = 6;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 30 * 60_000;

/** Delay before attempt `attempt + 1` (attempt counts from 1): 30 s, 1 min, 2 min… up to 30 min, ±20 %. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** A claimed row belongs to its runner this long; a runner that dies loses it after that. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** How far before the watermark a sweep starts again, so orders modified during a sweep are not missed. */
export const SWEEP_OVERLAP_MS = 10 * 60_000;

/** A store's first sweep looks back this far. */
export const FIRST_SWEEP_LOOKBACK_MS = 24 * 60 * 60_000;

export const BC_STATUS = { PENDING: 1, SHIPPED: 2, PARTIALLY_SHIPPED: 3, CANCELLED: 5, DECLINED: 6, AWAITING_FULFILLMENT: 11 } as const;
export const WHISTL_STATUS_NEW = 1;
export const WHISTL_STATUS_CANCELLED = 3;
