import { encryptSecret } from '../crypto';
import type { InstallGrant } from '../bigcommerce/oauth';
import type { PrismaClient } from '../generated/prisma/client';

/**
 * Records a (re-)install: the store is upserted by hash (never duplicated), its token encrypted,
 * and the installing user becomes an ADMIN. All in one transaction: nothing half-written.
 */
export async function installStore(db: PrismaClient, grant: InstallGrant): Promise<{ storeId: string; userId: string }> {
  const accessTokenEnc = encryptSecret(grant.accessToken, storeTokenContext(grant.storeHash));
  return db.$transaction(async (tx) => {
    const existing = await tx.store.findUnique({ where: { hash: grant.storeHash }, select: { status: true } });
    const fields = { accessTokenEnc, scope: grant.scope, ownerBcUserId: grant.owner?.id ?? grant.user.id };
    const store = await tx.store.upsert({
      where: { hash: grant.storeHash },
      create: { hash: grant.storeHash, ...fields },
      // A scope change re-runs auth for an installed store; only a real re-install restarts the clock.
      update:
        existing?.status === 'UNINSTALLED'
          ? { ...fields, status: 'INSTALLED', installedAt: new Date(), uninstalledAt: null }
          : fields,
    });
    const user = await tx.user.upsert({
      where: { bcUserId: grant.user.id },
      create: { bcUserId: grant.user.id, email: grant.user.email },
      update: { email: grant.user.email },
    });
    const isOwner = (grant.owner?.id ?? grant.user.id) === grant.user.id;
    await tx.storeUser.upsert({
      where: { storeId_userId: { storeId: store.id, userId: user.id } },
      create: { storeId: store.id, userId: user.id, role: 'ADMIN', isOwner },
      update: { role: 'ADMIN', isOwner },
    });
    await tx.storeSettings.upsert({ where: { storeId: store.id }, create: { storeId: store.id }, update: {} });
    return { storeId: store.id, userId: user.id };
  });
}

/** Encryption context of a store's access token (bound as AAD). */
export function storeTokenContext(storeHash: string): string {
  return `store-token:${storeHash}`;
}
