/** V2 shipment wire formats. */
import { z } from 'zod';
import type { CreateShipmentInput, Shipment } from '../types';
import { rfc2822Date, text } from './common';

export const MAX_TRACKING_NUMBER_LENGTH = 50;

export const shipmentSchema = z
  .object({
    id: z.number().int(),
    order_id: z.number().int(),
    order_address_id: z.number().int(),
    date_created: rfc2822Date,
    tracking_number: text,
    tracking_link: text,
    generated_tracking_link: text,
    tracking_carrier: text,
    shipping_provider: text,
    shipping_method: text,
    comments: text,
    items: z.array(z.object({ order_product_id: z.number().int(), product_id: z.number().int().nullish(), quantity: z.number().int() })),
  })
  .transform(
    (shipment): Shipment => ({
      id: shipment.id,
      orderId: shipment.order_id,
      orderAddressId: shipment.order_address_id,
      dateCreated: shipment.date_created,
      trackingNumber: shipment.tracking_number,
      trackingLink: shipment.tracking_link,
      generatedTrackingLink: shipment.generated_tracking_link,
      trackingCarrier: shipment.tracking_carrier,
      shippingProvider: shipment.shipping_provider,
      shippingMethod: shipment.shipping_method,
      comments: shipment.comments,
      items: shipment.items.map((item) => ({ orderProductId: item.order_product_id, productId: item.product_id ?? null, quantity: item.quantity })),
    }),
  );

/**
 * Outgoing body of `POST /v2/orders/{id}/shipments`. Items reference order_product_id (a
 * `product_id` there is a 400), and the tracking number is at most 50 characters.
 */
export const createShipmentBodySchema = z
  .object({
    orderAddressId: z.number().int().positive(),
    items: z.array(z.object({ orderProductId: z.number().int().positive(), quantity: z.number().int().positive() })).min(1),
    trackingNumber: z.string().max(MAX_TRACKING_NUMBER_LENGTH).optional(),
    trackingLink: z.string().max(500).optional(),
    trackingCarrier: z.string().optional(),
    shippingProvider: z.string().optional(),
    shippingMethod: z.string().optional(),
    comments: z.string().optional(),
  })
  .transform((input: CreateShipmentInput) => ({
    order_address_id: input.orderAddressId,
    items: input.items.map((item) => ({ order_product_id: item.orderProductId, quantity: item.quantity })),
    ...(input.trackingNumber === undefined ? {} : { tracking_number: input.trackingNumber }),
    ...(input.trackingLink === undefined ? {} : { tracking_link: input.trackingLink }),
    ...(input.trackingCarrier === undefined ? {} : { tracking_carrier: input.trackingCarrier }),
    ...(input.shippingProvider === undefined ? {} : { shipping_provider: input.shippingProvider }),
    ...(input.shippingMethod === undefined ? {} : { shipping_method: input.shippingMethod }),
    ...(input.comments === undefined ? {} : { comments: input.comments }),
  }));
