/** Order life cycle: shopper checkout, status changes, shipments, archiving, with their webhooks. */
import type { SandboxCore } from './core';
import { round2 } from './format';
import { v2Error } from './http';
import { nextId, type Order, type OrderAddress, type OrderLine, type PostalAddress, type Shipment, type StoreState } from './model';
import { physicalLines } from './serialize';
import { MAX_STATUS_ID } from './statuses';
import { findBySku, findByVariantId, inventoryKeyFor } from './store';
import { emitEvent, emitOrderEvent } from './webhooks';

export interface PlaceOrderLine {
  sku?: string;
  variantId?: number;
  quantity: number;
  /** Custom lines: `giftcertificate` needs no catalogue product. */
  type?: 'physical' | 'digital' | 'giftcertificate';
  name?: string;
  price?: number;
  /** Which of `addresses` a physical line ships to (default 0). */
  addressIndex?: number;
  recipientEmail?: string;
}

export interface PlaceOrderAddress extends Partial<PostalAddress> {
  first_name: string;
  last_name: string;
  street_1: string;
  city: string;
  zip: string;
  /** Free text, as the shopper saw it at checkout. */
  shippingMethod: string;
  shippingCost?: number;
}

export interface PlaceOrderInput {
  customerId?: number;
  billingAddress?: Partial<PostalAddress> & { email: string };
  lines: PlaceOrderLine[];
  addresses?: PlaceOrderAddress[];
  statusId?: number;
  paymentMethod?: string;
  customerMessage?: string;
  staffNotes?: string;
  /** Decrement tracked stock like a storefront checkout does (default true). */
  decrementStock?: boolean;
}

/** Thrown for control-API input that is well-formed but refers to things that do not exist. */
export class ControlError extends Error {
  readonly status: number;
  constructor(message: string, status = 400) {
    super(message);
    this.status = status;
  }
}

function fullAddress(address: Partial<PostalAddress>, fallbackEmail: string): PostalAddress {
  return {
    first_name: address.first_name ?? '',
    last_name: address.last_name ?? '',
    company: address.company ?? '',
    street_1: address.street_1 ?? '',
    street_2: address.street_2 ?? '',
    city: address.city ?? '',
    state: address.state ?? '',
    zip: address.zip ?? '',
    country: address.country ?? 'United Kingdom',
    country_iso2: address.country_iso2 ?? 'GB',
    phone: address.phone ?? '',
    email: address.email ?? fallbackEmail,
  };
}

function touch(core: SandboxCore, order: Order): void {
  order.dateModified = Math.max(core.now(), order.dateModified + 1);
}

export function placeOrder(core: SandboxCore, store: StoreState, input: PlaceOrderInput): Order {
  const customer = input.customerId !== undefined ? store.customers.find((candidate) => candidate.id === input.customerId) : undefined;
  if (input.customerId !== undefined && input.customerId !== 0 && !customer) {
    throw new ControlError(`customer ${input.customerId} does not exist in store ${store.hash}`);
  }
  const statusId = input.statusId ?? 11;
  const email = input.billingAddress?.email ?? customer?.email ?? 'guest@example.com';
  const billing = fullAddress(input.billingAddress ?? customer?.address ?? input.addresses?.[0] ?? {}, email);
  const now = core.now();
  const addresses: OrderAddress[] = (input.addresses ?? []).map((address) => {
    const zone =
      store.zones.find((candidate) => candidate.methods.some((method) => method.name === address.shippingMethod)) ??
      store.zones.find((candidate) => candidate.countryIso2 === (address.country_iso2 ?? 'GB'));
    const method = zone?.methods.find((candidate) => candidate.name === address.shippingMethod);
    return {
      ...fullAddress(address, email),
      id: nextId(store, 'orderAddress'),
      shippingMethod: address.shippingMethod,
      shippingZoneId: zone?.id ?? 0,
      shippingZoneName: zone?.name ?? '',
      cost: round2(address.shippingCost ?? method?.rate ?? 0),
    };
  });
  const lines: OrderLine[] = [];
  const stockMoves: { key: string; quantity: number }[] = [];
  for (const [index, line] of input.lines.entries()) {
    if (line.type === 'giftcertificate') {
      lines.push({
        id: 0,
        productId: 0,
        variantId: 0,
        orderAddressId: 0,
        name: line.name ?? 'Gift Certificate',
        sku: '',
        type: 'giftcertificate',
        price: line.price ?? 25,
        quantity: line.quantity,
        quantityShipped: 0,
        weight: 0,
        optionValues: [],
        parentOrderProductId: null,
        giftCertificateId: nextId(store, 'giftCertificate'),
        recipientEmail: line.recipientEmail ?? email,
        brand: '',
        binPickingNumber: '',
      });
      continue;
    }
    const resolved =
      line.variantId !== undefined ? findByVariantId(store, line.variantId) : line.sku !== undefined ? findBySku(store, line.sku) : undefined;
    if (!resolved) {
      throw new ControlError(`lines[${index}]: no product with ${line.variantId !== undefined ? `variant id ${line.variantId}` : `SKU "${line.sku ?? ''}"`}`);
    }
    const { product, variant } = resolved;
    const type = line.type ?? product.type;
    let orderAddressId = 0;
    if (type === 'physical') {
      const address = addresses[line.addressIndex ?? 0];
      if (!address) throw new ControlError(`lines[${index}]: a physical line needs addresses[${line.addressIndex ?? 0}]`);
      orderAddressId = address.id;
    }
    const optionText = variant.optionValues.map((option) => option.label).join(', ');
    lines.push({
      id: 0,
      productId: product.id,
      variantId: variant.id,
      orderAddressId,
      name: line.name ?? (optionText ? `${product.name} (${optionText})` : product.name),
      sku: variant.sku,
      type,
      price: line.price ?? variant.price,
      quantity: line.quantity,
      quantityShipped: 0,
      weight: type === 'physical' ? variant.weight : 0,
      optionValues: variant.optionValues.map((option) => ({ ...option })),
      parentOrderProductId: null,
      giftCertificateId: null,
      recipientEmail: line.recipientEmail ?? email,
      brand: product.brand,
      binPickingNumber: product.binPickingNumber,
    });
    const key = inventoryKeyFor(product, variant);
    if (key) stockMoves.push({ key, quantity: line.quantity });
  }
  for (const address of addresses) {
    if (!lines.some((line) => line.orderAddressId === address.id)) {
      throw new ControlError(`address "${address.street_1}" has no physical line shipping to it`);
    }
  }
  // Line ids are allocated in line order once validation passed.
  for (const line of lines) line.id = nextId(store, 'orderLine');
  const order: Order = {
    id: nextId(store, 'order'),
    customerId: customer?.id ?? 0,
    dateCreated: now,
    dateModified: now,
    dateShipped: null,
    statusId,
    billingAddress: billing,
    addresses,
    lines,
    shipments: [],
    paymentMethod: input.paymentMethod ?? 'Credit Card',
    customerMessage: input.customerMessage ?? '',
    staffNotes: input.staffNotes ?? '',
    isDeleted: false,
    channelId: 1,
    orderSource: 'www',
  };
  store.orders.set(order.id, order);
  if (input.decrementStock ?? true) {
    for (const move of stockMoves) {
      const record = store.inventory.get(move.key);
      if (record) record.onHand -= move.quantity;
    }
  }
  emitOrderEvent(core, store, 'store/order/created', order.id);
  if (statusId !== 0) emitOrderEvent(core, store, 'store/order/statusUpdated', order.id, { previous: 0, next: statusId });
  return order;
}

export function isValidStatusId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_STATUS_ID;
}

export function changeOrderStatus(core: SandboxCore, store: StoreState, order: Order, statusId: number): void {
  const previous = order.statusId;
  order.statusId = statusId;
  touch(core, order);
  if (statusId === 2 && order.dateShipped === null) order.dateShipped = core.now();
  if (previous !== statusId) emitOrderEvent(core, store, 'store/order/statusUpdated', order.id, { previous, next: statusId });
  emitOrderEvent(core, store, 'store/order/updated', order.id);
}

export function archiveOrder(core: SandboxCore, store: StoreState, order: Order): void {
  if (order.isDeleted) return;
  order.isDeleted = true;
  touch(core, order);
  emitOrderEvent(core, store, 'store/order/archived', order.id);
}

export interface ShipmentRequest {
  order_address_id: number;
  items: { order_product_id: number; quantity: number }[];
  tracking_number: string;
  tracking_link: string;
  tracking_carrier: string;
  shipping_provider: string;
  shipping_method: string;
  merchant_shipping_cost: string;
  comments: string;
}

const STRING_FIELDS = ['tracking_number', 'tracking_link', 'tracking_carrier', 'shipping_provider', 'shipping_method', 'merchant_shipping_cost', 'comments'] as const;

/** Validates a V2 shipment POST body the way the platform does (V2 error arrays). */
export function parseShipmentRequest(order: Order, body: unknown): ShipmentRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw v2Error(400, 'The request body must be a JSON object.');
  const input = body as Record<string, unknown>;
  const addressId = input.order_address_id;
  if (typeof addressId !== 'number' || !Number.isInteger(addressId)) {
    throw v2Error(400, "The required field 'order_address_id' was not supplied or is not an integer.");
  }
  const address = order.addresses.find((candidate) => candidate.id === addressId);
  if (!address) throw v2Error(400, `The order address id ${addressId} is not valid for order ${order.id}.`);
  const strings: Record<(typeof STRING_FIELDS)[number], string> = {
    tracking_number: '',
    tracking_link: '',
    tracking_carrier: '',
    shipping_provider: '',
    shipping_method: '',
    merchant_shipping_cost: '0.0000',
    comments: '',
  };
  for (const field of STRING_FIELDS) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw v2Error(400, `The field '${field}' must be a string.`);
    strings[field] = value;
  }
  if (strings.tracking_number.length > 50) throw v2Error(400, "The field 'tracking_number' must be 50 characters or fewer.");
  if (strings.tracking_link.length > 500) throw v2Error(400, "The field 'tracking_link' must be 500 characters or fewer.");
  const rawItems = input.items;
  if (!Array.isArray(rawItems) || rawItems.length === 0) throw v2Error(400, "The required field 'items' was not supplied or is empty.");
  const items: ShipmentRequest['items'] = [];
  const requested = new Map<number, number>();
  for (const [index, raw] of rawItems.entries()) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw v2Error(400, `items[${index}] must be an object.`);
    const item = raw as Record<string, unknown>;
    if ('product_id' in item) {
      throw v2Error(400, "The field 'product_id' is not supported by this resource. Use 'order_product_id' instead.");
    }
    const orderProductId = item.order_product_id;
    const quantity = item.quantity;
    if (typeof orderProductId !== 'number' || !Number.isInteger(orderProductId)) {
      throw v2Error(400, `items[${index}]: the required field 'order_product_id' was not supplied or is not an integer.`);
    }
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
      throw v2Error(400, `items[${index}]: the field 'quantity' must be a positive integer.`);
    }
    const line = order.lines.find((candidate) => candidate.id === orderProductId);
    if (!line) throw v2Error(400, `items[${index}]: order product ${orderProductId} does not belong to order ${order.id}.`);
    if (line.type !== 'physical') throw v2Error(400, `items[${index}]: order product ${orderProductId} is not a physical item.`);
    if (line.orderAddressId !== address.id) {
      throw v2Error(400, `items[${index}]: order product ${orderProductId} does not ship to order address ${address.id}.`);
    }
    const total = (requested.get(orderProductId) ?? 0) + quantity;
    requested.set(orderProductId, total);
    if (total > line.quantity - line.quantityShipped) {
      throw v2Error(400, `items[${index}]: quantity ${total} exceeds the ${line.quantity - line.quantityShipped} remaining to ship for order product ${orderProductId}.`);
    }
    items.push({ order_product_id: orderProductId, quantity });
  }
  return { order_address_id: address.id, items, ...strings };
}

export function createShipment(core: SandboxCore, store: StoreState, order: Order, request: ShipmentRequest): Shipment {
  const shipment: Shipment = {
    id: nextId(store, 'shipment'),
    orderId: order.id,
    orderAddressId: request.order_address_id,
    dateCreated: core.now(),
    trackingNumber: request.tracking_number,
    trackingLink: request.tracking_link,
    trackingCarrier: request.tracking_carrier,
    shippingProvider: request.shipping_provider,
    shippingMethod: request.shipping_method,
    merchantShippingCost: request.merchant_shipping_cost,
    comments: request.comments,
    items: request.items.map((item) => {
      const line = order.lines.find((candidate) => candidate.id === item.order_product_id);
      if (line) line.quantityShipped += item.quantity;
      return { order_product_id: item.order_product_id, product_id: line?.productId ?? 0, quantity: item.quantity };
    }),
  };
  order.shipments.push(shipment);
  emitEvent(core, store, 'store/shipment/created', { type: 'shipment', id: shipment.id, orderId: order.id });
  const allShipped = physicalLines(order).every((line) => line.quantityShipped >= line.quantity);
  changeOrderStatus(core, store, order, allShipped ? 2 : 3);
  if (allShipped) order.dateShipped = core.now();
  return shipment;
}
