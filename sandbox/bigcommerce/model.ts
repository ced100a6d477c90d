/**
 * The BigCommerce simulator's in-memory data model: one `StoreState` per store hash.
 * Wire shapes (snake_case, strings for money, RFC-2822 dates) are produced by the serialisers in
 * `serialize.ts`; this file holds plain data only.
 */

export type InventoryTracking = 'none' | 'product' | 'variant';
export type OrderLineType = 'physical' | 'digital' | 'giftcertificate';

export interface StoreUser {
  id: number;
  email: string;
  locale: string;
}

export interface Quota {
  requests: number;
  windowMs: number;
}

export interface OptionValue {
  id: number;
  option_id: number;
  option_display_name: string;
  label: string;
}

export interface Variant {
  id: number;
  productId: number;
  /** `''` models a variant the merchant never gave a SKU. */
  sku: string;
  /** V2 SKU id; null for a product's base variant. */
  skuId: number | null;
  optionValues: OptionValue[];
  price: number;
  weight: number;
}

export interface Product {
  id: number;
  name: string;
  type: 'physical' | 'digital';
  sku: string;
  price: number;
  costPrice: number;
  weight: number;
  inventoryTracking: InventoryTracking;
  /** The base variant of a simple product; null for a product with options ("complex"). */
  baseVariantId: number | null;
  variants: Variant[];
  brand: string;
  binPickingNumber: string;
  dateCreated: number;
  dateModified: number;
}

/** One inventory record at the single default location (key `p:{productId}` or `v:{variantId}`). */
export interface InventoryRecord {
  onHand: number;
  safetyStock: number;
  warningLevel: number;
  isInStock: boolean;
  binPickingNumber: string;
}

export interface ShippingMethod {
  id: number;
  name: string;
  type: 'perorder' | 'peritem' | 'weight' | 'total' | 'freeshipping';
  rate: number;
  enabled: boolean;
}

export interface ShippingZone {
  id: number;
  name: string;
  countryIso2: string;
  enabled: boolean;
  methods: ShippingMethod[];
}

export interface PostalAddress {
  first_name: string;
  last_name: string;
  company: string;
  street_1: string;
  street_2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  country_iso2: string;
  phone: string;
  email: string;
}

export interface Customer {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  address: PostalAddress;
}

export interface OrderAddress extends PostalAddress {
  id: number;
  shippingMethod: string;
  shippingZoneId: number;
  shippingZoneName: string;
  /** Shipping cost charged for this address (ex tax = inc tax in the simulator). */
  cost: number;
}

export interface OrderLine {
  id: number;
  productId: number;
  variantId: number;
  /** 0 for digital and gift-certificate lines. */
  orderAddressId: number;
  name: string;
  sku: string;
  type: OrderLineType;
  price: number;
  quantity: number;
  quantityShipped: number;
  weight: number;
  optionValues: OptionValue[];
  parentOrderProductId: number | null;
  giftCertificateId: number | null;
  recipientEmail: string;
  brand: string;
  binPickingNumber: string;
}

export interface ShipmentItem {
  order_product_id: number;
  product_id: number;
  quantity: number;
}

export interface Shipment {
  id: number;
  orderId: number;
  orderAddressId: number;
  dateCreated: number;
  trackingNumber: string;
  trackingLink: string;
  trackingCarrier: string;
  shippingProvider: string;
  shippingMethod: string;
  merchantShippingCost: string;
  comments: string;
  items: ShipmentItem[];
}

export interface Order {
  id: number;
  customerId: number;
  dateCreated: number;
  dateModified: number;
  dateShipped: number | null;
  statusId: number;
  billingAddress: PostalAddress;
  addresses: OrderAddress[];
  lines: OrderLine[];
  shipments: Shipment[];
  paymentMethod: string;
  customerMessage: string;
  staffNotes: string;
  isDeleted: boolean;
  channelId: number;
  orderSource: string;
}

export interface Hook {
  id: number;
  clientId: string;
  scope: string;
  destination: string;
  headers: Record<string, string> | null;
  isActive: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface FaultSettings {
  /** Added to every REST response, in ms. */
  latencyMs: number;
  /** Probability (0..1) that a REST request fails with a 5xx before doing anything. */
  errorRate: number;
  /** Probability (0..1) that a write is committed but the response is a 500 anyway. */
  errorAfterCommitRate: number;
  /** Every REST request is answered 429 until this instant (ms since epoch, sandbox clock). */
  stormUntil: number;
  /** Whether storm 429s carry the X-Rate-Limit-* headers (false = platform load). */
  stormWithHeaders: boolean;
  /** Probability (0..1) that a webhook delivery is silently dropped. */
  dropWebhookRate: number;
  /** Probability (0..1) that a webhook delivery is sent twice (same `hash`). */
  duplicateWebhookRate: number;
}

export interface CallStats {
  /** Count per `METHOD /vN/template`. */
  calls: Map<string, number>;
  served429: number;
  injectedErrors: number;
  unauthorized: number;
}

export interface RateWindow {
  startedAt: number;
  used: number;
}

export interface WebhookDelivery {
  webhookId: string;
  hookId: number;
  scope: string;
  destination: string;
  hash: string;
  payload: unknown;
  duplicate: boolean;
  /** 0 for the first attempt, then 1, 2, ... for retries. */
  attempt: number;
  dropped: boolean;
  status: number | null;
  error: string | null;
  at: number;
}

export interface StoreState {
  hash: string;
  storeId: string;
  accountUuid: string;
  name: string;
  quota: Quota;
  owner: StoreUser;
  users: StoreUser[];
  /** Access token currently valid for the app on this store, with its granted scope. */
  accessToken: { token: string; scope: string } | null;
  products: Map<number, Product>;
  variantsById: Map<number, Variant>;
  inventory: Map<string, InventoryRecord>;
  zones: ShippingZone[];
  customers: Customer[];
  orders: Map<number, Order>;
  hooks: Map<number, Hook>;
  faults: FaultSettings;
  stats: CallStats;
  rate: RateWindow;
  deliveries: WebhookDelivery[];
  ids: {
    product: number;
    variant: number;
    skuId: number;
    option: number;
    order: number;
    orderLine: number;
    orderAddress: number;
    shipment: number;
    hook: number;
    customer: number;
    zone: number;
    method: number;
    giftCertificate: number;
  };
}

export const DEFAULT_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  errorAfterCommitRate: 0,
  stormUntil: 0,
  stormWithHeaders: true,
  dropWebhookRate: 0,
  duplicateWebhookRate: 0,
};

export const DEFAULT_LOCATION = { id: 1, code: 'BC-LOCATION-1', name: 'Default location' } as const;

export function productInventoryKey(productId: number): string {
  return `p:${productId}`;
}

export function variantInventoryKey(variantId: number): string {
  return `v:${variantId}`;
}

export function nextId(store: StoreState, kind: keyof StoreState['ids']): number {
  store.ids[kind] += 1;
  return store.ids[kind];
}
