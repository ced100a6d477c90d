import type { DbClient } from '../../db/types';
import { CLAIM_LEASE_MS } from './policy';

export interface ClaimedOrder {
  id: string;
  storeId: string;
  bcOrderId: number;
  /** The previous runner's lease ran out: it may have sent a create we never heard back from. */
  reclaimed: boolean;
  /** A sweep left the order as listed, so it may need no read at all. */
  hasSnapshot: boolean;
}

const DUE = `((state = 'PENDING' AND "nextAttemptAt" <= $1) OR (state = 'EXPORTING' AND "leaseUntil" < $1))`;

/** Is any order record (of any store) due at `now`? */
export async function hasDueOrders(db: DbClient, now: Date): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "OrderSync" WHERE ${DUE} LIMIT 1`, now);
  return rows.length > 0;
}

/**
 * Claims up to `limit` due order records for this runner, in one short transaction:
 * FOR UPDATE SKIP LOCKED lets any number of runners (instances, overlapping cron calls) share
 * the queue without ever taking the same row. A row whose runner died is claimable again once
 * its lease has run out.
 */
export async function claimDueOrders(db: DbClient, now: Date, limit: number): Promise<ClaimedOrder[]> {
  const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_MS);
  return db.$queryRawUnsafe<ClaimedOrder[]>(
    `UPDATE "OrderSync" AS o
       SET state = 'EXPORTING', "leaseUntil" = $2, "recheckRequested" = false,
           "outcomeUnknown" = o."outcomeUnknown" OR o.state = 'EXPORTING', "updatedAt" = now()
     FROM (
       SELECT id, state = 'EXPORTING' AS reclaimed FROM "OrderSync"
       WHERE ${DUE}
       ORDER BY "nextAttemptAt"
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     ) AS due
     WHERE o.id = due.id
     RETURNING o.id, o."storeId", o."bcOrderId", due.reclaimed, (o."bcSnapshot" IS NOT NULL) AS "hasSnapshot"`,
    now,
    leaseUntil,
    limit,
  );
}
