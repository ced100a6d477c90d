/** Domain types for Whistl data: camelCase, real Dates, no wire quirks. */

export interface Warehouse {
  id: number;
  name: string;
  code: string | null;
}

export interface CourierService {
  id: number;
  name: string;
  trackingUrl: string | null;
  active: boolean;
}

export interface OrderStatus {
  id: number;
  name: string;
}

export interface WhistlOrderItem {
  id: number | null;
  sku: string;
  quantity: number;
  unitPrice: number | null;
}

export interface WhistlOrder {
  id: number;
  orderNumber: string;
  externalOrderReference: string | null;
  orderStatusId: number;
  orderStatus: string | null;
  warehouseId: number | null;
  courierServiceId: number | null;
  courierServiceName: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  despatchDate: Date | null;
  /** 1-based part of a split order; null when Whistl did not say. */
  part: number | null;
  numberOfParts: number | null;
  lastUpdated: Date | null;
  /** Empty when the list was read without `includeOrderItems`. */
  items: WhistlOrderItem[];
}

export interface StockLevel {
  productId: number;
  /** 0 for a row that sums all warehouses. */
  warehouseId: number;
  sku: string;
  /** Free stock: available to sell, allocations already taken off. */
  level: number;
  /** On hand. */
  totalStockLevel: number;
  preOrderable: boolean;
  bundle: boolean;
  lowStockLevel: number | null;
  lastUpdated: Date | null;
}

export interface WhistlProduct {
  id: number;
  sku: string;
  name: string;
  ean: string | null;
  bundle: boolean;
  lastUpdated: Date | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  /** True when the page was full, so another may follow (Whistl returns no total). */
  hasMore: boolean;
}

/** URLs Whistl POSTs the order JSON to on each event. Put a per-store secret in each URL. */
export interface ConnectActionUrls {
  despatched?: string;
  cancelled?: string;
  delivered?: string;
  split?: string;
}

export interface WhistlOrderLineInput {
  sku: string;
  quantity: number;
  unitPrice?: number;
  unitPriceVat?: number;
  discount?: number;
  details?: string;
}

export interface WhistlOrderInput {
  orderNumber: string;
  /** The connector's idempotency key: unique per Whistl account. */
  externalOrderReference: string;
  title?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  address1: string;
  address2?: string;
  address3?: string;
  town: string;
  county?: string;
  postCode: string;
  /** ISO-2, ISO-3 or a country name. */
  country: string;
  email?: string;
  phone?: string;
  mobile?: string;
  /** A service name/code (e.g. "EXP"), "AUTO", or give `courierServiceId`. */
  courierService?: string;
  courierServiceId?: number;
  warehouse?: string;
  warehouseId?: number;
  channel?: string;
  channelId?: number;
  currency?: string;
  requiredDespatchDate?: Date;
  requiredDeliveryDate?: Date;
  deliveryNotes?: string;
  giftMessages?: string;
  comments?: string;
  orderValue?: number;
  shippingTotalExVat?: number;
  shippingTotalVat?: number;
  discountTotalExVat?: number;
  discountTotalVat?: number;
  totalVat?: number;
  vatNumber?: string;
  eoriNumber?: string;
  iossNumber?: string;
  ukimsNumber?: string;
  numberOfParcels?: number;
  tags?: string;
  items: WhistlOrderLineInput[];
  connectAction?: ConnectActionUrls;
}

export type RejectionReason = 'UNKNOWN_SKU' | 'UNKNOWN_SERVICE' | 'BAD_POSTCODE' | 'MISSING_FIELD' | 'OTHER';

export type CreateOrderOutcome =
  | {
      kind: 'created';
      orderId: number;
      orderNumber: string;
      statusId: number;
      items: { sku: string; id: number | null }[];
    }
  | {
      /** The order is already in Whistl: adopt it (search by number), do not raise an error. */
      kind: 'duplicate';
      field: 'OrderNumber' | 'ExternalOrderReference';
      value: string;
      message: string;
    }
  | {
      kind: 'rejected';
      reason: RejectionReason;
      message: string;
      sku?: string;
      service?: string;
      postcode?: string;
      country?: string;
      field?: string;
    };

export interface ListOrdersQuery {
  sinceLastUpdated?: Date;
  sinceDespatchDate?: Date;
  orderStatusId?: number;
  warehouseId?: number;
  /** From 1. */
  page?: number;
  /** At most 100 (Whistl's cap); larger values are clamped. */
  limit?: number;
  includeOrderItems?: boolean;
}

export interface StockLevelsQuery {
  /** 0 sums all warehouses; omitted gives one row per warehouse. */
  warehouseId?: number;
  sku?: string;
}

export interface ListProductsQuery {
  page?: number;
  limit?: number;
  sinceLastUpdated?: Date;
}

export interface CancelOutcome {
  success: boolean;
  message: string;
}
