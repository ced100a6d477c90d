import { z } from 'zod';
import type { OrderLine } from '../../bigcommerce/api';
import type { WhistlOrderItem } from '../../whistl';

/**
 * What a write-back keeps so its first attempt needs no extra reads: the order's lines per address
 * (on the Whistl order link) and what Whistl despatched (on the write-back row).
 */

/** What planning a shipment needs to know about an order line. */
export type ShipmentLine = Pick<OrderLine, 'orderProductId' | 'sku' | 'name' | 'type' | 'quantity' | 'quantityShipped' | 'parentOrderProductId'>;

const storedShipLines = z.array(
  z.object({
    orderProductId: z.number().int(),
    sku: z.string(),
    name: z.string(),
    type: z.enum(['physical', 'digital', 'giftcertificate']),
    quantity: z.number().int(),
    quantityShipped: z.number().int(),
    parentOrderProductId: z.number().int().nullable(),
  }),
);

/** The lines of one address as kept on its Whistl order link at export time. */
export function toShipLines(lines: readonly OrderLine[]): ShipmentLine[] {
  return lines.map((line) => ({
    orderProductId: line.orderProductId,
    sku: line.sku,
    name: line.name,
    type: line.type,
    quantity: line.quantity,
    quantityShipped: line.quantityShipped,
    parentOrderProductId: line.parentOrderProductId,
  }));
}

/** Stored lines back from JSON; null when absent or not in the shape we wrote (the caller reads BigCommerce instead). */
export function reviveShipLines(value: unknown): ShipmentLine[] | null {
  if (value === null || value === undefined) return null;
  const parsed = storedShipLines.safeParse(value);
  return parsed.success && parsed.data.length > 0 ? parsed.data : null;
}

const storedDespatchedItems = z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })).min(1);

/** Despatched items as kept on a write-back row, in the shape planning takes; null when absent or not ours. */
export function reviveDespatchedItems(value: unknown): WhistlOrderItem[] | null {
  if (value === null || value === undefined) return null;
  const parsed = storedDespatchedItems.safeParse(value);
  return parsed.success ? parsed.data.map((item) => ({ id: null, sku: item.sku, quantity: item.quantity, unitPrice: null })) : null;
}
