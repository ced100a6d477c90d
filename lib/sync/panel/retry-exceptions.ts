import type { DbClient } from '../../db/types';
import { requeueOrders } from '../queue';

export interface RetryInput {
  /** Exceptions whose orders to re-queue (ids of other stores are ignored). */
  exceptionIds: string[];
  actorEmail: string;
}

export interface RetryResult {
  /** Orders found for the given exceptions in this store. */
  orders: number;
  /** Of those, how many went back in the export queue (HELD, FAILED and SKIPPED ones can). */
  requeued: number;
}

/**
 * Re-queues the orders of the given exceptions. The export runner re-validates each order and
 * resolves the exceptions whose cause is gone, so nothing is resolved here.
 */
export async function retryExceptions(db: DbClient, storeId: string, input: RetryInput): Promise<RetryResult> {
  const rows = await db.syncException.findMany({
    where: { storeId, id: { in: input.exceptionIds }, orderSyncId: { not: null } },
    select: { orderSyncId: true },
  });
  const orderIds = [...new Set(rows.map((r) => r.orderSyncId).filter((id): id is string => id !== null))];
  const requeued = await requeueOrders(db, storeId, orderIds, `Retry requested by ${input.actorEmail}`);
  return { orders: orderIds.length, requeued };
}
