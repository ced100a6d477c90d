import type { DbClient } from '../../db/types';
import { WRITEBACK_LEASE_MS } from './policy';

/**
 * The parts of a split despatch are separate write-backs planned against the same address lines.
 * Two runners planning at once would both hand the same units to the first matching line, and
 * BigCommerce would refuse the second shipment; so one part at a time holds the address's lease
 * (a conditional update, atomic under concurrent runners) and the others wait a moment.
 */

/** How long a part waits when another part of its order is being written back. */
export const PART_WAIT_MS = 3_000;

export interface PartLeaseKey {
  writeBackId: string;
  orderSyncId: string;
  orderAddressId: number;
}

/** True when this write-back now holds the lease (or already did, after its runner died). */
export async function takePartLease(db: DbClient, key: PartLeaseKey, now: Date): Promise<boolean> {
  const { count } = await db.whistlOrderLink.updateMany({
    where: {
      orderSyncId: key.orderSyncId,
      orderAddressId: key.orderAddressId,
      OR: [{ writeBackLeaseUntil: null }, { writeBackLeaseUntil: { lt: now } }, { writeBackLeaseBy: key.writeBackId }],
    },
    data: { writeBackLeaseBy: key.writeBackId, writeBackLeaseUntil: new Date(now.getTime() + WRITEBACK_LEASE_MS) },
  });
  if (count > 0) return true;
  // No link to share (it was removed with its order): nothing to wait for.
  return (await db.whistlOrderLink.count({ where: { orderSyncId: key.orderSyncId, orderAddressId: key.orderAddressId } })) === 0;
}

export async function releasePartLease(db: DbClient, key: PartLeaseKey): Promise<void> {
  await db.whistlOrderLink.updateMany({
    where: { orderSyncId: key.orderSyncId, orderAddressId: key.orderAddressId, writeBackLeaseBy: key.writeBackId },
    data: { writeBackLeaseBy: null, writeBackLeaseUntil: null },
  });
}
