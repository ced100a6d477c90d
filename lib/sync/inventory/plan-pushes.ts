import type { InventoryAdjustmentItem } from '../../bigcommerce/api/types';
import { DEFAULT_LOCATION_ID, MAX_ITEMS_PER_ADJUSTMENT } from './policy';

/** What planning needs to know about one SKU. */
export interface PlanRow {
  whistlSku: string;
  bcSku: string | null;
  trackingMode: string | null;
  productId: number | null;
  variantId: number | null;
  target: number | null;
  lastPushed: number | null;
  orphan: 'NONE' | 'BIGCOMMERCE_ONLY' | 'WHISTL_ONLY';
}

export interface PlannedPush {
  whistlSku: string;
  target: number;
  item: InventoryAdjustmentItem;
}

export interface PushPlan {
  /** Requests to send, each at most `maxPerRequest` items. */
  batches: PlannedPush[][];
  changed: number;
  unchanged: number;
  /** Targets that changed but cannot be pushed (no identifier), with why. */
  blocked: Array<{ whistlSku: string; reason: string }>;
}

/**
 * The adjustment item for a SKU, by the identifier its tracking mode needs: product tracking is
 * adjusted by product id, variant tracking by variant id. Null with a reason otherwise.
 */
export function adjustmentItemFor(row: PlanRow, quantity: number, locationId: number): { item: InventoryAdjustmentItem } | { reason: string } {
  if (row.trackingMode === 'product' && row.productId !== null) return { item: { locationId, quantity, productId: row.productId } };
  if (row.trackingMode === 'variant' && row.variantId !== null) return { item: { locationId, quantity, variantId: row.variantId } };
  if (row.trackingMode === 'none') return { reason: 'Inventory tracking is off for this item in BigCommerce' };
  return { reason: 'The BigCommerce item and its tracking mode are not known yet (the next full reconciliation reads them)' };
}

/**
 * Only targets that differ from what was last pushed, and only for SKUs matched on both sides,
 * split into requests of at most 2000 items. Pure.
 */
export function planPushes(rows: readonly PlanRow[], options: { locationId?: number; maxPerRequest?: number } = {}): PushPlan {
  const locationId = options.locationId ?? DEFAULT_LOCATION_ID;
  const max = options.maxPerRequest ?? MAX_ITEMS_PER_ADJUSTMENT;
  const pushes: PlannedPush[] = [];
  const blocked: PushPlan['blocked'] = [];
  let unchanged = 0;
  for (const row of rows) {
    if (row.orphan !== 'NONE' || row.target === null) continue;
    if (row.target === row.lastPushed) {
      unchanged += 1;
      continue;
    }
    const resolved = adjustmentItemFor(row, row.target, locationId);
    if ('reason' in resolved) blocked.push({ whistlSku: row.whistlSku, reason: resolved.reason });
    else pushes.push({ whistlSku: row.whistlSku, target: row.target, item: resolved.item });
  }
  const batches: PlannedPush[][] = [];
  for (let index = 0; index < pushes.length; index += max) batches.push(pushes.slice(index, index + max));
  return { batches, changed: pushes.length + blocked.length, unchanged, blocked };
}
