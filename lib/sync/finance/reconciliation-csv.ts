import { toCsv } from './csv';
import { MISMATCH_KINDS, MISMATCH_LABELS } from './kinds';
import type { Reconciliation } from './reconcile';

export type ReconciliationReport = 'mismatches' | 'days';

/** The reconciliation as one CSV table: one row per mismatch, or one row per day. */
export function reconciliationCsv(rec: Reconciliation, report: ReconciliationReport): string {
  if (report === 'days') {
    return toCsv(
      [
        'date',
        'time_zone',
        'bc_orders',
        'bc_revenue',
        'bc_cancelled',
        'bc_not_read_yet',
        'sent_to_whistl_orders',
        'sent_to_whistl_revenue',
        'whistl_orders_created',
        'whistl_orders_despatched',
        'bc_orders_despatched',
        'despatched_revenue',
        ...MISMATCH_KINDS.map((k) => `mismatches_${k.toLowerCase()}`),
      ],
      rec.days.map((d) => [
        d.date,
        rec.timeZone,
        d.bigcommerce.orders,
        d.bigcommerce.revenue,
        d.bigcommerce.cancelled,
        d.bigcommerce.notReadYet,
        d.sentToWhistl.orders,
        d.sentToWhistl.revenue,
        d.whistl.ordersCreated,
        d.whistl.despatched,
        d.whistl.bcOrdersDespatched,
        d.whistl.despatchedRevenue,
        ...MISMATCH_KINDS.map((k) => d.mismatches[k]),
      ]),
    );
  }
  return toCsv(
    ['date', 'kind', 'kind_label', 'bc_order_id', 'connector_state', 'bc_status', 'whistl_orders', 'order_total', 'detail'],
    rec.mismatches.map((m) => [m.day, m.kind, MISMATCH_LABELS[m.kind], m.bcOrderId, m.state, m.bcStatus, m.whistlOrders, m.orderTotal, m.detail]),
  );
}

export function reconciliationFileName(storeHash: string, rec: Reconciliation, report: ReconciliationReport): string {
  const safeHash = storeHash.replace(/[^A-Za-z0-9_-]/g, '');
  const range = rec.from === rec.to ? rec.from : `${rec.from}_to_${rec.to}`;
  return `whistl-reconciliation-${report}-${safeHash}-${range}.csv`;
}
