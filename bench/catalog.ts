/**
 * Scenario 2, a big catalog: N product-tracked SKUs in BigCommerce and Whistl. A first full
 * reconciliation (what a store's first sync and the periodic reconciliation cost), then 1 % of
 * Whistl's stock changes and the next scheduled tick runs: time from that tick until every change
 * is visible in BigCommerce, and the requests it used. The inventory runs happen in the app
 * process (runDueInventorySyncs with the scheduler's clock shifted); the catalogs live here.
 */
import type { InventorySyncSummary } from '@/lib/sync/inventory/run-inventory-sync';
import type { AppUsage } from './app-protocol';
import { round, sumCalls, waitFor } from './metrics';
import { installBenchStore, type World } from './world';

export interface CatalogResult {
  skus: number;
  changed: number;
  full: { passMs: number; bcRequests: number; catalogPages: number; adjustments: number; whistlRequests: number; pushed: number };
  tick: { passMs: number; runMs: number; kind: string; bcRequests: number; adjustments: number; whistlRequests: number; pushed: number; applied: boolean };
  /** The app process's resource use over the scenario. */
  resources: AppUsage;
}

const MINUTE = 60_000;

export async function runCatalog(world: World, options: { skus: number; changeFraction: number }): Promise<CatalogResult> {
  const { app } = world;
  const hash = 'benchcatalog';
  const products = Array.from({ length: options.skus }, (_, i) => ({ name: `Item ${i}`, sku: `CAT${i}`, inventoryTracking: 'product' as const, stock: 0 }));
  world.bc.control.seedStore({ hash, productCount: 0, products, awkwardSkus: { nonAlphanumeric: 0, missing: 0 } });
  const store = await installBenchStore(
    world,
    hash,
    products.map((p) => p.sku),
    50,
    // Standard plan, real time: the catalog scenario is not compressed.
    { webhooks: false, quota: { requests: 150, windowMs: 30_000 } },
  );

  // The scheduler's clock for this store: ticks are 5 simulated minutes apart; Whistl's clock moves with it.
  let offsetMs = 0;
  const advance = (ms: number) => {
    offsetMs += ms;
    world.whistl.advanceClock(ms);
  };
  // The app process runs the due syncs at the shifted clock and returns this store's run (or fails if it was not due or failed).
  const runFor = (): Promise<InventorySyncSummary> => app.call('runInventory', { offsetMs, storeId: store.storeId });
  const allApplied = (expected: Map<string, number>) => {
    let ok = 0;
    for (const row of world.bc.control.inventory(hash)) if (expected.get(row.sku) === row.onHand) ok += 1;
    return ok >= expected.size;
  };

  await app.call('resetUsage', {});
  // The seed is older than the feed's overlap when the first run starts.
  advance(15 * MINUTE);
  const fullStarted = Date.now();
  const full = await runFor();
  const fullExpected = new Map(store.skus.map((sku) => [sku, 50]));
  await waitFor(() => allApplied(fullExpected), 120_000, 500, app.signal);
  const fullMs = Date.now() - fullStarted;
  console.log(`[bench] catalog: first full pass of ${options.skus} SKUs in ${round(fullMs / 1000, 1)} s (${full.requests.bigcommerce} BigCommerce requests)`);

  // 1 % of the SKUs change in the warehouse between two ticks.
  advance(5 * MINUTE);
  const changedCount = Math.max(1, Math.round(options.skus * options.changeFraction));
  const step = Math.floor(options.skus / changedCount);
  const changed = Array.from({ length: changedCount }, (_, i) => store.skus[i * step] ?? '').filter(Boolean);
  world.whistl.setStock(store.whistlAccountId, changed.map((sku, i) => ({ sku, onHand: 7 + (i % 40) })));
  const expected = new Map(changed.map((sku, i) => [sku, 7 + (i % 40)]));

  const statsBefore = world.bc.control.stats(hash);
  const tickStarted = Date.now();
  const tick = await runFor();
  const runMs = Date.now() - tickStarted;
  const applied = await waitFor(() => allApplied(expected), 60_000, 100, app.signal);
  const passMs = Date.now() - tickStarted;
  const statsAfter = world.bc.control.stats(hash);
  const inventoryCalls = (calls: Record<string, number>) => sumCalls(calls, (key) => key.includes('/v3/inventory/'));
  return {
    skus: options.skus,
    changed: changed.length,
    full: {
      passMs: fullMs,
      bcRequests: full.requests.bigcommerce,
      catalogPages: full.requests.catalogPages,
      adjustments: full.requests.adjustments,
      whistlRequests: full.requests.whistl,
      pushed: full.pushed,
    },
    tick: {
      passMs,
      runMs,
      kind: tick.kind,
      bcRequests: statsAfter.total - statsBefore.total,
      adjustments: inventoryCalls(statsAfter.calls) - inventoryCalls(statsBefore.calls),
      whistlRequests: tick.requests.whistl,
      pushed: tick.pushed,
      applied,
    },
    resources: await app.call('usage', {}),
  };
}
