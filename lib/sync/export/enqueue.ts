import type { DbClient } from '../../db/types';
import { BC_STATUS } from './policy';

export interface OrderNews {
  /** e.g. "webhook store/order/statusUpdated" or "sweep". */
  source: string;
  /** New BigCommerce status when the news says (statusUpdated payloads do). */
  newStatusId?: number;
  archived?: boolean;
  /** The order as listed by a sweep, so processing need not read it again. */
  snapshot?: unknown;
  dateModified?: Date;
}

/**
 * Records that an order may need work. One statement, safe against concurrent webhooks, sweeps
 * and runners:
 * - new order: a PENDING row;
 * - HELD or SKIPPED: back to PENDING (an edit or a status change may have fixed it);
 * - EXPORTED: only a cancel or archive matters (re-queued with cancelRequested);
 * - held by a runner right now: flagged, and the runner re-queues it when it finishes.
 * Returns whether the row is now waiting to be processed.
 */
export async function enqueueOrder(db: DbClient, storeId: string, bcOrderId: number, news: OrderNews): Promise<boolean> {
  const cancels = news.archived === true || news.newStatusId === BC_STATUS.CANCELLED;
  const snapshot = news.snapshot === undefined ? null : JSON.stringify(news.snapshot);
  const rows = await db.$queryRawUnsafe<Array<{ state: string; inserted: boolean }>>(
    `INSERT INTO "OrderSync" (id, "storeId", "bcOrderId", state, "nextAttemptAt", "cancelRequested", "bcSnapshot", "bcDateModified", "updatedAt")
     VALUES (gen_random_uuid(), $1::uuid, $2, 'PENDING', now(), $3, $4::jsonb, $5, now())
     ON CONFLICT ("storeId", "bcOrderId") DO UPDATE SET
       state = CASE
         WHEN "OrderSync".state IN ('HELD', 'SKIPPED') THEN 'PENDING'::"OrderSyncState"
         WHEN "OrderSync".state = 'EXPORTED' AND $3 THEN 'PENDING'::"OrderSyncState"
         ELSE "OrderSync".state END,
       "nextAttemptAt" = CASE
         WHEN "OrderSync".state IN ('HELD', 'SKIPPED') OR ("OrderSync".state = 'EXPORTED' AND $3) THEN now()
         ELSE "OrderSync"."nextAttemptAt" END,
       "cancelRequested" = "OrderSync"."cancelRequested" OR ($3 AND "OrderSync".state IN ('EXPORTED', 'EXPORTING', 'PENDING')),
       "recheckRequested" = "OrderSync"."recheckRequested" OR "OrderSync".state = 'EXPORTING',
       "bcSnapshot" = CASE WHEN $4::jsonb IS NOT NULL THEN $4::jsonb ELSE "OrderSync"."bcSnapshot" END,
       "bcDateModified" = COALESCE($5, "OrderSync"."bcDateModified"),
       "updatedAt" = now()
     RETURNING state::text AS state, (xmax = 0) AS inserted`,
    storeId,
    bcOrderId,
    cancels,
    snapshot,
    news.dateModified ?? null,
  );
  const row = rows[0];
  if (row?.inserted) {
    await db.orderSyncEvent.create({
      data: {
        storeId,
        orderSyncId: (await db.orderSync.findUniqueOrThrow({ where: { storeId_bcOrderId: { storeId, bcOrderId } }, select: { id: true } })).id,
        kind: 'RECEIVED',
        message: `Order ${bcOrderId} received (${news.source})`,
      },
    });
  }
  return row?.state === 'PENDING';
}
