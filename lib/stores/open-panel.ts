import { createSession } from '../auth/session';
import type { SignedPayload } from '../bigcommerce/signed-payload';
import type { PrismaClient } from '../generated/prisma/client';

export class StoreNotInstalledError extends Error {
  override name = 'StoreNotInstalledError';
  constructor(storeHash: string) {
    super(`The app is not installed on store ${storeHash} (or was uninstalled). Install it from the BigCommerce control panel first.`);
  }
}

/**
 * The load callback: a BigCommerce user opens the app. The store must be installed; the user is
 * created on first visit (the store owner as ADMIN, anyone else with the store's default role)
 * and gets a fresh session.
 */
export async function openPanel(
  db: PrismaClient,
  payload: SignedPayload,
  sessionSecret: string,
): Promise<{ sessionToken: string; storeId: string; userId: string }> {
  return db.$transaction(async (tx) => {
    const store = await tx.store.findUnique({ where: { hash: payload.storeHash }, include: { settings: true } });
    if (!store || store.status !== 'INSTALLED') throw new StoreNotInstalledError(payload.storeHash);
    const user = await tx.user.upsert({
      where: { bcUserId: payload.user.id },
      create: { bcUserId: payload.user.id, email: payload.user.email },
      update: { email: payload.user.email },
    });
    const isOwner = payload.user.id === payload.owner.id;
    const membership = await tx.storeUser.findUnique({ where: { storeId_userId: { storeId: store.id, userId: user.id } } });
    if (!membership) {
      await tx.storeUser.create({
        data: { storeId: store.id, userId: user.id, isOwner, role: isOwner ? 'ADMIN' : (store.settings?.defaultUserRole ?? 'CX') },
      });
    } else if (isOwner && (!membership.isOwner || membership.role !== 'ADMIN')) {
      // Ownership can move in BigCommerce; the owner is always an admin here.
      await tx.storeUser.update({ where: { id: membership.id }, data: { isOwner: true, role: 'ADMIN' } });
    }
    const sessionToken = await createSession(tx, { storeId: store.id, userId: user.id }, sessionSecret);
    return { sessionToken, storeId: store.id, userId: user.id };
  });
}
