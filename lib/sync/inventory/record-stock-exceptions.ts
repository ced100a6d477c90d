import type { DbClient } from '../../db/types';
import { ownerFor } from '../rules';

/** The reason key of a SKU's stock-push exception (one open exception per SKU). */
export function stockReasonKey(whistlSku: string): string {
  return `stock:${whistlSku}`;
}

/**
 * Opens a STOCK_PUSH_FAILED exception for each SKU whose push failed again (a failure that
 * persists across runs), and resolves the open ones of SKUs that were pushed. These exceptions
 * belong to no order, so the (orderSyncId, reasonKey) key does not dedupe them: look first.
 */
export async function recordStockExceptions(
  db: DbClient,
  input: { storeId: string; persisting: Array<{ whistlSku: string; bcSku: string | null; error: string }>; recovered: string[]; ownerOverrides: unknown; now: Date },
): Promise<{ opened: number; resolved: number }> {
  const { storeId, now } = input;
  let resolved = 0;
  if (input.recovered.length > 0) {
    const result = await db.syncException.updateMany({
      where: { storeId, orderSyncId: null, type: 'STOCK_PUSH_FAILED', status: 'OPEN', reasonKey: { in: input.recovered.map(stockReasonKey) } },
      data: { status: 'RESOLVED', resolvedAt: now, resolvedBy: 'connector: stock pushed' },
    });
    resolved = result.count;
  }
  let opened = 0;
  if (input.persisting.length > 0) {
    const keys = input.persisting.map((p) => stockReasonKey(p.whistlSku));
    const existing = await db.syncException.findMany({
      where: { storeId, orderSyncId: null, type: 'STOCK_PUSH_FAILED', reasonKey: { in: keys }, status: { in: ['OPEN', 'IGNORED'] } },
      select: { id: true, reasonKey: true, status: true },
    });
    const byKey = new Map(existing.map((e) => [e.reasonKey, e]));
    const ownerTeam = ownerFor('STOCK_PUSH_FAILED', input.ownerOverrides);
    for (const failure of input.persisting) {
      const reasonKey = stockReasonKey(failure.whistlSku);
      const message = `Stock for SKU "${failure.bcSku ?? failure.whistlSku}" could not be pushed to BigCommerce: ${failure.error}`;
      const detail = { whistlSku: failure.whistlSku, bcSku: failure.bcSku, error: failure.error };
      const found = byKey.get(reasonKey);
      if (found) {
        // An ignored exception stays ignored; an open one gets the latest words.
        if (found.status === 'OPEN') await db.syncException.update({ where: { id: found.id }, data: { message, detail } });
        continue;
      }
      await db.syncException.create({ data: { storeId, type: 'STOCK_PUSH_FAILED', ownerTeam, reasonKey, message, detail } });
      opened += 1;
    }
  }
  return { opened, resolved };
}
