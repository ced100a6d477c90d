import type { OrderWithConsignments } from '../../bigcommerce/api';

/** An order stored as JSON by a sweep, with its dates restored. Null when it is not one. */
export function reviveOrderSnapshot(value: unknown): OrderWithConsignments | null {
  if (typeof value !== 'object' || value === null) return null;
  const order = value as Record<string, unknown>;
  if (typeof order.id !== 'number' || typeof order.dateModified !== 'string' || !Array.isArray(order.shippingAddresses)) return null;
  return {
    ...(order as unknown as OrderWithConsignments),
    dateCreated: new Date(String(order.dateCreated)),
    dateModified: new Date(order.dateModified),
    dateShipped: order.dateShipped ? new Date(String(order.dateShipped)) : null,
  };
}
