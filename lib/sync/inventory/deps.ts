import type { BigCommerceClient } from '../../bigcommerce/api';
import { createTransport, DEFAULT_RETRY_POLICY } from '../../bigcommerce/api/http';
import { getV3Page } from '../../bigcommerce/api/paging';
import { getStoreRateLimiter } from '../../bigcommerce/api/rate-limiter';
import type { CatalogProduct } from '../../bigcommerce/api/types';
import { catalogProductSchema } from '../../bigcommerce/api/wire/catalog';
import { decryptSecret } from '../../crypto';
import type { DbClient } from '../../db/types';
import { getEnv } from '../../env';
import { bigCommerceClientFor, StoreNotConnectedError, whistlClientFor } from '../../stores/clients';
import { storeTokenContext } from '../../stores/install-store';
import type { WhistlAdapter } from '../../whistl';

/** Products per catalog page read by a full reconciliation (the V3 maximum). */
export const CATALOG_PAGE_SIZE = 250;

/**
 * The product fields a reconciliation reads (the id always comes). A full product is some 70
 * fields, descriptions included: asking for these alone keeps a 100,000-SKU pass's pages small.
 */
export const CATALOG_PRODUCT_FIELDS = ['name', 'sku', 'type', 'inventory_tracking', 'inventory_level', 'is_visible'] as const;

/** The BigCommerce calls the inventory sync makes. */
export interface InventoryBigCommerce {
  inventory: Pick<BigCommerceClient['inventory'], 'setAbsolute'>;
  /** The whole catalog (products with variants), a page at a time, at low priority. */
  catalogPages(): AsyncIterable<CatalogProduct[]>;
}

/** What the inventory sync needs from the outside world; tests swap pieces (like `ExportDeps`). */
export interface InventoryDeps {
  bigcommerce(storeId: string): Promise<InventoryBigCommerce>;
  whistl(storeId: string): Promise<{ client: Pick<WhistlAdapter, 'getStockLevels' | 'getStockUpdatedSince'>; warehouseId: number }>;
  now(): Date;
}

export function defaultInventoryDeps(db: DbClient): InventoryDeps {
  return {
    bigcommerce: async (storeId) => {
      const client = await bigCommerceClientFor(db, storeId);
      const catalogPages = await catalogPagesFor(db, storeId);
      return { inventory: client.inventory, catalogPages };
    },
    whistl: (storeId) => whistlClientFor(db, storeId),
    now: () => new Date(),
  };
}

/**
 * Pages of `GET /v3/catalog/products?include=variants&include_fields=…`. The store client has no catalog listing,
 * so a transport is built the same way as the client's, sharing the store's rate limiter (so the
 * store's quota and the room kept for customer-facing calls hold across both).
 */
async function catalogPagesFor(db: DbClient, storeId: string): Promise<() => AsyncIterable<CatalogProduct[]>> {
  const store = await db.store.findUnique({ where: { id: storeId } });
  if (!store?.accessTokenEnc || store.status !== 'INSTALLED') throw new StoreNotConnectedError('The store is not installed, so BigCommerce cannot be called');
  const transport = createTransport({
    storeHash: store.hash,
    accessToken: decryptSecret(store.accessTokenEnc, storeTokenContext(store.hash)),
    baseUrl: getEnv().BIGCOMMERCE_API_URL,
    timeoutMs: 20_000,
    fetch: globalThis.fetch,
    rateLimiter: getStoreRateLimiter(store.hash),
    retry: DEFAULT_RETRY_POLICY,
  });
  return async function* pages() {
    for (let page = 1; ; page += 1) {
      const result = await getV3Page(
        transport,
        { path: '/v3/catalog/products', query: { include: 'variants', include_fields: CATALOG_PRODUCT_FIELDS.join(','), page, limit: CATALOG_PAGE_SIZE }, priority: 'low' },
        catalogProductSchema,
      );
      yield result.data;
      const pagination = result.pagination;
      if (!pagination || result.data.length === 0 || pagination.currentPage >= pagination.totalPages) return;
    }
  };
}
