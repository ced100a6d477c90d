/** V2 shipping zones and their methods (what order shipping methods are mapped against). */
import type { Transport } from '../http';
import { getV2List } from '../paging';
import type { ShippingMethod, ShippingZone } from '../types';
import { shippingMethodSchema, shippingZoneSchema } from '../wire/shipping';
import type { CallOptions } from './call-options';

export function createShippingApi(transport: Transport) {
  const api = {
    listZones(options: CallOptions = {}): Promise<ShippingZone[]> {
      return getV2List(transport, { path: '/v2/shipping/zones', priority: options.priority }, shippingZoneSchema);
    },

    listMethods(zoneId: number, options: CallOptions = {}): Promise<ShippingMethod[]> {
      return getV2List(transport, { path: `/v2/shipping/zones/${zoneId}/methods`, priority: options.priority }, shippingMethodSchema(zoneId));
    },

    /** Every zone with its methods (one request per zone, sequential). */
    async listZonesWithMethods(options: CallOptions = {}): Promise<{ zone: ShippingZone; methods: ShippingMethod[] }[]> {
      const zones = await api.listZones(options);
      const result: { zone: ShippingZone; methods: ShippingMethod[] }[] = [];
      for (const zone of zones) result.push({ zone, methods: await api.listMethods(zone.id, options) });
      return result;
    },
  };
  return api;
}

export type ShippingApi = ReturnType<typeof createShippingApi>;
