/** V2 order shipments. */
import type { Transport } from '../http';
import { collect, iterateV2 } from '../paging';
import { parseResponse } from '../parse';
import type { CreateShipmentInput, Shipment } from '../types';
import { createShipmentBodySchema, shipmentSchema } from '../wire/shipments';
import { invalidInput, type CallOptions } from './call-options';

export function createShipmentsApi(transport: Transport) {
  return {
    /** The order's shipments; `[]` when there are none (V2 answers 204). */
    list(orderId: number, options: CallOptions = {}): Promise<Shipment[]> {
      return collect(iterateV2(transport, { path: `/v2/orders/${orderId}/shipments`, priority: options.priority ?? 'high' }, shipmentSchema));
    },

    /**
     * Creates a shipment (BigCommerce emails the customer and moves the order to Shipped or
     * Partially Shipped). A POST: never retried automatically, whatever the failure.
     */
    async create(orderId: number, input: CreateShipmentInput, options: CallOptions = {}): Promise<Shipment> {
      const path = `/v2/orders/${orderId}/shipments`;
      const body = createShipmentBodySchema.safeParse(input);
      if (!body.success) throw invalidInput('POST', path, body.error.issues);
      const request = { method: 'POST' as const, path, body: body.data, priority: options.priority ?? 'high' };
      return parseResponse(shipmentSchema, await transport.send(request), request);
    },
  };
}

export type ShipmentsApi = ReturnType<typeof createShipmentsApi>;
