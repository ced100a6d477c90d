import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_PRODUCT_FIELDS } from '@/lib/sync/inventory/deps';
import { runDueInventorySyncs, syncStoreInventory } from '@/lib/sync/inventory/run-inventory-sync';
import { saveBuffers } from '@/lib/sync/inventory/save-buffers';
import { setupTestDatabase } from '../setup/db';
import { startExportHarness, type ExportHarness } from '../support/export-harness';
import { inventoryDeps, seedBigMerchant } from '../support/inventory-harness';

const { db } = setupTestDatabase();
let h: ExportHarness;

beforeAll(async () => {
  h = await startExportHarness(db(), { storeHash: 'invstore' });
}, 60_000);

afterAll(() => h.close());

const deps = () => inventoryDeps(db(), () => h.deps.now());
const bcLevel = (sku: string) => h.demo.bigcommerce.control.inventory(h.storeHash).find((item) => item.sku === sku)?.onHand;
const adjustmentCalls = (hash: string) =>
  Object.entries(h.demo.bigcommerce.control.stats(hash).calls)
    .filter(([key]) => key.includes('/v3/inventory/adjustments/absolute'))
    .reduce((n, [, v]) => n + v, 0);
const skuRow = (whistlSku: string, storeId = h.storeId) => db().inventorySku.findUniqueOrThrow({ where: { storeId_whistlSku: { storeId, whistlSku } } });

describe('inventory sync', () => {
  it('the catalog read asks BigCommerce for the product fields it uses, with variants', async () => {
    const urls: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return realFetch(input, init);
    };
    let firstPage: number | undefined;
    try {
      const bc = await deps().bigcommerce(h.storeId);
      for await (const page of bc.catalogPages()) {
        firstPage = page.length;
        break;
      }
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(firstPage).toBeGreaterThan(0);
    const catalog = new URL(urls.find((url) => url.includes('/v3/catalog/products')) ?? 'http://missing');
    expect(catalog.searchParams.get('include')).toBe('variants');
    expect(catalog.searchParams.get('include_fields')?.split(',')).toEqual([...CATALOG_PRODUCT_FIELDS]);
  });

  let matched: Array<{ whistlSku: string; bcSku: string | null; trackingMode: string | null }> = [];

  it('a first full run matches SKUs through the rules, pushes targets and reports orphans on both sides', async () => {
    const summary = await syncStoreInventory(db(), deps(), h.storeId);
    expect(summary.error).toBeNull();
    expect(summary.kind).toBe('full');
    expect(summary.pushed).toBeGreaterThan(10);
    expect(summary.failed).toBe(0);
    // Whistl SKUs of variants whose product BigCommerce tracks as a whole, and BigCommerce SKUs
    // Whistl does not have (awkward ones, the three left out of the warehouse): never guessed.
    expect(summary.orphans.whistlOnly).toBeGreaterThan(0);
    expect(summary.orphans.bigcommerceOnly).toBeGreaterThan(0);
    const orphans = await db().inventorySku.findMany({ where: { storeId: h.storeId, orphan: { not: 'NONE' } } });
    expect(orphans.every((o) => o.lastPushed === null || o.orphan !== 'WHISTL_ONLY')).toBe(true);
    const awkward = orphans.find((o) => o.orphan === 'BIGCOMMERCE_ONLY' && o.lastError?.includes('alphanumeric'));
    expect(awkward).toBeDefined();
    matched = await db().inventorySku.findMany({ where: { storeId: h.storeId, orphan: 'NONE', lastPushed: { not: null } }, select: { whistlSku: true, bcSku: true, trackingMode: true } });
    expect(matched.some((m) => m.trackingMode === 'product')).toBe(true);
    expect(matched.some((m) => m.trackingMode === 'variant')).toBe(true);
    await h.demo.bigcommerce.control.idle();
    const sample = await skuRow(matched[0]!.whistlSku);
    expect(bcLevel(sample.bcSku!)).toBe(sample.lastPushed);
    const run = await db().inventoryRun.findFirstOrThrow({ where: { id: summary.runId! } });
    expect(run).toMatchObject({ ok: true, kind: 'full', pushed: summary.pushed, changed: summary.changed });
  });

  it('the target takes off the buffer (store default, per-SKU override) and units of orders Whistl has not accepted', async () => {
    const [a, b] = [matched.find((m) => m.trackingMode === 'variant')!, matched.find((m) => m.trackingMode === 'product')!];
    await db().storeSettings.upsert({ where: { storeId: h.storeId }, create: { storeId: h.storeId, defaultStockBuffer: 2 }, update: { defaultStockBuffer: 2 } });
    await db().inventorySku.update({ where: { storeId_whistlSku: { storeId: h.storeId, whistlSku: b.whistlSku } }, data: { bufferOverride: 5 } });
    // An order BigCommerce took (3 of a, 1 of b) that is not in Whistl yet, and one Whistl accepted.
    const pending = await db().orderSync.create({ data: { storeId: h.storeId, bcOrderId: 990001, state: 'PENDING' } });
    const exported = await db().orderSync.create({ data: { storeId: h.storeId, bcOrderId: 990002, state: 'EXPORTED' } });
    await db().orderSyncLine.createMany({
      data: [
        { storeId: h.storeId, orderSyncId: pending.id, bcSku: a.bcSku!, quantity: 3 },
        { storeId: h.storeId, orderSyncId: pending.id, bcSku: b.bcSku!, quantity: 1 },
        { storeId: h.storeId, orderSyncId: exported.id, bcSku: a.bcSku!, quantity: 7 },
      ],
    });
    h.demo.whistl.setStock(h.demo.whistlAccount.accountId, [
      { sku: a.whistlSku, onHand: 50 },
      { sku: b.whistlSku, onHand: 40 },
    ]);
    const summary = await syncStoreInventory(db(), deps(), h.storeId, { kind: 'delta' });
    expect(summary.error).toBeNull();
    expect(summary.kind).toBe('delta');
    const rowA = await skuRow(a.whistlSku);
    const rowB = await skuRow(b.whistlSku);
    expect(rowA).toMatchObject({ whistlFree: 50, inFlight: 3, target: 50 - 2 - 3, lastPushed: 45, lastError: null });
    expect(rowB).toMatchObject({ whistlFree: 40, inFlight: 1, bufferOverride: 5, target: 40 - 5 - 1, lastPushed: 34 });
    await h.demo.bigcommerce.control.idle();
    expect(bcLevel(a.bcSku!)).toBe(45);
    expect(bcLevel(b.bcSku!)).toBe(34);

    // Never negative.
    h.demo.whistl.setStock(h.demo.whistlAccount.accountId, [{ sku: a.whistlSku, onHand: 4 }]);
    await syncStoreInventory(db(), deps(), h.storeId, { kind: 'delta' });
    expect((await skuRow(a.whistlSku)).target).toBe(0);
    await h.demo.bigcommerce.control.idle();
    expect(bcLevel(a.bcSku!)).toBe(0);
  });

  it('two runs for the same store at once: one runs, the other stands aside', async () => {
    const [a, b] = await Promise.all([
      syncStoreInventory(db(), deps(), h.storeId, { kind: 'delta' }),
      syncStoreInventory(db(), deps(), h.storeId, { kind: 'delta' }),
    ]);
    expect([a.skipped, b.skipped].filter(Boolean)).toEqual(['another inventory run of this store is in progress']);
  });

  it('a second run with nothing changed pushes nothing', async () => {
    const before = adjustmentCalls(h.storeHash);
    const summary = await syncStoreInventory(db(), deps(), h.storeId, { kind: 'full' });
    expect(summary.error).toBeNull();
    expect(summary.pushed).toBe(0);
    expect(summary.changed).toBe(0);
    expect(summary.unchanged).toBeGreaterThan(10);
    expect(adjustmentCalls(h.storeHash) - before).toBe(0);
  });

  it('a 422 on one SKU fails that SKU only; the rest of the batch is pushed, and a failure that persists opens an exception', async () => {
    const products = matched.filter((m) => m.trackingMode === 'product').slice(2, 6);
    const [broken, ...rest] = products;
    // Cache the wrong identifier for one product-tracked item: BigCommerce answers 422 for it.
    const item = h.demo.bigcommerce.control.inventory(h.storeHash).find((i) => i.sku === broken!.bcSku)!;
    await db().inventorySku.update({
      where: { storeId_whistlSku: { storeId: h.storeId, whistlSku: broken!.whistlSku } },
      data: { trackingMode: 'variant', bcVariantId: item.variantId },
    });
    h.demo.whistl.setStock(h.demo.whistlAccount.accountId, products.map((p, i) => ({ sku: p.whistlSku, onHand: 60 + i })));
    const before = adjustmentCalls(h.storeHash);
    const summary = await syncStoreInventory(db(), deps(), h.storeId, { kind: 'delta' });
    expect(summary).toMatchObject({ error: null, pushed: rest.length, failed: 1 });
    // The simulator rejects the whole batch: one rejected request, then the batch without the item.
    expect(adjustmentCalls(h.storeHash) - before).toBe(2);
    const failedRow = await skuRow(broken!.whistlSku);
    expect(failedRow.lastError).toMatch(/tracked by product/);
    await h.demo.bigcommerce.control.idle();
    for (const [i, p] of rest.entries()) expect(bcLevel(p.bcSku!)).toBe(60 + i + 1 - 2);
    const run = await db().inventoryRun.findFirstOrThrow({ where: { id: summary.runId! } });
    expect(run).toMatchObject({ ok: true, failed: 1, requests: 2 });

    h.demo.whistl.setStock(h.demo.whistlAccount.accountId, [{ sku: broken!.whistlSku, onHand: 70 }]);
    const again = await syncStoreInventory(db(), deps(), h.storeId, { kind: 'delta' });
    expect(again.failed).toBe(1);
    const exceptions = await db().syncException.findMany({ where: { storeId: h.storeId, type: 'STOCK_PUSH_FAILED', status: 'OPEN' } });
    expect(exceptions.map((e) => e.reasonKey)).toEqual([`stock:${broken!.whistlSku}`]);

    // The next full reconciliation re-learns the tracking mode from the catalog and the push goes through.
    const full = await syncStoreInventory(db(), deps(), h.storeId, { kind: 'full' });
    expect(full.failed).toBe(0);
    expect((await skuRow(broken!.whistlSku)).lastError).toBeNull();
    expect(await db().syncException.count({ where: { storeId: h.storeId, type: 'STOCK_PUSH_FAILED', status: 'OPEN' } })).toBe(0);
  });

  it('the cron runs a store only when its schedule is due; a buffer edit is pushed by the next delta', async () => {
    const none = await runDueInventorySyncs(db(), deps());
    expect(none.runs.filter((r) => r.storeId === h.storeId)).toEqual([]);
    const sku = matched.find((m) => m.trackingMode === 'variant' && m.whistlSku !== matched[0]!.whistlSku)!;
    const before = await skuRow(sku.whistlSku);
    await saveBuffers(db(), h.storeId, { buffers: [{ whistlSku: sku.whistlSku, buffer: 9 }] }, 'ops@example.com');
    h.advance(6 * 60_000);
    const due = await runDueInventorySyncs(db(), inventoryDeps(db(), () => h.deps.now()));
    const run = due.runs.find((r) => r.storeId === h.storeId);
    expect(run).toMatchObject({ kind: 'delta', pushed: 1, failed: 0, error: null });
    const after = await skuRow(sku.whistlSku);
    expect(after.lastPushed).toBe(Math.max(0, before.whistlFree! - 9 - before.inFlight));
  });

  it('a 5,000-SKU change set goes out in 3 adjustment requests', async () => {
    const big = await seedBigMerchant(db(), h, { hash: 'bigstore5k', simple: 2000, withVariants: 1500, stock: 20 });
    expect(big.skus).toHaveLength(5000);
    const first = await syncStoreInventory(db(), deps(), big.storeId);
    expect(first).toMatchObject({ error: null, kind: 'full', pushed: 5000, failed: 0 });
    expect(first.requests.adjustments).toBe(3);

    h.demo.whistl.setStock(big.accountId, big.skus.map((sku) => ({ sku, onHand: 33 })));
    const before = h.demo.bigcommerce.control.stats('bigstore5k').total;
    const delta = await syncStoreInventory(db(), deps(), big.storeId, { kind: 'delta' });
    const bcRequests = h.demo.bigcommerce.control.stats('bigstore5k').total - before;
    expect(delta).toMatchObject({ error: null, kind: 'delta', changed: 5000, pushed: 5000, failed: 0 });
    expect(delta.requests.adjustments).toBe(3);
    expect(bcRequests).toBe(3);
    console.log(
      `[inventory] full run: ${first.requests.bigcommerce} BigCommerce requests for ${first.changed} changed SKUs ` +
        `(${((first.requests.bigcommerce / first.changed) * 1000).toFixed(2)} per 1,000; ${first.requests.catalogPages} catalog pages); ` +
        `delta run: ${bcRequests} for ${delta.changed} (${((bcRequests / delta.changed) * 1000).toFixed(2)} per 1,000), ${delta.durationMs} ms`,
    );
    await h.demo.bigcommerce.control.idle();
    const levels = h.demo.bigcommerce.control.inventory('bigstore5k');
    expect(levels.filter((l) => l.onHand === 33)).toHaveLength(5000);
  }, 120_000);
});
