import type { DbClient } from '../db/types';

/**
 * Putting orders back in the export queue. The export runner re-reads and re-validates each
 * one; exceptions whose cause is gone are resolved there, so callers only re-queue.
 */
const REQUEUEABLE = ['HELD', 'FAILED', 'SKIPPED'] as const;

export async function requeueOrders(db: DbClient, storeId: string, orderSyncIds: string[], reason: string): Promise<number> {
  const rows = await db.orderSync.findMany({
    where: { storeId, id: { in: orderSyncIds }, state: { in: [...REQUEUEABLE] } },
    select: { id: true },
  });
  return markPending(db, storeId, rows.map((r) => r.id), reason);
}

/**
 * Re-queues the held orders whose open exceptions match a cause: exactly one (`{ key:
 * "shipping:saturday courier" }`) or a family (`{ prefix: "sku" }` covers every SKU problem).
 */
export async function requeueByReason(db: DbClient, storeId: string, match: { key: string } | { prefix: string }, reason: string): Promise<number> {
  const reasonKey = 'key' in match ? { equals: match.key } : { startsWith: match.prefix };
  const exceptions = await db.syncException.findMany({
    where: { storeId, status: 'OPEN', reasonKey, orderSyncId: { not: null } },
    select: { orderSyncId: true },
  });
  const ids = [...new Set(exceptions.map((e) => e.orderSyncId).filter((id): id is string => id !== null))];
  return requeueOrders(db, storeId, ids, reason);
}

async function markPending(db: DbClient, storeId: string, ids: string[], reason: string): Promise<number> {
  if (ids.length === 0) return 0;
  const now = new Date();
  const { count } = await db.orderSync.updateMany({
    where: { storeId, id: { in: ids }, state: { in: [...REQUEUEABLE] } },
    data: { state: 'PENDING', nextAttemptAt: now, attempts: 0 },
  });
  await db.orderSyncEvent.createMany({
    data: ids.map((orderSyncId) => ({ storeId, orderSyncId, kind: 'REQUEUED', message: reason })),
  });
  return count;
}
