/** V2 order wire formats (orders, order products, shipping addresses, consignments, statuses). */
import { z } from 'zod';
import type {
  OrderLine,
  OrderShippingAddress,
  OrderShippingConsignment,
  OrderStatus,
  OrderSummary,
  OrderWithConsignments,
  PostalAddress,
} from '../types';
import { money, optionalRfc2822Date, rfc2822Date, text } from './common';

const positiveIdOrNull = z
  .number()
  .int()
  .nullish()
  .transform((value) => (value === undefined || value === null || value === 0 ? null : value));

/** An order product; the same shape in `/products` and in consignment `line_items`. */
export const orderLineSchema = z
  .object({
    id: z.number().int(),
    order_id: z.number().int(),
    product_id: z.number().int(),
    variant_id: positiveIdOrNull,
    order_address_id: positiveIdOrNull,
    name: z.string(),
    sku: text,
    type: z.enum(['physical', 'digital', 'giftcertificate']),
    quantity: z.number().int(),
    quantity_shipped: z.number().int().optional(),
    price_inc_tax: money,
    price_ex_tax: money,
    total_inc_tax: money,
    parent_order_product_id: positiveIdOrNull,
    product_options: z
      .array(z.object({ display_name: text, display_value: text }))
      .optional(),
  })
  .transform(
    (line): OrderLine => ({
      orderProductId: line.id,
      orderId: line.order_id,
      productId: line.product_id,
      variantId: line.variant_id,
      orderAddressId: line.order_address_id,
      name: line.name,
      sku: line.sku,
      type: line.type,
      quantity: line.quantity,
      quantityShipped: line.quantity_shipped ?? 0,
      priceIncTax: line.price_inc_tax,
      priceExTax: line.price_ex_tax,
      totalIncTax: line.total_inc_tax,
      parentOrderProductId: line.parent_order_product_id,
      options: (line.product_options ?? []).map((option) => ({ displayName: option.display_name, displayValue: option.display_value })),
    }),
  );

const postalAddressFields = {
  first_name: text,
  last_name: text,
  company: text,
  street_1: text,
  street_2: text,
  city: text,
  state: text,
  zip: text,
  country: text,
  country_iso2: text,
  phone: text,
  email: text,
};

type PostalAddressWire = { [K in keyof typeof postalAddressFields]: string };

function toPostalAddress(address: PostalAddressWire): PostalAddress {
  return {
    firstName: address.first_name,
    lastName: address.last_name,
    company: address.company,
    street1: address.street_1,
    street2: address.street_2,
    city: address.city,
    state: address.state,
    zip: address.zip,
    country: address.country,
    countryIso2: address.country_iso2,
    phone: address.phone,
    email: address.email,
  };
}

const shippingAddressFields = {
  ...postalAddressFields,
  id: z.number().int(),
  shipping_method: text,
  items_total: z.number().optional(),
  items_shipped: z.number().optional(),
};

type ShippingAddressWire = PostalAddressWire & { id: number; shipping_method: string; items_total?: number; items_shipped?: number };

function toShippingAddress(address: ShippingAddressWire): OrderShippingAddress {
  return {
    ...toPostalAddress(address),
    orderAddressId: address.id,
    shippingMethod: address.shipping_method,
    itemsTotal: address.items_total ?? 0,
    itemsShipped: address.items_shipped ?? 0,
  };
}

/** `/v2/orders/{id}/shipping_addresses` item. */
export const orderShippingAddressSchema = z.object(shippingAddressFields).transform(toShippingAddress);

const lineItemsSchema = z.array(orderLineSchema).optional().transform((lines) => lines ?? []);

const shippingConsignmentSchema = z
  .object({ ...shippingAddressFields, line_items: lineItemsSchema })
  .transform((consignment): OrderShippingConsignment => ({ ...toShippingAddress(consignment), lines: consignment.line_items }));

const consignmentsSchema = z.object({
  shipping: z.array(shippingConsignmentSchema).optional(),
  downloads: z.array(z.object({ line_items: lineItemsSchema })).optional(),
  email: z.object({ gift_certificates: z.array(z.object({ line_items: lineItemsSchema })).optional() }).optional(),
  pickups: z.array(z.object({ line_items: lineItemsSchema })).optional(),
});

const orderSummaryFields = {
  id: z.number().int(),
  customer_id: z.number().int(),
  status_id: z.number().int(),
  status: text,
  date_created: rfc2822Date,
  date_modified: rfc2822Date,
  date_shipped: optionalRfc2822Date,
  currency_code: text,
  subtotal_inc_tax: money,
  total_inc_tax: money,
  total_ex_tax: money,
  items_total: z.number().int(),
  items_shipped: z.number().int(),
  payment_status: text,
  payment_method: text,
  customer_message: text,
  staff_notes: text,
  channel_id: z.number().int().nullish(),
  is_deleted: z.boolean().optional(),
  billing_address: z.object(postalAddressFields),
};

type OrderSummaryWire = z.output<z.ZodObject<typeof orderSummaryFields>>;

function toOrderSummary(order: OrderSummaryWire): OrderSummary {
  return {
    id: order.id,
    customerId: order.customer_id,
    statusId: order.status_id,
    status: order.status,
    dateCreated: order.date_created,
    dateModified: order.date_modified,
    dateShipped: order.date_shipped,
    currencyCode: order.currency_code,
    subtotalIncTax: order.subtotal_inc_tax,
    totalIncTax: order.total_inc_tax,
    totalExTax: order.total_ex_tax,
    itemsTotal: order.items_total,
    itemsShipped: order.items_shipped,
    paymentStatus: order.payment_status,
    paymentMethod: order.payment_method,
    customerMessage: order.customer_message,
    staffNotes: order.staff_notes,
    channelId: order.channel_id ?? null,
    isDeleted: order.is_deleted ?? false,
    billingAddress: toPostalAddress(order.billing_address),
  };
}

/** An order without consignments expanded (e.g. the response to a status update). */
export const orderSummarySchema = z.object(orderSummaryFields).transform(toOrderSummary);

/** An order read with `include=consignments.line_items` (the consignments must be expanded). */
export const orderWithConsignmentsSchema = z
  .object({ ...orderSummaryFields, consignments: consignmentsSchema })
  .transform((order): OrderWithConsignments => {
    const shippingAddresses = order.consignments.shipping ?? [];
    const digitalLines = (order.consignments.downloads ?? []).flatMap((download) => download.line_items);
    const giftCertificateLines = (order.consignments.email?.gift_certificates ?? []).flatMap((gift) => gift.line_items);
    const pickupLines = (order.consignments.pickups ?? []).flatMap((pickup) => pickup.line_items);
    return {
      ...toOrderSummary(order),
      shippingAddresses,
      digitalLines,
      giftCertificateLines,
      pickupLines,
      lines: [...shippingAddresses.flatMap((consignment) => consignment.lines), ...digitalLines, ...giftCertificateLines, ...pickupLines],
    };
  });

export const orderStatusSchema = z
  .object({ id: z.number().int(), name: text, system_label: text, custom_label: text, system_description: text })
  .transform(
    (status): OrderStatus => ({
      id: status.id,
      name: status.name,
      systemLabel: status.system_label,
      customLabel: status.custom_label,
      systemDescription: status.system_description,
    }),
  );

/** Body of `PUT /v2/orders/{id}` when only the status changes. */
export function orderStatusUpdateBody(statusId: number): { status_id: number } {
  return { status_id: statusId };
}
