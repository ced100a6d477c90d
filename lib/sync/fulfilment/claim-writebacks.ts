import type { DbClient } from '../../db/types';
import { WRITEBACK_LEASE_MS } from './policy';

export interface ClaimedWriteBack {
  id: string;
  storeId: string;
  /** The previous runner's lease ran out: it may have created the shipment before it died. */
  reclaimed: boolean;
}

/**
 * Claims up to `limit` due write-backs in one short statement: FOR UPDATE SKIP LOCKED lets any
 * number of runners share the queue without taking the same row; a row whose runner died is
 * claimable again once its lease ran out (processing lists the order's shipments before creating,
 * so a create that landed before the crash is found, not repeated).
 */
export async function claimDueWriteBacks(db: DbClient, now: Date, limit: number): Promise<ClaimedWriteBack[]> {
  const leaseUntil = new Date(now.getTime() + WRITEBACK_LEASE_MS);
  return db.$queryRawUnsafe<ClaimedWriteBack[]>(
    `UPDATE "ShipmentWriteBack" AS w
       SET state = 'WORKING', "leaseUntil" = $2, "updatedAt" = now()
     FROM (
       SELECT id, state = 'WORKING' AS reclaimed FROM "ShipmentWriteBack"
       WHERE (state = 'PENDING' AND "nextAttemptAt" <= $1) OR (state = 'WORKING' AND "leaseUntil" < $1)
       ORDER BY "nextAttemptAt"
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     ) AS due
     WHERE w.id = due.id
     RETURNING w.id, w."storeId", due.reclaimed`,
    now,
    leaseUntil,
    limit,
  );
}
