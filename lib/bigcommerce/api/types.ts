/**
 * Domain types the BigCommerce client returns (camelCase, dates as Date). Money stays the
 * decimal string BigCommerce sends (e.g. "12.3000") so no precision is lost; parse it with a
 * decimal library where arithmetic is needed.
 */

export type OrderLineType = 'physical' | 'digital' | 'giftcertificate';

export interface OrderLineOption {
  displayName: string;
  displayValue: string;
}

/** One order product (`/v2/orders/{id}/products` item or a consignment line item). */
export interface OrderLine {
  /** The line's `id` on the wire: what shipment items reference. */
  orderProductId: number;
  orderId: number;
  productId: number;
  variantId: number | null;
  /** order_address_id of the shipping address the line ships to (null for digital lines). */
  orderAddressId: number | null;
  name: string;
  sku: string;
  type: OrderLineType;
  quantity: number;
  quantityShipped: number;
  priceIncTax: string;
  priceExTax: string;
  totalIncTax: string;
  /** Set on the children of a bundle. */
  parentOrderProductId: number | null;
  options: OrderLineOption[];
}

export interface PostalAddress {
  firstName: string;
  lastName: string;
  company: string;
  street1: string;
  street2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  countryIso2: string;
  phone: string;
  email: string;
}

/** A shipping address of an order. */
export interface OrderShippingAddress extends PostalAddress {
  /** The address's `id` on the wire: what lines and shipments reference. */
  orderAddressId: number;
  /** Free text the merchant can rename: map on normalised text, not on an id. */
  shippingMethod: string;
  itemsTotal: number;
  itemsShipped: number;
}

/** A shipping consignment: one address and the lines that ship to it. */
export interface OrderShippingConsignment extends OrderShippingAddress {
  lines: OrderLine[];
}

/** The order fields every order response carries. */
export interface OrderSummary {
  id: number;
  customerId: number;
  statusId: number;
  /** Renameable label: key on `statusId`. */
  status: string;
  dateCreated: Date;
  dateModified: Date;
  dateShipped: Date | null;
  currencyCode: string;
  subtotalIncTax: string;
  totalIncTax: string;
  totalExTax: string;
  itemsTotal: number;
  itemsShipped: number;
  paymentStatus: string;
  paymentMethod: string;
  customerMessage: string;
  staffNotes: string;
  channelId: number | null;
  isDeleted: boolean;
  billingAddress: PostalAddress;
}

/** An order read with `include=consignments.line_items`: one call, everything to fulfil it. */
export interface OrderWithConsignments extends OrderSummary {
  /** Shipping addresses (consignments), each with the lines that ship to it. */
  shippingAddresses: OrderShippingConsignment[];
  /** Digital lines (downloads consignments). */
  digitalLines: OrderLine[];
  /** Gift certificates sent by email. */
  giftCertificateLines: OrderLine[];
  /** Lines collected in store (pickup consignments): not for the warehouse. */
  pickupLines: OrderLine[];
  /** Every line above, in one list. */
  lines: OrderLine[];
}

export interface OrderStatus {
  id: number;
  name: string;
  systemLabel: string;
  customLabel: string;
  systemDescription: string;
}

export interface ShipmentItem {
  orderProductId: number;
  productId: number | null;
  quantity: number;
}

export interface Shipment {
  id: number;
  orderId: number;
  orderAddressId: number;
  dateCreated: Date;
  trackingNumber: string;
  trackingLink: string;
  generatedTrackingLink: string;
  trackingCarrier: string;
  shippingProvider: string;
  shippingMethod: string;
  comments: string;
  items: ShipmentItem[];
}

export interface CreateShipmentInput {
  orderAddressId: number;
  items: { orderProductId: number; quantity: number }[];
  /** At most 50 characters. */
  trackingNumber?: string;
  trackingLink?: string;
  trackingCarrier?: string;
  shippingProvider?: string;
  shippingMethod?: string;
  comments?: string;
}

export interface ShippingZone {
  id: number;
  name: string;
  type: string;
  enabled: boolean;
}

export interface ShippingMethod {
  id: number;
  zoneId: number;
  name: string;
  type: string;
  enabled: boolean;
}

export type InventoryTracking = 'none' | 'product' | 'variant';

export interface CatalogVariant {
  id: number;
  productId: number;
  sku: string;
  skuId: number | null;
  inventoryLevel: number | null;
  purchasingDisabled: boolean;
}

export interface CatalogProduct {
  id: number;
  name: string;
  sku: string;
  type: string;
  inventoryTracking: InventoryTracking;
  inventoryLevel: number | null;
  isVisible: boolean;
  /** Present when requested with `include=variants`. */
  variants: CatalogVariant[];
}

export interface InventoryLocationLevel {
  locationId: number;
  locationCode: string;
  availableToSell: number;
  totalInventoryOnhand: number;
  safetyStock: number;
  isInStock: boolean;
}

export interface InventoryItem {
  sku: string;
  variantId: number | null;
  productId: number | null;
  locations: InventoryLocationLevel[];
}

/** Exactly one identifier per item, matching the item's `inventory_tracking`. */
export type InventoryAdjustmentItem = { locationId: number; quantity: number } & (
  | { sku: string; variantId?: never; productId?: never }
  | { variantId: number; sku?: never; productId?: never }
  | { productId: number; sku?: never; variantId?: never }
);

export interface InventoryAdjustmentInput {
  reason?: string;
  items: InventoryAdjustmentItem[];
}

export interface InventoryAdjustmentResult {
  /** One per request sent (items are chunked by 2000). */
  transactionIds: string[];
}

export interface Webhook {
  id: number;
  clientId: string;
  storeHash: string;
  scope: string;
  destination: string;
  isActive: boolean;
  headers: Record<string, string> | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CreateWebhookInput {
  scope: string;
  destination: string;
  isActive?: boolean;
  headers?: Record<string, string> | null;
}

export type UpdateWebhookInput = Partial<CreateWebhookInput>;
