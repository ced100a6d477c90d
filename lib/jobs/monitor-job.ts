import type { DbClient } from '../db/types';
import { deliverAlerts, type AlertSenders } from '../sync/alerts/deliver';
import { evaluateAlerts } from '../sync/alerts/evaluate-alerts';
import { defaultExportDeps, type ExportDeps } from '../sync/export/deps';
import { detectStatusDrift } from '../sync/fulfilment/detect-stuck-and-drift';
import { DESPATCH_POLL_OVERLAP_MS, MAX_DRIFT_LOOKBACK_MS } from '../sync/fulfilment/policy';

export interface MonitorDeps {
  exportDeps: ExportDeps;
  senders?: AlertSenders;
  timeBudgetMs?: number;
}

export interface MonitorSummary {
  stores: number;
  drift: { storesChecked: number; ordersChecked: number; raised: number; resolved: number };
  atRisk: number;
  alerts: { due: number; sent: number; failed: number; suppressed: number; unrouted: number };
  errors: Array<{ storeHash: string; step: 'drift' | 'alerts'; error: string }>;
  [key: string]: unknown;
}

/**
 * The watchman, every minute: status drift (BigCommerce orders shipped or cancelled since the last
 * monitor run, compared with Whistl), orders at risk of missing the dispatch cutoff, and alerting
 * (immediate or digest, deduplicated). Bounded by a time budget; a store that fails one step is
 * reported and the others carry on.
 */
export async function monitorJob(db: DbClient, deps: MonitorDeps = { exportDeps: defaultExportDeps(db) }): Promise<MonitorSummary> {
  const started = Date.now();
  const budget = deps.timeBudgetMs ?? 40_000;
  const now = deps.exportDeps.now();
  const lastGood = await db.jobRun.findFirst({ where: { job: 'monitor', ok: true }, orderBy: { startedAt: 'desc' }, select: { startedAt: true } });
  const driftSince = new Date(Math.max((lastGood?.startedAt.getTime() ?? 0) - DESPATCH_POLL_OVERLAP_MS, now.getTime() - MAX_DRIFT_LOOKBACK_MS));
  const stores = await db.store.findMany({ where: { status: 'INSTALLED' }, select: { id: true, hash: true, whistl: { select: { id: true } } }, orderBy: { installedAt: 'asc' } });
  const summary: MonitorSummary = {
    stores: 0,
    drift: { storesChecked: 0, ordersChecked: 0, raised: 0, resolved: 0 },
    atRisk: 0,
    alerts: { due: 0, sent: 0, failed: 0, suppressed: 0, unrouted: 0 },
    errors: [],
  };
  for (const store of stores) {
    if (Date.now() - started > budget) break;
    summary.stores += 1;
    if (store.whistl) {
      try {
        const { client: whistl } = await deps.exportDeps.whistl(store.id);
        const drift = await detectStatusDrift(db, store.id, { bigcommerce: await deps.exportDeps.bigcommerce(store.id), whistl }, driftSince, now);
        summary.drift.storesChecked += 1;
        for (const key of ['ordersChecked', 'raised', 'resolved'] as const) summary.drift[key] += drift[key];
      } catch (error) {
        summary.errors.push({ storeHash: store.hash, step: 'drift', error: message(error) });
      }
    }
    try {
      const evaluation = await evaluateAlerts(db, store.id, now);
      summary.atRisk += evaluation.atRisk;
      const delivered = await deliverAlerts(db, store.id, evaluation.alerts, { now, ...(deps.senders ? { senders: deps.senders } : {}) });
      for (const key of ['due', 'sent', 'failed', 'suppressed', 'unrouted'] as const) summary.alerts[key] += delivered[key];
    } catch (error) {
      summary.errors.push({ storeHash: store.hash, step: 'alerts', error: message(error) });
    }
  }
  return summary;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
