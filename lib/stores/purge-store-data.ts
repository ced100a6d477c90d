import type { DbClient } from '../db/types';

/**
 * Removes everything the app holds for a store except the store row itself, which stays as an
 * UNINSTALLED tombstone (so a late load is refused clearly and a re-install is an upsert).
 * Every store-owned table must be listed here.
 */
export async function purgeStoreData(db: DbClient, storeId: string): Promise<void> {
  // Order records first: their events, links and exceptions go with them (cascade).
  await db.shipmentWriteBack.deleteMany({ where: { storeId } });
  await db.orderSync.deleteMany({ where: { storeId } });
  await db.inventorySku.deleteMany({ where: { storeId } });
  await db.inventoryRun.deleteMany({ where: { storeId } });
  await db.alertDelivery.deleteMany({ where: { storeId } });
  await db.alertChannel.deleteMany({ where: { storeId } });
  await db.syncException.deleteMany({ where: { storeId } });
  await db.shippingMapping.deleteMany({ where: { storeId } });
  await db.skuAlias.deleteMany({ where: { storeId } });
  await db.auditLog.deleteMany({ where: { storeId } });
  await db.webhookEvent.deleteMany({ where: { storeId } });
  await db.catalogScan.deleteMany({ where: { storeId } });
  await db.integrationAudit.deleteMany({ where: { storeId } });
  await db.session.deleteMany({ where: { storeId } });
  await db.storeUser.deleteMany({ where: { storeId } });
  await db.whistlConnection.deleteMany({ where: { storeId } });
  await db.storeSettings.deleteMany({ where: { storeId } });
  await deleteOrphanUsers(db);
}

/** Users who belong to no store any more: their email is personal data we no longer need. */
export async function deleteOrphanUsers(db: DbClient, userIds?: string[]): Promise<void> {
  await db.user.deleteMany({ where: { stores: { none: {} }, ...(userIds ? { id: { in: userIds } } : {}) } });
}
