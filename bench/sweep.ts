/**
 * Scenario 3, sweep only: every webhook of this store is lost (dropWebhookRate 1), so only the
 * orders job's sweep finds the orders. The app process's scheduler runs the orders job alone.
 */
import type { AppUsage } from './app-protocol';
import { percentile, round, sumCalls, waitFor } from './metrics';
import { placeShopperOrder, type BenchStore, type World } from './world';

export interface SweepResult {
  orders: number;
  exported: number;
  webhooksDelivered: number;
  realSeconds: number;
  tickMs: number;
  bc: { total: number; calls: Record<string, number>; orderLists: number; orderReads: number };
  whistlCreates: number;
  placedToWhistlMs: { p50: number; p95: number };
  /** The app process's resource use over the scenario. */
  resources: AppUsage;
}

export async function runSweepOnly(world: World, store: BenchStore, options: { orders: number; tickMs: number; timeoutMs: number }): Promise<SweepResult> {
  const { db, app } = world;
  world.bc.control.setQuota(store.hash, { requests: 150, windowMs: 30_000 });
  world.bc.control.setFaults(store.hash, { dropWebhookRate: 1 });
  const hooksBefore = (await app.call('webhookCounts', {})).bigcommerce;
  const placedAt = new Map<number, number>();
  for (let n = 0; n < options.orders; n += 1) placedAt.set(placeShopperOrder(world, store, n), Date.now());
  await world.bc.control.idle();
  world.bc.control.resetStats(store.hash);
  world.whistl.resetCallCounts();

  await app.call('resetUsage', {});
  const started = Date.now();
  await app.call('startScheduler', { jobs: [{ name: 'orders', everyMs: options.tickMs }] });
  await waitFor(async () => (await db.orderSync.count({ where: { storeId: store.storeId, state: 'EXPORTED' } })) >= options.orders, options.timeoutMs, 1000, app.signal);
  const realMs = Date.now() - started;
  const stopped = await app.call('stopScheduler', {});
  if (!stopped.allFinished) console.warn(`[bench] sweep: the orders job was still running ${stopped.waitedMs} ms after the scheduler stopped`);
  const usage = await app.call('usage', {});

  const syncs = await db.orderSync.findMany({ where: { storeId: store.storeId, state: 'EXPORTED' }, select: { bcOrderId: true, exportedAt: true } });
  const latencies = syncs.flatMap((s) => {
    const placed = placedAt.get(s.bcOrderId);
    return placed !== undefined && s.exportedAt ? [s.exportedAt.getTime() - placed] : [];
  });
  const stats = world.bc.control.stats(store.hash);
  const whistlCalls = world.whistl.callCounts();
  return {
    orders: options.orders,
    exported: syncs.length,
    webhooksDelivered: (await app.call('webhookCounts', {})).bigcommerce - hooksBefore,
    realSeconds: round(realMs / 1000, 1),
    tickMs: options.tickMs,
    bc: {
      total: stats.total,
      calls: stats.calls,
      orderLists: sumCalls(stats.calls, (key) => key === 'GET /v2/orders'),
      orderReads: sumCalls(stats.calls, (key) => /^GET \/v2\/orders\/\{[^}]+\}$/.test(key)),
    },
    whistlCreates: sumCalls(whistlCalls, (key) => key === 'PUT /api/Order'),
    placedToWhistlMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    resources: usage,
  };
}
