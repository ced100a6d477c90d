import type { WhistlOrderItem } from '../../whistl';
import { toWhistlSku } from '../rules';
import type { SkuRules } from '../types';
import type { ShipmentLine } from './ship-lines';

export interface ShipmentItemPlan {
  /** What the BigCommerce shipment carries: never more than is left to ship on a line. */
  items: Array<{ orderProductId: number; quantity: number }>;
  /** Units Whistl despatched that no line of the address can take (unknown SKU, or more than ordered). */
  unmatched: Array<{ sku: string; quantity: number }>;
  /** Whole (not split) despatch only: lines Whistl despatched fewer units of than were ordered. */
  short: Array<{ orderProductId: number; sku: string; ordered: number; despatched: number }>;
}

/**
 * Maps a despatched Whistl record back to BigCommerce order product ids. Lines are matched by
 * their Whistl SKU under the store's rules (the same translation the export used), and units are
 * handed to lines in order, never beyond what each line still has to ship.
 *
 * With no items from Whistl, a whole despatch ships every line of the address that is left; a
 * split part without items returns null: what the part holds is not guessed.
 */
export function planShipmentItems(
  lines: readonly ShipmentLine[],
  whistlItems: readonly WhistlOrderItem[],
  rules: SkuRules,
  options: { split: boolean },
): ShipmentItemPlan | null {
  const physical = lines.filter((line) => line.type === 'physical' && line.parentOrderProductId === null);
  const remaining = new Map(physical.map((line) => [line.orderProductId, Math.max(0, line.quantity - line.quantityShipped)]));
  if (whistlItems.length === 0) {
    if (options.split) return null;
    const items = physical.map((line) => ({ orderProductId: line.orderProductId, quantity: remaining.get(line.orderProductId) ?? 0 })).filter((i) => i.quantity > 0);
    return { items, unmatched: [], short: [] };
  }

  const whistlSkuOf = new Map<number, string>();
  for (const line of physical) {
    const resolved = toWhistlSku(line.sku, rules, { orderProductId: line.orderProductId, name: line.name });
    whistlSkuOf.set(line.orderProductId, ('sku' in resolved ? resolved.sku : line.sku.trim()).toUpperCase());
  }
  const despatchedBySku = new Map<string, number>();
  for (const item of whistlItems) {
    const key = item.sku.trim().toUpperCase();
    despatchedBySku.set(key, (despatchedBySku.get(key) ?? 0) + item.quantity);
  }

  const shipping = new Map<number, number>();
  const unmatched: ShipmentItemPlan['unmatched'] = [];
  for (const [sku, despatched] of despatchedBySku) {
    let left = despatched;
    for (const line of physical) {
      if (left <= 0) break;
      if (whistlSkuOf.get(line.orderProductId) !== sku) continue;
      const take = Math.min(left, remaining.get(line.orderProductId) ?? 0);
      if (take <= 0) continue;
      shipping.set(line.orderProductId, (shipping.get(line.orderProductId) ?? 0) + take);
      remaining.set(line.orderProductId, (remaining.get(line.orderProductId) ?? 0) - take);
      left -= take;
    }
    if (left > 0) unmatched.push({ sku, quantity: left });
  }

  const short: ShipmentItemPlan['short'] = [];
  if (!options.split) {
    // Compare with what was ordered, per Whistl SKU (a SKU may span several lines).
    const orderedBySku = new Map<string, { ordered: number; line: ShipmentLine }>();
    for (const line of physical) {
      const sku = whistlSkuOf.get(line.orderProductId) ?? '';
      const entry = orderedBySku.get(sku);
      orderedBySku.set(sku, { ordered: (entry?.ordered ?? 0) + line.quantity, line: entry?.line ?? line });
    }
    for (const [sku, { ordered, line }] of orderedBySku) {
      const despatched = despatchedBySku.get(sku) ?? 0;
      if (despatched < ordered) short.push({ orderProductId: line.orderProductId, sku: line.sku, ordered, despatched });
    }
  }
  const items = [...shipping].map(([orderProductId, quantity]) => ({ orderProductId, quantity }));
  return { items, unmatched, short };
}
