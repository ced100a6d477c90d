import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { MIN_ROUND_INTERVAL_MS, syncSoon } from '@/lib/jobs/sync-soon';
import { runExportBatch } from '@/lib/sync/export/run-export';
import { setupTestDatabase } from '../setup/db';
import { startExportHarness, ukAddress, type ExportHarness } from '../support/export-harness';

const { db } = setupTestDatabase();
let h: ExportHarness;
let skus: string[];

beforeAll(async () => {
  h = await startExportHarness(db(), { storeHash: 'kickstore' });
  await db().shippingMapping.create({ data: { storeId: h.storeId, methodKey: 'royal mail tracked 48', methodLabel: 'Royal Mail Tracked 48', courierService: 'RM48' } });
  const inWhistl = new Set((await h.whistl.getStockLevels({})).map((level) => level.sku));
  skus = h.demo.bigcommerce.control.catalog(h.storeHash).filter((e) => e.type === 'physical' && /^[A-Za-z0-9]+$/.test(e.sku) && inWhistl.has(e.sku)).map((e) => e.sku);
}, 60_000);

afterEach(() => {
  process.env.SYNC_AFTER_WEBHOOK = '0';
  resetEnvCache();
});

afterAll(() => h.close());

const place = (n: number) =>
  h.demo.bigcommerce.control.placeOrder(h.storeHash, {
    lines: [{ sku: skus[n % skus.length], quantity: 1 }],
    addresses: [ukAddress('Royal Mail Tracked 48')],
    billingAddress: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.co.uk' },
    statusId: 11,
  });
const stateOf = async (bcOrderId: number) => (await db().orderSync.findUnique({ where: { storeId_bcOrderId: { storeId: h.storeId, bcOrderId } } }))?.state;

async function waitForState(bcOrderId: number, state: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await stateOf(bcOrderId)) === state) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`order ${bcOrderId} did not reach ${state} (it is ${String(await stateOf(bcOrderId))})`);
}

describe('work started by a webhook, not the next cron tick', () => {
  it('SYNC_AFTER_WEBHOOK=1: a paid order reaches Whistl with no cron call at all', async () => {
    process.env.SYNC_AFTER_WEBHOOK = '1';
    resetEnvCache();
    const order = place(0);
    await h.demo.bigcommerce.control.idle();
    await waitForState(order.id, 'EXPORTED');
    expect(await h.whistl.searchOrdersByNumber(String(order.id))).toHaveLength(1);
  });

  it('SYNC_AFTER_WEBHOOK=0: the webhook only queues; the order waits for the cron', async () => {
    const order = place(1);
    await h.demo.bigcommerce.control.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stateOf(order.id)).toBe('PENDING');
    await syncSoon('export', async () => db());
    expect(await stateOf(order.id)).toBe('EXPORTED');
  });

  it('a burst of requests coalesces into one run that goes round once more, and every order is exported once', async () => {
    const orders = Array.from({ length: 6 }, (_, i) => place(2 + i));
    await h.demo.bigcommerce.control.idle();
    const before = h.demo.bigcommerce.control.stats(h.storeHash).calls['GET /v2/orders'] ?? 0;
    const runs = Array.from({ length: 5 }, () => syncSoon('export', async () => db()));
    expect(new Set(runs).size).toBe(1);
    await Promise.all(runs);
    for (const order of orders) expect(await stateOf(order.id)).toBe('EXPORTED');
    for (const order of orders) expect(await h.whistl.searchOrdersByNumber(String(order.id))).toHaveLength(1);
    // The six were read together with one listing.
    expect((h.demo.bigcommerce.control.stats(h.storeHash).calls['GET /v2/orders'] ?? 0) - before).toBe(1);
  });

  it('export rounds start at least a second apart, so orders arriving meanwhile are read together', async () => {
    const first = place(20);
    await h.demo.bigcommerce.control.idle();
    const started = Date.now();
    await syncSoon('export', async () => db());
    expect(await stateOf(first.id)).toBe('EXPORTED');

    const later = [place(21), place(22), place(23)];
    await h.demo.bigcommerce.control.idle();
    const lists = () => h.demo.bigcommerce.control.stats(h.storeHash).calls['GET /v2/orders'] ?? 0;
    const before = lists();
    await syncSoon('export', async () => db());
    expect(Date.now() - started).toBeGreaterThanOrEqual(MIN_ROUND_INTERVAL_MS.export);
    for (const order of later) expect(await stateOf(order.id)).toBe('EXPORTED');
    expect(lists() - before).toBe(1);
  });

  it('a round is one claim of 25: a backlog of 30 goes round twice, two listings, every order exported once', async () => {
    const orders = Array.from({ length: 30 }, (_, i) => place(40 + i));
    await h.demo.bigcommerce.control.idle();
    const lists = () => h.demo.bigcommerce.control.stats(h.storeHash).calls['GET /v2/orders'] ?? 0;
    const before = lists();
    const started = Date.now();
    await syncSoon('export', async () => db());
    for (const order of orders) expect(await stateOf(order.id)).toBe('EXPORTED');
    for (const order of orders) expect(await h.whistl.searchOrdersByNumber(String(order.id))).toHaveLength(1);
    expect(lists() - before).toBe(2);
    // The second round waited for its turn.
    expect(Date.now() - started).toBeGreaterThanOrEqual(MIN_ROUND_INTERVAL_MS.export);
  });

  it('a one-claim run claims once and says whether work is left: a full claim, then a short one', async () => {
    const orders = Array.from({ length: 27 }, (_, i) => place(80 + i));
    await h.demo.bigcommerce.control.idle();
    const first = await runExportBatch(db(), h.deps, { maxClaims: 1 });
    expect([first.claimed, first.stoppedEarly]).toEqual([25, true]);
    const second = await runExportBatch(db(), h.deps, { maxClaims: 1 });
    expect([second.claimed, second.stoppedEarly]).toEqual([2, false]);
    for (const order of orders) expect(await stateOf(order.id)).toBe('EXPORTED');
  });
});
