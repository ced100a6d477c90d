export { createBigCommerceClient, type BigCommerceClient, type BigCommerceClientConfig, type BigCommerceClientStats } from './client';
export {
  BigCommerceAuthError,
  BigCommerceError,
  BigCommerceNotFoundError,
  BigCommercePartialFailureError,
  BigCommerceRetriableError,
  BigCommerceUnexpectedResponseError,
  BigCommerceValidationError,
  isRetriableBigCommerceError,
  type RetriableReason,
  type ValidationDetails,
} from './errors';
export { getStoreRateLimiter, StoreRateLimiter, type RateLimiterOptions, type RateLimiterStats, type RequestPriority } from './rate-limiter';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './http';
export { formatRfc2822, parseRfc2822 } from './dates';
export { collect } from './paging';
export { ORDER_INCLUDE, type OrderListFilters } from './endpoints/orders';
export type { CallOptions } from './endpoints/call-options';
export { MAX_INVENTORY_SKUS_PER_REQUEST } from './endpoints/inventory';
export { MAX_ADJUSTMENT_ITEMS } from './wire/inventory';
export { MAX_TRACKING_NUMBER_LENGTH } from './wire/shipments';
export type * from './types';
export type { OrdersApi } from './endpoints/orders';
export type { ShipmentsApi } from './endpoints/shipments';
export type { ShippingApi } from './endpoints/shipping';
export type { CatalogApi } from './endpoints/catalog';
export type { InventoryApi } from './endpoints/inventory';
export type { WebhooksApi } from './endpoints/webhooks';
