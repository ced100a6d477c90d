/** V2 shipping zone and method wire formats. */
import { z } from 'zod';
import type { ShippingMethod, ShippingZone } from '../types';
import { text } from './common';

export const shippingZoneSchema = z
  .object({ id: z.number().int(), name: text, type: text, enabled: z.boolean().optional() })
  .transform((zone): ShippingZone => ({ id: zone.id, name: zone.name, type: zone.type, enabled: zone.enabled ?? true }));

export function shippingMethodSchema(zoneId: number) {
  return z
    .object({ id: z.number().int(), name: text, type: text, enabled: z.boolean().optional() })
    .transform((method): ShippingMethod => ({ id: method.id, zoneId, name: method.name, type: method.type, enabled: method.enabled ?? true }));
}
