/** V3 inventory: items by SKU, absolute (PUT, retry-safe) and relative (POST) adjustments. */
import { BigCommercePartialFailureError } from '../errors';
import type { HttpMethod, Transport } from '../http';
import { chunk, collect, iterateV3 } from '../paging';
import { parseResponse } from '../parse';
import type { InventoryAdjustmentInput, InventoryAdjustmentResult, InventoryItem } from '../types';
import { adjustmentBody, adjustmentResultSchema, inventoryItemSchema, MAX_ADJUSTMENT_ITEMS } from '../wire/inventory';
import type { CallOptions } from './call-options';

export const MAX_INVENTORY_SKUS_PER_REQUEST = 1000;

export function createInventoryApi(transport: Transport) {
  async function adjust(method: HttpMethod, path: string, input: InventoryAdjustmentInput, options: CallOptions): Promise<InventoryAdjustmentResult> {
    const transactionIds: string[] = [];
    for (const items of chunk(input.items, MAX_ADJUSTMENT_ITEMS)) {
      const request = { method, path, body: adjustmentBody(input, items), priority: options.priority ?? 'low' };
      try {
        transactionIds.push(parseResponse(adjustmentResultSchema, await transport.send(request), request));
      } catch (error) {
        if (transactionIds.length === 0) throw error;
        throw new BigCommercePartialFailureError({ status: undefined, method, path, completedTransactionIds: transactionIds, cause: error });
      }
    }
    return { transactionIds };
  }

  return {
    /** Inventory items (per location) for the SKUs, 1000 SKUs per request. */
    async getItemsBySkus(skus: readonly string[], options: CallOptions & { locationIds?: number[] } = {}): Promise<InventoryItem[]> {
      const items: InventoryItem[] = [];
      for (const part of chunk([...new Set(skus)], MAX_INVENTORY_SKUS_PER_REQUEST)) {
        const query = { 'sku:in': part.join(','), 'location_id:in': options.locationIds?.join(',') };
        items.push(...(await collect(iterateV3(transport, { path: '/v3/inventory/items', query, priority: options.priority ?? 'low' }, inventoryItemSchema))));
      }
      return items;
    },

    /** Sets absolute levels (processed asynchronously by BigCommerce). Retried automatically. */
    setAbsolute(input: InventoryAdjustmentInput, options: CallOptions = {}): Promise<InventoryAdjustmentResult> {
      return adjust('PUT', '/v3/inventory/adjustments/absolute', input, options);
    },

    /** Adds/subtracts quantities. A POST: never retried automatically (it would double-apply). */
    adjustRelative(input: InventoryAdjustmentInput, options: CallOptions = {}): Promise<InventoryAdjustmentResult> {
      return adjust('POST', '/v3/inventory/adjustments/relative', input, options);
    },
  };
}

export type InventoryApi = ReturnType<typeof createInventoryApi>;
