import type { WhistlAdapter } from './adapter';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff';
import { classifyRejection } from './classify-rejection';
import { WhistlError } from './errors';
import { accountLimiter } from './limiter';
import { WhistlTransport } from './transport';
import type { z } from 'zod';
import type { QueryValue } from './transport';
import type { ListOrdersQuery, ListProductsQuery, Page, WhistlOrder, WhistlProduct } from './types';
import * as wire from './wire';

export interface WhistlClientOptions {
  /** e.g. https://api.mintsoft.co.uk, or the sandbox URL. */
  baseUrl: string;
  /** A static key. With username + password as well, a refused key triggers one re-login. */
  apiKey?: string;
  username?: string;
  password?: string;
  /** Per request. Default 15 000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Requests in flight per Whistl account in this process. Default 4. */
  maxConcurrency?: number;
  retry?: Partial<RetryPolicy>;
}

/** Whistl's cap on `Limit` for list endpoints. */
export const MAX_PAGE_SIZE = 100;

export function createWhistlClient(options: WhistlClientOptions): WhistlAdapter {
  const accountKey = `${options.baseUrl}|${options.username ?? ''}|${options.apiKey ?? ''}`;
  const transport = new WhistlTransport({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    username: options.username,
    password: options.password,
    timeoutMs: options.timeoutMs ?? 15_000,
    fetch: options.fetch ?? globalThis.fetch,
    limiter: accountLimiter(accountKey, options.maxConcurrency ?? 4),
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
  });

  const get = <T>(path: string, schema: z.ZodType<T>, query?: Record<string, QueryValue>) =>
    transport.request({ method: 'GET', path, query, schema, idempotent: true });

  async function listOrders(query: ListOrdersQuery = {}): Promise<Page<WhistlOrder>> {
    const page = query.page ?? 1;
    const limit = clampLimit(query.limit);
    const items = await get('/api/Order/List', wire.orders, {
      OrderStatusId: query.orderStatusId,
      WarehouseId: query.warehouseId,
      SinceLastUpdated: query.sinceLastUpdated,
      SinceDespatchDate: query.sinceDespatchDate,
      PageNo: page,
      Limit: limit,
      IncludeOrderItems: query.includeOrderItems,
    });
    return { items, page, limit, hasMore: items.length >= limit };
  }

  async function listProducts(query: ListProductsQuery = {}): Promise<Page<WhistlProduct>> {
    const page = query.page ?? 1;
    const limit = clampLimit(query.limit);
    const items = await get('/api/Product/List', wire.products, {
      PageNo: page,
      Limit: limit,
      SinceLastUpdated: query.sinceLastUpdated,
    });
    return { items, page, limit, hasMore: items.length >= limit };
  }

  const client: WhistlAdapter = {
    async testConnection() {
      return { warehouses: await client.listWarehouses() };
    },

    async createOrder(order) {
      const result = await transport.request({
        method: 'PUT',
        path: '/api/Order',
        body: wire.toCreateOrderBody(order),
        schema: wire.createOrderResponse,
        idempotent: false,
      });
      if (!result.success) return classifyRejection(result.message);
      if (result.orderId === null) {
        throw new WhistlError('Whistl reported success without an OrderId', { method: 'PUT', path: '/api/Order' });
      }
      return {
        kind: 'created',
        orderId: result.orderId,
        orderNumber: result.orderNumber ?? order.orderNumber,
        statusId: result.statusId ?? 1,
        items: result.items,
      };
    },

    searchOrdersByNumber(orderNumber) {
      return get('/api/Order/Search', wire.orders, { OrderNumber: orderNumber });
    },

    async getOrder(id) {
      try {
        return await get(`/api/Order/${orderPathId(id)}`, wire.order);
      } catch (error) {
        if (error instanceof WhistlError && error.status === 404) return null;
        throw error;
      }
    },

    listOrders,

    iterateOrders(query = {}) {
      return paginate((page) => listOrders({ ...query, page }));
    },

    cancelOrder(id) {
      // A GET that changes state: not retried, so a lost response cannot turn into "already cancelled".
      return transport.request({
        method: 'GET',
        path: `/api/Order/${orderPathId(id)}/Cancel`,
        schema: wire.successResult,
        idempotent: false,
      });
    },

    getStockLevels(query = {}) {
      return get('/api/Product/StockLevels', wire.stockLevels, { WarehouseId: query.warehouseId, SKU: query.sku });
    },

    getStockUpdatedSince(from) {
      return get('/api/Product/StockLevels/UpdatedSince', wire.stockLevels, { FromDate: from });
    },

    listProducts,

    iterateProducts(query = {}) {
      return paginate((page) => listProducts({ ...query, page }));
    },

    searchProducts(search) {
      return get('/api/Product/Search', wire.products, { Search: search });
    },

    listCourierServices() {
      return get('/api/Courier/Services', wire.courierServices);
    },

    listWarehouses() {
      return get('/api/Warehouse', wire.warehouses);
    },

    async setConnectActions(orderId, urls) {
      const result = await transport.request({
        method: 'PUT',
        path: `/api/Order/${orderPathId(orderId)}/ConnectActions`,
        body: wire.toConnectActionBody(urls),
        schema: wire.optionalSuccessResult,
        idempotent: false,
      });
      if (result && !result.success) {
        throw new WhistlError(`Whistl refused the ConnectAction: ${result.message}`, {
          method: 'PUT',
          path: `/api/Order/${orderId}/ConnectActions`,
        });
      }
    },

    getOrderStatuses() {
      return get('/api/Order/Statuses', wire.orderStatuses);
    },
  };
  return client;
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return MAX_PAGE_SIZE;
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(limit)));
}

function orderPathId(id: number): string {
  if (!Number.isSafeInteger(id) || id < 1) throw new RangeError(`Not a Whistl order id: ${id}`);
  return String(id);
}

async function* paginate<T>(fetchPage: (page: number) => Promise<Page<T>>): AsyncGenerator<T> {
  for (let page = 1; ; page += 1) {
    const result = await fetchPage(page);
    yield* result.items;
    if (!result.hasMore || result.items.length === 0) return;
  }
}
