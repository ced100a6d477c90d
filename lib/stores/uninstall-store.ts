import type { PrismaClient } from '../generated/prisma/client';
import { deleteOrphanUsers, purgeStoreData } from './purge-store-data';

/** Idempotent: BigCommerce may call uninstall twice, or for a store we never saw. */
export async function uninstallStore(db: PrismaClient, storeHash: string): Promise<'uninstalled' | 'already-uninstalled'> {
  return db.$transaction(async (tx) => {
    const store = await tx.store.findUnique({ where: { hash: storeHash } });
    if (!store || store.status === 'UNINSTALLED') return 'already-uninstalled';
    await purgeStoreData(tx, store.id);
    await tx.store.update({
      where: { id: store.id },
      data: {
        status: 'UNINSTALLED',
        accessTokenEnc: null,
        webhookSecretEnc: null,
        whistlWebhookSecretEnc: null,
        orderWatermark: null,
        despatchWatermark: null,
        stockWatermark: null,
        lastFullStockSyncAt: null,
        appExtensionId: null,
        uninstalledAt: new Date(),
      },
    });
    return 'uninstalled';
  });
}

/** Idempotent: removes one BigCommerce user's access to one store, and their sessions there. */
export async function removeStoreUser(db: PrismaClient, storeHash: string, bcUserId: number): Promise<'removed' | 'not-found'> {
  return db.$transaction(async (tx) => {
    const store = await tx.store.findUnique({ where: { hash: storeHash } });
    const user = await tx.user.findUnique({ where: { bcUserId } });
    if (!store || !user) return 'not-found';
    await tx.session.deleteMany({ where: { storeId: store.id, userId: user.id } });
    const removed = await tx.storeUser.deleteMany({ where: { storeId: store.id, userId: user.id } });
    await deleteOrphanUsers(tx, [user.id]);
    return removed.count > 0 ? 'removed' : 'not-found';
  });
}
