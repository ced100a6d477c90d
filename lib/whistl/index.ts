export type { WhistlAdapter } from './adapter';
export { createWhistlClient, MAX_PAGE_SIZE, type WhistlClientOptions } from './client';
export type { RetryPolicy } from './backoff';
export { classifyRejection } from './classify-rejection';
export {
  WhistlAuthError,
  WhistlBadRequestError,
  WhistlError,
  WhistlRetriableError,
  WhistlTimeoutError,
} from './errors';
export { DESPATCHED_STATUS_IDS, isDespatched, isStuck, ORDER_STATUS, statusName, STUCK_STATUS_IDS, type OrderStatusName } from './statuses';
export type * from './types';
export { formatUkLocal, parseUkLocal } from './uk-time';
