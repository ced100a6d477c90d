/**
 * Scenario 1, the peak hour: paid orders arrive as BigCommerce webhooks at the peak rate, the
 * in-process scheduler runs the production jobs (orders, fulfilment, inventory), and a simulated
 * warehouse despatches each order a while after it reached Whistl (ConnectAction webhooks back).
 */
import { getStoreRateLimiter } from '@/lib/bigcommerce/api';
import { getDb } from '@/lib/db/client';
import { fulfilmentJob } from '@/lib/jobs/fulfilment-job';
import { inventoryJob } from '@/lib/jobs/inventory-job';
import { ordersJob } from '@/lib/jobs/orders-job';
import { startInProcessScheduler } from '@/lib/jobs/scheduler';
import { percentile, round, sleep, startResourceSampler, sumCalls, waitFor, waitForJobsToFinish, type ResourceReport } from './metrics';
import { placeShopperOrder, type BenchStore, type World } from './world';

export interface PeakOptions {
  orders: number;
  /** Simulated seconds per real second. */
  compression: number;
  /** Simulated peak rate: 10,000 orders per simulated hour. */
  ordersPerSimHour: number;
  /** Simulated seconds between scheduler ticks. */
  tickSimSeconds: number;
  /** Simulated warehouse lag from "in Whistl" to "despatched", uniform in this range (simulated minutes). */
  despatchLagSimMinutes: [number, number];
  /** Real time allowed after the last order for exports and shipments to finish. */
  drainTimeoutMs: number;
}

export interface PeakResult {
  ordersPlaced: number;
  ordersExported: number;
  ordersDespatched: number;
  shipmentsCreated: number;
  simulatedMinutes: number;
  realFeedSeconds: number;
  realTotalSeconds: number;
  paidToWhistlMs: { p50: number; p95: number; p99: number; max: number };
  despatchToShipmentMs: { p50: number; p95: number; max: number };
  /** Percentiles over the orders that finished only (the headline ones count unfinished orders at their age when the run ended). */
  completedOnly: { paidToWhistlP95Ms: number; despatchToShipmentP95Ms: number };
  bc: { total: number; calls: Record<string, number>; served429: number; clientThrottled: number; limiterWaits: number; exportOrderReads: number; writeBackAttempts: number };
  whistl: { total: number; calls: Record<string, number>; creates: number };
  webhooks: { bigcommerce: number; whistl: number; non2xx: number };
  resources: ResourceReport;
  drained: boolean;
  jobs: Record<string, { runs: number; p50Ms: number; p95Ms: number; maxMs: number }>;
}

export async function runPeakHour(world: World, store: BenchStore, options: PeakOptions): Promise<PeakResult> {
  const { db } = world;
  const c = options.compression;
  const realIntervalMs = 3_600_000 / options.ordersPerSimHour / c;
  world.bc.control.setQuota(store.hash, { requests: 150, windowMs: Math.round(30_000 / c) });
  world.bc.control.resetStats(store.hash);
  world.whistl.resetCallCounts();
  const limiterBefore = getStoreRateLimiter(store.hash).stats();
  const hooksBefore = { ...world.webhooks };

  const paidAt = new Map<number, number>();
  const despatchedAt = new Map<string, number>();
  const seenExports = new Set<string>();
  const queue: Array<{ orderSyncId: string; whistlOrderId: number; dueAt: number }> = [];
  const resources = startResourceSampler();
  const started = Date.now();

  const tickMs = Math.max(250, Math.round((options.tickSimSeconds * 1000) / c));
  const stopScheduler = startInProcessScheduler(getDb, [
    { name: 'orders', everyMs: tickMs, run: ordersJob },
    { name: 'fulfilment', everyMs: tickMs, run: fulfilmentJob },
    { name: 'inventory', everyMs: tickMs, run: inventoryJob },
  ]);

  // The warehouse: every order found in Whistl is despatched after its (compressed) lag.
  let warehouseRunning = true;
  let lastLook = new Date(0);
  const [lagLo, lagHi] = options.despatchLagSimMinutes;
  const warehouse = (async () => {
    while (warehouseRunning) {
      const since = new Date(lastLook.getTime() - 5_000);
      lastLook = new Date();
      const events = await db.orderSyncEvent.findMany({
        where: { storeId: store.storeId, kind: 'EXPORTED', createdAt: { gte: since } },
        select: { orderSyncId: true, detail: true },
      });
      for (const event of events) {
        if (seenExports.has(event.orderSyncId)) continue;
        seenExports.add(event.orderSyncId);
        const detail = event.detail as { whistlOrderId?: number } | null;
        if (!detail?.whistlOrderId) continue;
        const lagMs = ((lagLo + Math.random() * (lagHi - lagLo)) * 60_000) / c;
        queue.push({ orderSyncId: event.orderSyncId, whistlOrderId: detail.whistlOrderId, dueAt: Date.now() + lagMs });
      }
      const now = Date.now();
      for (let i = queue.length - 1; i >= 0; i -= 1) {
        const item = queue[i];
        if (!item || item.dueAt > now) continue;
        queue.splice(i, 1);
        world.whistl.advanceOrder(item.whistlOrderId, 4);
        despatchedAt.set(item.orderSyncId, Date.now());
      }
      await sleep(250);
    }
  })();

  // Shoppers: orders placed at the (compressed) peak rate; checkout fires the webhooks.
  for (let n = 0; n < options.orders; n += 1) {
    await sleep(started + n * realIntervalMs - Date.now());
    const id = placeShopperOrder(world, store, n);
    paidAt.set(id, Date.now());
  }
  const feedEnded = Date.now();
  console.log(`[bench] peak: ${options.orders} orders placed in ${round((feedEnded - started) / 1000, 1)} s real; draining…`);

  const drained = await waitFor(
    async () => {
      const [exported, done] = await Promise.all([
        db.orderSync.count({ where: { storeId: store.storeId, state: 'EXPORTED' } }),
        db.shipmentWriteBack.count({ where: { storeId: store.storeId, state: 'DONE' } }),
      ]);
      return exported >= options.orders && done >= options.orders;
    },
    options.drainTimeoutMs,
    1000,
  );
  warehouseRunning = false;
  await warehouse;
  stopScheduler();
  const realTotalMs = Date.now() - started;
  const usage = resources.stop();
  // Let in-flight jobs finish before counters are read.
  await waitForJobsToFinish(db);
  const jobRuns = await db.jobRun.findMany({ where: { startedAt: { gte: new Date(started) } }, select: { job: true, startedAt: true, finishedAt: true } });
  const jobs: PeakResult['jobs'] = {};
  for (const name of ['orders', 'fulfilment', 'inventory']) {
    const durations = jobRuns.filter((r) => r.job === name && r.finishedAt).map((r) => (r.finishedAt?.getTime() ?? 0) - r.startedAt.getTime());
    jobs[name] = { runs: durations.length, p50Ms: percentile(durations, 50), p95Ms: percentile(durations, 95), maxMs: percentile(durations, 100) };
  }

  const syncs = await db.orderSync.findMany({ where: { storeId: store.storeId }, select: { id: true, bcOrderId: true } });
  const bcOrderOf = new Map(syncs.map((s) => [s.id, s.bcOrderId]));
  const exportedEvents = await db.orderSyncEvent.findMany({ where: { storeId: store.storeId, kind: 'EXPORTED' }, select: { orderSyncId: true, createdAt: true } });
  const paidToWhistl: number[] = [];
  const exportedOrders = new Set<number>();
  for (const event of exportedEvents) {
    const bcOrderId = bcOrderOf.get(event.orderSyncId) ?? -1;
    const paid = paidAt.get(bcOrderId);
    if (paid !== undefined && !exportedOrders.has(bcOrderId)) {
      exportedOrders.add(bcOrderId);
      paidToWhistl.push(event.createdAt.getTime() - paid);
    }
  }
  // Orders still not in Whistl when the drain gave up count with their age at that moment (a lower
  // bound), so the percentiles are not flattered by leaving the slowest orders out.
  const endedAt = started + realTotalMs;
  const paidToWhistlCensored = [...paidToWhistl];
  for (const [bcOrderId, paid] of paidAt) if (!exportedOrders.has(bcOrderId)) paidToWhistlCensored.push(endedAt - paid);
  const shippedEvents = await db.orderSyncEvent.findMany({
    where: { storeId: store.storeId, kind: 'SHIPPED' },
    select: { orderSyncId: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  });
  const despatchToShipment: number[] = [];
  const counted = new Set<string>();
  for (const event of shippedEvents) {
    if (counted.has(event.orderSyncId)) continue;
    counted.add(event.orderSyncId);
    const despatched = despatchedAt.get(event.orderSyncId);
    if (despatched !== undefined) despatchToShipment.push(event.createdAt.getTime() - despatched);
  }
  const despatchToShipmentCensored = [...despatchToShipment];
  for (const [orderSyncId, despatched] of despatchedAt) if (!counted.has(orderSyncId)) despatchToShipmentCensored.push(endedAt - despatched);
  const writeBackAttempts = await db.orderSyncEvent.count({
    where: { storeId: store.storeId, kind: { in: ['SHIPPED', 'WRITEBACK_RETRY', 'WRITEBACK_FAILED', 'DRIFT'] } },
  });

  const stats = world.bc.control.stats(store.hash);
  const orderReads = sumCalls(stats.calls, (key) => /^GET \/v2\/orders\/\{[^}]+\}$/.test(key));
  const whistlCalls = world.whistl.callCounts();
  const limiterAfter = getStoreRateLimiter(store.hash).stats();

  return {
    ordersPlaced: options.orders,
    ordersExported: paidToWhistl.length,
    ordersDespatched: despatchedAt.size,
    shipmentsCreated: despatchToShipment.length,
    simulatedMinutes: round((options.orders / options.ordersPerSimHour) * 60, 1),
    realFeedSeconds: round((feedEnded - started) / 1000, 1),
    realTotalSeconds: round(realTotalMs / 1000, 1),
    paidToWhistlMs: { p50: percentile(paidToWhistlCensored, 50), p95: percentile(paidToWhistlCensored, 95), p99: percentile(paidToWhistlCensored, 99), max: percentile(paidToWhistlCensored, 100) },
    despatchToShipmentMs: { p50: percentile(despatchToShipmentCensored, 50), p95: percentile(despatchToShipmentCensored, 95), max: percentile(despatchToShipmentCensored, 100) },
    completedOnly: {
      paidToWhistlP95Ms: percentile(paidToWhistl, 95),
      despatchToShipmentP95Ms: percentile(despatchToShipment, 95),
    },
    bc: {
      total: stats.total,
      calls: stats.calls,
      served429: stats.served429,
      clientThrottled: limiterAfter.throttled - limiterBefore.throttled,
      limiterWaits: limiterAfter.waitsForWindow - limiterBefore.waitsForWindow,
      exportOrderReads: Math.max(0, orderReads - writeBackAttempts),
      writeBackAttempts,
    },
    whistl: { total: sumCalls(whistlCalls, () => true), calls: whistlCalls, creates: sumCalls(whistlCalls, (key) => key === 'PUT /api/Order') },
    webhooks: {
      bigcommerce: world.webhooks.bigcommerce - hooksBefore.bigcommerce,
      whistl: world.webhooks.whistl - hooksBefore.whistl,
      non2xx: world.webhooks.non2xx - hooksBefore.non2xx,
    },
    resources: usage,
    drained,
    jobs,
  };
}
