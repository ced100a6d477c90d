/**
 * Scenario 1, the peak hour: paid orders arrive as BigCommerce webhooks at the peak rate, the app
 * process answers them (with SYNC_AFTER_WEBHOOK=1 the product starts the export / write-back right
 * after answering) and runs the production jobs (orders, fulfilment, inventory) on the production
 * cadence, and a simulated warehouse despatches each order a while after it reached Whistl
 * (ConnectAction webhooks back).
 */
import type { AppUsage, WebhookCounts } from './app-protocol';
import { percentile, round, sleep, startResourceSampler, sumCalls, waitFor, type ResourceReport } from './metrics';
import { placeShopperOrder, type BenchStore, type World } from './world';

export interface PeakOptions {
  orders: number;
  /** Simulated seconds per real second. */
  compression: number;
  /** Simulated peak rate: 10,000 orders per simulated hour. */
  ordersPerSimHour: number;
  /** Simulated seconds between scheduler ticks (production: 60). */
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
  bc: {
    total: number;
    calls: Record<string, number>;
    served429: number;
    /** 429s the app's limiter saw (its own count, in the app process). */
    clientThrottled: number;
    limiterWaits: number;
    /** GET /v2/orders (lists) + GET /v2/orders/{id} (reads): every call the export path can make, plus any slow-path write-back reads. */
    orderLists: number;
    orderReads: number;
    /** Every call to /v2/orders/{id}/shipments (GET lists and POST creates, and any single-shipment calls). */
    shipmentCalls: number;
  };
  whistl: { total: number; calls: Record<string, number>; creates: number };
  webhooks: WebhookCounts;
  /** The app process (the 512 MB target). */
  resources: AppUsage;
  /** The bench process: driver + both simulators (for information). */
  benchResources: ResourceReport;
  schedulerTickMs: number;
  drained: boolean;
  jobs: Record<string, { runs: number; p50Ms: number; p95Ms: number; maxMs: number }>;
}

export async function runPeakHour(world: World, store: BenchStore, options: PeakOptions): Promise<PeakResult> {
  const { db, app } = world;
  const c = options.compression;
  const realIntervalMs = 3_600_000 / options.ordersPerSimHour / c;
  world.bc.control.setQuota(store.hash, { requests: 150, windowMs: Math.round(30_000 / c) });
  world.bc.control.resetStats(store.hash);
  world.whistl.resetCallCounts();
  const limiterBefore = await app.call('limiterStats', { hash: store.hash });
  const hooksBefore = await app.call('webhookCounts', {});

  const paidAt = new Map<number, number>();
  const despatchedAt = new Map<string, number>();
  const seenExports = new Set<string>();
  const queue: Array<{ orderSyncId: string; whistlOrderId: number; dueAt: number }> = [];
  await app.call('resetUsage', {});
  const benchResources = startResourceSampler(200);
  const started = Date.now();

  const tickMs = Math.max(250, Math.round((options.tickSimSeconds * 1000) / c));
  await app.call('startScheduler', {
    jobs: [
      { name: 'orders', everyMs: tickMs },
      { name: 'fulfilment', everyMs: tickMs },
      { name: 'inventory', everyMs: tickMs },
    ],
  });

  // The warehouse: every order found in Whistl is despatched after its (compressed) lag.
  let warehouseRunning = true;
  let lastLook = new Date(0);
  const [lagLo, lagHi] = options.despatchLagSimMinutes;
  const warehouse = (async () => {
    while (warehouseRunning && !app.signal.aborted) {
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
  for (let n = 0; n < options.orders && !app.signal.aborted; n += 1) {
    await sleep(started + n * realIntervalMs - Date.now());
    const id = placeShopperOrder(world, store, n);
    paidAt.set(id, Date.now());
  }
  const feedEnded = Date.now();
  console.log(`[bench] peak: ${paidAt.size} orders placed in ${round((feedEnded - started) / 1000, 1)} s real; draining…`);

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
    app.signal,
  );
  warehouseRunning = false;
  await warehouse;
  const realTotalMs = Date.now() - started;
  // Stop the timers and let in-flight jobs finish before counters are read.
  const stopped = await app.call('stopScheduler', {});
  if (!stopped.allFinished) console.warn(`[bench] peak: scheduled jobs still running ${stopped.waitedMs} ms after the scheduler stopped`);
  const usage = await app.call('usage', {});
  const benchUsage = benchResources.stop();
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
  const stats = world.bc.control.stats(store.hash);
  const whistlCalls = world.whistl.callCounts();
  const limiterAfter = await app.call('limiterStats', { hash: store.hash });
  const hooksAfter = await app.call('webhookCounts', {});

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
      orderLists: sumCalls(stats.calls, (key) => key === 'GET /v2/orders'),
      orderReads: sumCalls(stats.calls, (key) => /^GET \/v2\/orders\/\{[^}]+\}$/.test(key)),
      shipmentCalls: sumCalls(stats.calls, (key) => /^[A-Z]+ \/v2\/orders\/\{[^}]+\}\/shipments(\/|$)/.test(key)),
    },
    whistl: { total: sumCalls(whistlCalls, () => true), calls: whistlCalls, creates: sumCalls(whistlCalls, (key) => key === 'PUT /api/Order') },
    webhooks: {
      bigcommerce: hooksAfter.bigcommerce - hooksBefore.bigcommerce,
      whistl: hooksAfter.whistl - hooksBefore.whistl,
      non2xx: hooksAfter.non2xx - hooksBefore.non2xx,
    },
    resources: usage,
    benchResources: benchUsage,
    schedulerTickMs: tickMs,
    drained,
    jobs,
  };
}
