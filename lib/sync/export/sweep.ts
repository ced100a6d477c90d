import type { DbClient } from '../../db/types';
import type { ExportDeps } from './deps';
import { enqueueOrder } from './enqueue';
import { FIRST_SWEEP_LOOKBACK_MS, SWEEP_OVERLAP_MS } from './policy';

export interface SweepSummary {
  stores: number;
  ordersSeen: number;
  ordersQueued: number;
  errors: Array<{ storeHash: string; error: string }>;
}

/**
 * The backstop for lost webhooks: per store, list orders in its export statuses modified since
 * its watermark (minus an overlap) and queue any that need work. The listing carries each whole
 * order, which is kept as a snapshot so processing needs no second read.
 */
export async function sweepStores(
  db: DbClient,
  deps: ExportDeps,
  options: { timeBudgetMs?: number; /** Skip stores swept less than this long ago: the sweep is a backstop, not the main path. */ minIntervalMs?: number } = {},
): Promise<SweepSummary> {
  const started = Date.now();
  const budget = options.timeBudgetMs ?? 20_000;
  const stores = await db.store.findMany({
    where: {
      status: 'INSTALLED',
      whistl: { isNot: null },
      ...(options.minIntervalMs ? { OR: [{ orderWatermark: null }, { orderWatermark: { lt: new Date(deps.now().getTime() - options.minIntervalMs) } }] } : {}),
    },
    include: { settings: true },
    orderBy: { orderWatermark: { sort: 'asc', nulls: 'first' } },
  });
  const summary: SweepSummary = { stores: 0, ordersSeen: 0, ordersQueued: 0, errors: [] };
  for (const store of stores) {
    if (Date.now() - started > budget) break;
    summary.stores += 1;
    const sweepStartedAt = deps.now();
    const since = new Date((store.orderWatermark?.getTime() ?? sweepStartedAt.getTime() - FIRST_SWEEP_LOOKBACK_MS + SWEEP_OVERLAP_MS) - SWEEP_OVERLAP_MS);
    try {
      const bc = await deps.bigcommerce(store.id);
      for (const statusId of store.settings?.exportStatusIds ?? [11]) {
        for await (const order of bc.orders.list({ statusId, minDateModified: since, sort: 'date_modified:asc', limit: 250 }, { priority: 'low' })) {
          summary.ordersSeen += 1;
          const known = await db.orderSync.findUnique({
            where: { storeId_bcOrderId: { storeId: store.id, bcOrderId: order.id } },
            select: { state: true, bcDateModified: true },
          });
          // Unchanged since we last looked: nothing to do, and no write.
          if (known && known.bcDateModified?.getTime() === order.dateModified.getTime()) continue;
          const queued = await enqueueOrder(db, store.id, order.id, { source: 'sweep', snapshot: order, dateModified: order.dateModified });
          if (queued) summary.ordersQueued += 1;
        }
      }
      await db.store.update({ where: { id: store.id }, data: { orderWatermark: sweepStartedAt } });
    } catch (error) {
      summary.errors.push({ storeHash: store.hash, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return summary;
}
