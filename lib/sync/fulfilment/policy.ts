import { DESPATCHED_STATUS_IDS, isDespatched, ORDER_STATUS } from '../../whistl';

/** Retry policy of shipment write-backs: transient failures only, same backoff as the export. */
export const MAX_WRITEBACK_ATTEMPTS = 6;

/** A claimed write-back belongs to its runner this long. */
export const WRITEBACK_LEASE_MS = 5 * 60_000;

/** The despatch poll re-reads this far before its watermark, so despatches recorded late are not missed. */
export const DESPATCH_POLL_OVERLAP_MS = 15 * 60_000;

/** A store's first despatch poll looks back this far. */
export const FIRST_DESPATCH_POLL_LOOKBACK_MS = 7 * 24 * 60 * 60_000;

/** Whistl orders a poll reads at most per store and tick (pages of 100). */
export const MAX_POLLED_ORDERS_PER_STORE = 2_000;

/** BigCommerce order statuses the fulfilment side cares about. */
export const BC_SHIPPED_STATUS_IDS: readonly number[] = [2, 3];
export const BC_CANCELLED_STATUS_ID = 5;

/** Whistl states that end an order's life: it never leaves them. */
export const TERMINAL_STATUS_IDS: readonly number[] = [...DESPATCHED_STATUS_IDS, ORDER_STATUS.CANCELLED];

export function isTerminalWhistlStatus(statusId: number): boolean {
  return TERMINAL_STATUS_IDS.includes(statusId);
}

/** The drift check never looks further back than this (a store's first tick would otherwise list a week of shipped orders). */
export const MAX_DRIFT_LOOKBACK_MS = 24 * 60 * 60_000;

/**
 * Status only moves forward: a despatched or cancelled order never goes back to a working state
 * (a stale webhook or an old list page cannot undo what we already learnt). Between despatched
 * states (4 -> 5 -> 6) and between working states, the newer news wins.
 */
export function nextWhistlStatus(known: number | null, observed: number): number {
  if (known === null) return observed;
  if (isDespatched(known)) return isDespatched(observed) ? observed : known;
  if (known === ORDER_STATUS.CANCELLED) return known;
  return observed;
}
