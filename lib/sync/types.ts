import type { ExceptionType, OwnerTeam, SkuPolicy } from '../generated/prisma/enums';

export type { ExceptionType, OwnerTeam, SkuPolicy };

/** One reason an order cannot go to Whistl. An order gets one exception per problem. */
export interface ExportProblem {
  type: ExceptionType;
  /** Stable within an order, so re-validation updates rather than duplicates, e.g. "sku:TEE-RED/L". */
  reasonKey: string;
  /** One sentence for the exception queue, naming the offending value. */
  message: string;
  detail?: Record<string, unknown>;
}

/** The store's SKU rules, applied in this order: alias, then transforms, then the policy. */
export interface SkuRules {
  policy: SkuPolicy;
  uppercase: boolean;
  /** Characters removed from the SKU (each character of the string). */
  stripChars: string;
  prefix: string;
  suffix: string;
  /** Exact BigCommerce SKU -> Whistl SKU; an alias bypasses transforms but not the policy. */
  aliases: ReadonlyMap<string, string>;
}

/** Shipping method text (normalised key) -> Whistl courier service; null = known but unmapped. */
export interface ShippingRules {
  mappings: ReadonlyMap<string, string | null>;
  /** Used only when the merchant set one explicitly. */
  defaultCourierService: string | null;
}

export interface ExportSettings {
  storeHash: string;
  /** e.g. "{orderId}" or "BC-{orderId}". */
  orderNumberFormat: string;
  warehouseId: number;
  sku: SkuRules;
  shipping: ShippingRules;
  /** Webhook URLs Whistl calls on despatch/cancel, when fulfilment write-back is wired. */
  connectAction?: { despatched?: string; cancelled?: string };
}
