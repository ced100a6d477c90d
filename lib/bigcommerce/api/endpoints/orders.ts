/** V2 orders: list/get with consignments, products, shipping addresses, status, statuses. */
import { formatRfc2822 } from '../dates';
import type { Transport } from '../http';
import { collect, getV2List, iterateV2, V2_MAX_LIMIT } from '../paging';
import { parseResponse } from '../parse';
import type { OrderLine, OrderShippingAddress, OrderStatus, OrderSummary, OrderWithConsignments } from '../types';
import {
  orderLineSchema,
  orderShippingAddressSchema,
  orderStatusSchema,
  orderStatusUpdateBody,
  orderSummarySchema,
  orderWithConsignmentsSchema,
} from '../wire/orders';
import { invalidInput, type CallOptions } from './call-options';

/** One call yields the order, its addresses, shipping method text and lines. */
export const ORDER_INCLUDE = 'consignments.line_items';
/** Without it BigCommerce returns consignments in the legacy array structure. */
const CONSIGNMENT_QUERY = { include: ORDER_INCLUDE, consignment_structure: 'object' } as const;

export interface OrderListFilters {
  statusId?: number;
  minDateModified?: Date;
  minId?: number;
  maxId?: number;
  /** e.g. `date_modified:asc`, `id:asc`. */
  sort?: string;
  /** Page size, 1..250 (default 250). */
  limit?: number;
}

function orderListQuery(filters: OrderListFilters): Record<string, string | number | undefined> {
  return {
    status_id: filters.statusId,
    min_date_modified: filters.minDateModified ? formatRfc2822(filters.minDateModified) : undefined,
    min_id: filters.minId,
    max_id: filters.maxId,
    sort: filters.sort,
    ...CONSIGNMENT_QUERY,
  };
}

export function createOrdersApi(transport: Transport) {
  function checkedLimit(limit: number | undefined): number {
    const value = limit ?? V2_MAX_LIMIT;
    if (!Number.isInteger(value) || value < 1 || value > V2_MAX_LIMIT) {
      throw invalidInput('GET', '/v2/orders', [{ path: ['limit'], message: `limit must be 1..${V2_MAX_LIMIT}` }]);
    }
    return value;
  }

  return {
    /** Every matching order (with consignments), page by page. */
    async *list(filters: OrderListFilters = {}, options: CallOptions = {}): AsyncGenerator<OrderWithConsignments> {
      const limit = checkedLimit(filters.limit);
      yield* iterateV2(transport, { path: '/v2/orders', query: orderListQuery(filters), priority: options.priority }, orderWithConsignmentsSchema, limit);
    },

    /** One page of orders; an empty array past the end (V2 answers 204). */
    async listPage(filters: OrderListFilters & { page: number }, options: CallOptions = {}): Promise<OrderWithConsignments[]> {
      const limit = checkedLimit(filters.limit);
      const query = { ...orderListQuery(filters), page: filters.page, limit };
      return getV2List(transport, { path: '/v2/orders', query, priority: options.priority }, orderWithConsignmentsSchema);
    },

    /** The order with its consignments; throws BigCommerceNotFoundError for an unknown id. */
    async get(orderId: number, options: CallOptions = {}): Promise<OrderWithConsignments> {
      const request = { method: 'GET' as const, path: `/v2/orders/${orderId}`, query: CONSIGNMENT_QUERY, priority: options.priority };
      return parseResponse(orderWithConsignmentsSchema, await transport.send(request), request);
    },

    /** The order's products (50 per page by default on the platform: always paged here). */
    listProducts(orderId: number, options: CallOptions = {}): AsyncGenerator<OrderLine> {
      return iterateV2(transport, { path: `/v2/orders/${orderId}/products`, priority: options.priority }, orderLineSchema);
    },

    listShippingAddresses(orderId: number, options: CallOptions = {}): Promise<OrderShippingAddress[]> {
      return collect(iterateV2(transport, { path: `/v2/orders/${orderId}/shipping_addresses`, priority: options.priority }, orderShippingAddressSchema));
    },

    /** Sets the status (by id: labels are renameable). Idempotent, so retried on 5xx. */
    async updateStatus(orderId: number, statusId: number, options: CallOptions = {}): Promise<OrderSummary> {
      const request = { method: 'PUT' as const, path: `/v2/orders/${orderId}`, body: orderStatusUpdateBody(statusId), priority: options.priority ?? 'high' };
      return parseResponse(orderSummarySchema, await transport.send(request), request);
    },

    listStatuses(options: CallOptions = {}): Promise<OrderStatus[]> {
      return getV2List(transport, { path: '/v2/order_statuses', priority: options.priority }, orderStatusSchema);
    },
  };
}

export type OrdersApi = ReturnType<typeof createOrdersApi>;
