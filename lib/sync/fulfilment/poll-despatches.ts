import type { DbClient } from '../../db/types';
import { isDespatched } from '../../whistl';
import type { ExportDeps } from '../export/deps';
import { detectStatusDrift, detectStuckOrders, type DriftSummary, type StuckSummary } from './detect-stuck-and-drift';
import { DESPATCH_POLL_OVERLAP_MS, FIRST_DESPATCH_POLL_LOOKBACK_MS, MAX_DRIFT_LOOKBACK_MS, MAX_POLLED_ORDERS_PER_STORE } from './policy';
import { recordWhistlOrder } from './record-whistl-order';

export interface PollSummary {
  stores: number;
  despatchesSeen: number;
  writeBacksQueued: number;
  stuck: StuckSummary;
  drift: DriftSummary;
  errors: Array<{ storeHash: string; error: string }>;
}

/**
 * The backstop for lost ConnectAction webhooks, per store with a Whistl connection: list Whistl
 * orders despatched since the watermark (minus an overlap) and queue a write-back for each of
 * ours not yet queued; then look for stuck orders and status drift. The watermark moves only when
 * the whole store tick succeeded, so a failure is re-read next time.
 */
export async function pollDespatches(db: DbClient, deps: ExportDeps, options: { timeBudgetMs?: number } = {}): Promise<PollSummary> {
  const started = Date.now();
  const budget = options.timeBudgetMs ?? 20_000;
  const stores = await db.store.findMany({
    where: { status: 'INSTALLED', whistl: { isNot: null } },
    select: { id: true, hash: true, despatchWatermark: true },
    orderBy: { despatchWatermark: { sort: 'asc', nulls: 'first' } },
  });
  const summary: PollSummary = {
    stores: 0,
    despatchesSeen: 0,
    writeBacksQueued: 0,
    stuck: { stuck: 0, raised: 0, resolved: 0 },
    drift: { ordersChecked: 0, raised: 0, resolved: 0 },
    errors: [],
  };
  for (const store of stores) {
    if (Date.now() - started > budget) break;
    summary.stores += 1;
    const pollStartedAt = deps.now();
    const since = new Date((store.despatchWatermark?.getTime() ?? pollStartedAt.getTime() - FIRST_DESPATCH_POLL_LOOKBACK_MS) - DESPATCH_POLL_OVERLAP_MS);
    try {
      const { client: whistl } = await deps.whistl(store.id);
      let read = 0;
      let complete = true;
      for await (const order of whistl.iterateOrders({ sinceDespatchDate: since })) {
        read += 1;
        if (isDespatched(order.orderStatusId)) {
          summary.despatchesSeen += 1;
          if ((await recordWhistlOrder(db, store.id, order, 'poll')) === 'queued') summary.writeBacksQueued += 1;
        }
        if (read >= MAX_POLLED_ORDERS_PER_STORE) {
          complete = false;
          break;
        }
      }
      const stuck = await detectStuckOrders(db, store.id, whistl, pollStartedAt);
      const driftSince = new Date(Math.max(since.getTime(), pollStartedAt.getTime() - MAX_DRIFT_LOOKBACK_MS));
      const drift = await detectStatusDrift(db, store.id, { bigcommerce: await deps.bigcommerce(store.id), whistl }, driftSince, pollStartedAt);
      for (const key of ['stuck', 'raised', 'resolved'] as const) summary.stuck[key] += stuck[key];
      for (const key of ['ordersChecked', 'raised', 'resolved'] as const) summary.drift[key] += drift[key];
      if (complete) await db.store.update({ where: { id: store.id }, data: { despatchWatermark: pollStartedAt } });
    } catch (error) {
      summary.errors.push({ storeHash: store.hash, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return summary;
}
