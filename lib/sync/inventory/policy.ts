/** Timing and size rules of the inventory sync. */

/** Each delta read starts this long before the watermark, so changes written during a read are not missed. */
export const STOCK_FEED_OVERLAP_MS = 10 * 60_000;

/** BigCommerce takes at most this many items per inventory adjustment request. */
export const MAX_ITEMS_PER_ADJUSTMENT = 2000;

/** The inventory location adjusted: BigCommerce's default location (the sandbox has only this one). */
export const DEFAULT_LOCATION_ID = 1;

/** Order states whose units BigCommerce has taken off stock but Whistl has not accepted yet. */
export const IN_FLIGHT_STATES = ['PENDING', 'EXPORTING', 'HELD', 'FAILED'] as const;

/** A run that started this long ago without finishing is presumed dead; another may start. */
export const RUN_STALE_MS = 10 * 60_000;

/** Bounds of the settings the panel accepts. */
export const MIN_INTERVAL_MINUTES = 1;
export const MAX_INTERVAL_MINUTES = 24 * 60;
export const MAX_FULL_INTERVAL_MINUTES = 7 * 24 * 60;
export const MAX_BUFFER = 1_000_000;

/** The adjustment reason BigCommerce records. */
export const ADJUSTMENT_REASON = 'Whistl stock sync';
