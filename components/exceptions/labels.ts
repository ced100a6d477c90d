import type { BadgeProps } from '@bigcommerce/big-design';
import type { ExceptionStatus, ExceptionType, OrderSyncState, OwnerTeam } from '@/lib/generated/prisma/enums';

/** Panel wording for the sync enums (client-safe: plain data). */
export const EXCEPTION_TYPE_LABELS: Record<ExceptionType, string> = {
  UNMAPPED_SHIPPING: 'Unmapped shipping',
  INVALID_SKU: 'Invalid SKU',
  MISSING_SKU: 'Missing SKU',
  INVALID_ADDRESS: 'Invalid address',
  WHISTL_REJECTED: 'Rejected by Whistl',
  EXPORT_FAILED: 'Export failed',
  CANCEL_FAILED: 'Cancel failed',
  WHISTL_STUCK: 'Stuck at Whistl',
  STATUS_DRIFT: 'Status drift',
  WRITEBACK_FAILED: 'Shipment write-back failed',
  STOCK_PUSH_FAILED: 'Stock push failed',
};

export const OWNER_LABELS: Record<OwnerTeam, string> = { OPS: 'Ops', CX: 'Customer service', MERCHANDISING: 'Merchandising', FINANCE: 'Finance' };

export const EXCEPTION_STATUS_LABELS: Record<ExceptionStatus, string> = { OPEN: 'Open', RESOLVED: 'Resolved', IGNORED: 'Ignored' };

export const ORDER_STATE_BADGES: Record<OrderSyncState, { label: string; variant: BadgeProps['variant'] }> = {
  PENDING: { label: 'Queued', variant: 'secondary' },
  EXPORTING: { label: 'Sending', variant: 'primary' },
  HELD: { label: 'Held', variant: 'danger' },
  EXPORTED: { label: 'At Whistl', variant: 'success' },
  SKIPPED: { label: 'Skipped', variant: 'secondary' },
  FAILED: { label: 'Failed', variant: 'danger' },
  CANCELLED: { label: 'Cancelled', variant: 'secondary' },
  IGNORED: { label: 'Ignored', variant: 'warning' },
};

/** "5 min", "3 h", "2 days": how long something has waited. */
export function age(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
