/** `createBigCommerceClient`: one configured client per store. */
import { createAppExtensionsApi } from './endpoints/app-extensions';
import { createCatalogApi } from './endpoints/catalog';
import { createCatalogListApi } from './endpoints/catalog-list';
import { createInventoryApi } from './endpoints/inventory';
import { createOrdersApi } from './endpoints/orders';
import { createShipmentsApi } from './endpoints/shipments';
import { createShippingApi } from './endpoints/shipping';
import { createWebhooksApi } from './endpoints/webhooks';
import { createTransport, DEFAULT_RETRY_POLICY, type RetryPolicy } from './http';
import { getStoreRateLimiter, type RateLimiterStats, type StoreRateLimiter } from './rate-limiter';

export interface BigCommerceClientConfig {
  storeHash: string;
  accessToken: string;
  /** `https://api.bigcommerce.com`, or a sandbox URL; `/stores/{hash}/v2|v3/...` is appended. */
  baseUrl: string;
  /** Per attempt, including reading the body but not time queued for the rate limit. Default 20000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Default: the process-wide limiter of this store, shared with every other client of it. */
  rateLimiter?: StoreRateLimiter;
  retry?: Partial<RetryPolicy>;
}

export interface BigCommerceClientStats extends RateLimiterStats {
  /** Attempts this client repeated after a retriable failure. */
  retries: number;
}

export function createBigCommerceClient(config: BigCommerceClientConfig) {
  if (!config.storeHash || !config.accessToken || !config.baseUrl) {
    throw new Error('createBigCommerceClient needs storeHash, accessToken and baseUrl');
  }
  const rateLimiter = config.rateLimiter ?? getStoreRateLimiter(config.storeHash);
  const transport = createTransport({
    storeHash: config.storeHash,
    accessToken: config.accessToken,
    baseUrl: config.baseUrl,
    timeoutMs: config.timeoutMs ?? 20_000,
    fetch: config.fetch ?? globalThis.fetch,
    rateLimiter,
    retry: { ...DEFAULT_RETRY_POLICY, ...config.retry },
  });
  return {
    storeHash: config.storeHash,
    orders: createOrdersApi(transport),
    shipments: createShipmentsApi(transport),
    shipping: createShippingApi(transport),
    catalog: createCatalogApi(transport),
    catalogList: createCatalogListApi(transport),
    inventory: createInventoryApi(transport),
    webhooks: createWebhooksApi(transport),
    appExtensions: createAppExtensionsApi(transport),
    /** Store-wide limiter counters (requests sent, 429s, waits) plus this client's retries. */
    stats(): BigCommerceClientStats {
      return { ...rateLimiter.stats(), retries: transport.retries() };
    },
  };
}

export type BigCommerceClient = ReturnType<typeof createBigCommerceClient>;
