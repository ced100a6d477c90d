import type { IntegrationAuditStatus } from '../../generated/prisma/enums';

/** Items kept per finding in the report (the full count is always kept). */
export const AUDIT_ITEM_LIMIT = 100;
/** Example order ids kept per item. */
export const AUDIT_EXAMPLE_LIMIT = 5;
export const AUDIT_DEFAULT_DAYS = 30;
export const AUDIT_MAX_DAYS = 365;

export type AuditPhase = 'whistl' | 'orders' | 'catalog' | 'shipping' | 'settings';

export type FindingId =
  | 'unmapped-shipping'
  | 'sku-policy'
  | 'sku-empty'
  | 'sku-missing-at-whistl'
  | 'address'
  | 'stock-no-record'
  | 'stock-short'
  | 'stock-buffer'
  | 'settings-default-buffer'
  | 'settings-cutoff'
  | 'settings-alerts';

export type FindingSeverity = 'blocking' | 'risk' | 'setting';

/** One row of a finding: a shipping method, a SKU, a country + address field, a team. */
export interface AuditItem {
  key: string;
  label: string;
  /** Orders in the period this item blocked (or sold in); 0 for catalog-only or store-wide items. */
  orders: number;
  /** Units sold in the period (SKU items). */
  units: number;
  /** A few order ids to look at. */
  examples: number[];
  detail: string;
}

export interface AuditFinding {
  id: FindingId;
  severity: FindingSeverity;
  title: string;
  /** Distinct items (methods, SKUs, countries...) behind the finding. */
  count: number;
  /** Orders in the period it affects (blocking findings), else null. */
  orders: number | null;
  fix: string;
  link: { href: string; label: string };
  /** Ranked (orders or units sold, most first), at most AUDIT_ITEM_LIMIT. */
  items: AuditItem[];
  /** Change since the previous report: null when there was none or it had no such finding. */
  delta: { count: number; orders: number | null } | null;
}

export interface AuditReport {
  days: number;
  since: string;
  generatedAt: string;
  orders: {
    /** Orders created in the period, any status. */
    total: number;
    /** Would have been sent to Whistl without a problem. */
    clean: number;
    /** At least one blocking problem. */
    blocked: number;
    /** Digital, gift certificates or store pickup only. */
    nothingToShip: number;
    /** clean / (clean + blocked); null when no order had anything to ship. */
    cleanShare: number | null;
  };
  catalog: { products: number; variants: number };
  whistl: { products: number; stockRecords: number };
  shippingMethods: { offered: number; unmapped: number };
  /** BigCommerce and Whistl requests the audit made. */
  requests: { bigcommerce: number; whistl: number };
  findings: AuditFinding[];
  previous: {
    auditId: string;
    finishedAt: string | null;
    cleanShare: number | null;
    /** Findings of the previous report that are gone now. */
    resolved: { id: FindingId; title: string }[];
  } | null;
}

export interface AuditView {
  id: string;
  status: IntegrationAuditStatus;
  days: number;
  phase: AuditPhase | null;
  ordersScanned: number;
  productsScanned: number;
  productsTotal: number | null;
  requests: number;
  report: AuditReport | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}
