/** The simulator's in-memory state. Times are epoch ms of sandbox time. */

export interface SandboxWarehouse {
  id: number;
  name: string;
  code: string;
}

export interface SandboxCourierService {
  id: number;
  name: string;
  /** `{TrackingNumber}` is replaced; without it the number is appended. */
  trackingUrl: string;
  active: boolean;
}

export interface StockCell {
  onHand: number;
  allocated: number;
  lastUpdated: number;
}

export interface SandboxProduct {
  id: number;
  sku: string;
  name: string;
  ean: string | null;
  bundle: boolean;
  preOrderable: boolean;
  lowStockLevel: number | null;
  altCodes: string[];
  lastUpdated: number;
  /** Keyed by warehouse id. */
  stock: Map<number, StockCell>;
}

export interface SandboxOrderLine {
  id: number;
  productId: number;
  sku: string;
  quantity: number;
  unitPrice: number | null;
  unitPriceVat: number | null;
  discount: number | null;
  details: string | null;
}

export interface ConnectActionUrls {
  despatched?: string;
  cancelled?: string;
  delivered?: string;
  split?: string;
}

export interface SandboxAddress {
  title: string | null;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  address1: string;
  address2: string | null;
  address3: string | null;
  town: string;
  county: string | null;
  postCode: string | null;
  /** ISO-2. */
  country: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
}

export interface SandboxOrder {
  id: number;
  accountId: string;
  orderNumber: string;
  externalOrderReference: string | null;
  statusId: number;
  warehouseId: number;
  courierServiceId: number;
  courierServiceName: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  despatchDate: number | null;
  part: number;
  numberOfParts: number;
  /** The order a split part was cut from; null for an original order. */
  parentId: number | null;
  orderDate: number;
  lastUpdated: number;
  statusChangedAt: number;
  /** True while the lines hold free stock (between creation/backorder release and despatch/cancel). */
  allocated: boolean;
  address: SandboxAddress;
  currency: string;
  channel: string | null;
  orderValue: number | null;
  deliveryNotes: string | null;
  lines: SandboxOrderLine[];
  connectAction: ConnectActionUrls | null;
}

export interface SandboxUser {
  username: string;
  password: string;
}

export interface SandboxAccount {
  id: string;
  name: string;
  users: SandboxUser[];
  warehouses: SandboxWarehouse[];
  courierServices: SandboxCourierService[];
  products: Map<number, SandboxProduct>;
  orders: Map<number, SandboxOrder>;
}

export interface IssuedKey {
  accountId: string;
  /** null for static keys, which never expire. */
  expiresAt: number | null;
}

/** Whistl's status ids, as in the contract. */
export const STATUS = {
  NEW: 1,
  PRINTED: 2,
  CANCELLED: 3,
  DESPATCHED: 4,
  INVOICED: 5,
  INVOICEFAILED: 6,
  HOLDING: 7,
  FAILED: 8,
  ONBACKORDER: 9,
  QUERYRAISED: 13,
  PICKED: 17,
  FRAUDRISK: 18,
} as const;

export const STATUS_NAMES: Record<number, string> = {
  1: 'NEW',
  2: 'PRINTED',
  3: 'CANCELLED',
  4: 'DESPATCHED',
  5: 'INVOICED',
  6: 'INVOICEFAILED',
  7: 'HOLDING',
  8: 'FAILED',
  9: 'ONBACKORDER',
  10: 'AWAITINGCONFIRMATION',
  11: 'AWAITINGDOCUMENTATION',
  12: 'AWAITINGPAYMENT',
  13: 'QUERYRAISED',
  14: 'PACKANDHOLD',
  15: 'AWAITINGPICKING',
  16: 'PICKINGSTARTED',
  17: 'PICKED',
  18: 'FRAUDRISK',
  19: 'PICKINGSKIPPED',
  20: 'PACKED',
  21: 'AWAITINGREPLEN',
  22: 'PROCESSING',
  23: 'REBINNED',
};

/** The warehouse's happy path, one step per clock tick. */
export const PROGRESSION: readonly number[] = [STATUS.NEW, STATUS.PRINTED, STATUS.PICKED, STATUS.DESPATCHED];

export const API_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
