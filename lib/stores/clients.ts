import { createBigCommerceClient, type BigCommerceClient } from '../bigcommerce/api';
import { decryptSecret } from '../crypto';
import type { DbClient } from '../db/types';
import { getEnv } from '../env';
import { createWhistlClient, type WhistlAdapter } from '../whistl';
import { storeTokenContext } from './install-store';
import { loadWhistlCredentials } from './whistl-connection';

/** The configured vendor clients for one store: always go through these. */
export class StoreNotConnectedError extends Error {
  override name = 'StoreNotConnectedError';
}

export async function bigCommerceClientFor(db: DbClient, storeId: string): Promise<BigCommerceClient> {
  const store = await db.store.findUnique({ where: { id: storeId } });
  if (!store || store.status !== 'INSTALLED' || !store.accessTokenEnc) {
    throw new StoreNotConnectedError('The store is not installed, so BigCommerce cannot be called');
  }
  return createBigCommerceClient({
    storeHash: store.hash,
    accessToken: decryptSecret(store.accessTokenEnc, storeTokenContext(store.hash)),
    baseUrl: getEnv().BIGCOMMERCE_API_URL,
  });
}

export async function whistlClientFor(db: DbClient, storeId: string): Promise<{ client: WhistlAdapter; warehouseId: number }> {
  const credentials = await loadWhistlCredentials(db, storeId);
  if (!credentials) throw new StoreNotConnectedError('No Whistl connection is saved for this store (Settings)');
  const warehouseId = Number(credentials.warehouseId);
  if (!Number.isInteger(warehouseId) || warehouseId <= 0) {
    throw new StoreNotConnectedError('No Whistl warehouse is chosen for this store (Settings)');
  }
  return {
    client: createWhistlClient({
      baseUrl: credentials.baseUrl,
      apiKey: credentials.apiKey,
      username: credentials.username,
      password: credentials.password,
    }),
    warehouseId,
  };
}
