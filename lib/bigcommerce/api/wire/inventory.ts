/** V3 inventory wire formats (items, absolute and relative adjustments). */
import { z } from 'zod';
import type { InventoryAdjustmentInput, InventoryAdjustmentItem, InventoryItem } from '../types';

export const MAX_ADJUSTMENT_ITEMS = 2000;

export const inventoryItemSchema = z
  .object({
    identity: z.object({
      sku: z.string().nullish(),
      variant_id: z.number().int().nullish(),
      product_id: z.number().int().nullish(),
    }),
    locations: z.array(
      z.object({
        location_id: z.number().int(),
        location_code: z.string().nullish(),
        available_to_sell: z.number().int(),
        total_inventory_onhand: z.number().int(),
        settings: z.object({ safety_stock: z.number().int().nullish(), is_in_stock: z.boolean().nullish() }).nullish(),
      }),
    ),
  })
  .transform(
    (item): InventoryItem => ({
      sku: item.identity.sku ?? '',
      variantId: item.identity.variant_id ?? null,
      productId: item.identity.product_id ?? null,
      locations: item.locations.map((location) => ({
        locationId: location.location_id,
        locationCode: location.location_code ?? '',
        availableToSell: location.available_to_sell,
        totalInventoryOnhand: location.total_inventory_onhand,
        safetyStock: location.settings?.safety_stock ?? 0,
        isInStock: location.settings?.is_in_stock ?? location.available_to_sell > 0,
      })),
    }),
  );

export const adjustmentResultSchema = z.object({ transaction_id: z.string() }).transform((body) => body.transaction_id);

type AdjustmentItemWire = { location_id: number; quantity: number } & ({ sku: string } | { variant_id: number } | { product_id: number });

function toAdjustmentItemWire(item: InventoryAdjustmentItem): AdjustmentItemWire {
  const base = { location_id: item.locationId, quantity: item.quantity };
  if (item.sku !== undefined) return { ...base, sku: item.sku };
  if (item.variantId !== undefined) return { ...base, variant_id: item.variantId };
  return { ...base, product_id: item.productId };
}

/** Outgoing body of `PUT .../absolute` and `POST .../relative` (one chunk of <= 2000 items). */
export function adjustmentBody(input: InventoryAdjustmentInput, items: InventoryAdjustmentItem[]): { reason?: string; items: AdjustmentItemWire[] } {
  return { ...(input.reason === undefined ? {} : { reason: input.reason }), items: items.map(toAdjustmentItemWire) };
}
