import type { DbClient } from '../../db/types';
import { toWhistlSku } from '../rules';
import type { SkuRules } from '../types';
import { IN_FLIGHT_STATES } from './policy';

/**
 * Units per Whistl SKU in the store's BigCommerce orders that Whistl has not accepted yet
 * (order states PENDING, EXPORTING, HELD, FAILED). BigCommerce took these units off its own
 * stock when the order was placed; Whistl's free stock still counts them until the order
 * reaches it, so a push that ignored them would re-open sold stock. BigCommerce SKUs are
 * translated through the same rules as the export; a SKU the rules reject cannot be matched
 * to a Whistl SKU and is left out (the export holds that order on an INVALID_SKU exception).
 */
export async function inFlightUnitsByWhistlSku(db: DbClient, storeId: string, rules: SkuRules): Promise<Map<string, number>> {
  const groups = await db.orderSyncLine.groupBy({
    by: ['bcSku'],
    where: { storeId, orderSync: { storeId, state: { in: [...IN_FLIGHT_STATES] } } },
    _sum: { quantity: true },
  });
  const units = new Map<string, number>();
  for (const group of groups) {
    const quantity = group._sum.quantity ?? 0;
    if (quantity <= 0) continue;
    const resolved = toWhistlSku(group.bcSku, rules);
    if (!('sku' in resolved)) continue;
    units.set(resolved.sku, (units.get(resolved.sku) ?? 0) + quantity);
  }
  return units;
}
