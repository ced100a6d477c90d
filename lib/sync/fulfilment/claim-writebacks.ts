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
 *
 * The parts of a split share their address's lines, so a claim takes at most one part per address
 * and none while another part is in a runner's hands (the part lease makes this exact under races).
 */
export async function claimDueWriteBacks(db: DbClient, now: Date, limit: number): Promise<ClaimedWriteBack[]> {
  const leaseUntil = new Date(now.getTime() + WRITEBACK_LEASE_MS);
  // Checked on the locked row as well as in the per-address pick: a row another runner claimed
  // between the two is re-evaluated by FOR UPDATE against its new state and skipped.
  const dueIn = (t: string) => `((${t}.state = 'PENDING' AND ${t}."nextAttemptAt" <= $1) OR (${t}.state = 'WORKING' AND ${t}."leaseUntil" < $1))`;
  return db.$queryRawUnsafe<ClaimedWriteBack[]>(
    `UPDATE "ShipmentWriteBack" AS w
       SET state = 'WORKING', "leaseUntil" = $2, "updatedAt" = now()
     FROM (
       SELECT q.id, q.state = 'WORKING' AS reclaimed FROM "ShipmentWriteBack" AS q
       WHERE ${dueIn('q')}
         AND q.id IN (
           SELECT DISTINCT ON (c."orderSyncId", c."orderAddressId") c.id FROM "ShipmentWriteBack" AS c
           WHERE ${dueIn('c')}
             AND NOT EXISTS (
               SELECT 1 FROM "ShipmentWriteBack" AS busy
               WHERE busy."orderSyncId" = c."orderSyncId" AND busy."orderAddressId" = c."orderAddressId"
                 AND busy.id <> c.id AND busy.state = 'WORKING' AND busy."leaseUntil" >= $1
             )
           ORDER BY c."orderSyncId", c."orderAddressId", c.part
         )
       ORDER BY q."nextAttemptAt"
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
