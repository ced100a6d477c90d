import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueOrder } from '@/lib/sync/export/enqueue';
import { requeueByReason } from '@/lib/sync/queue';
import { runExportBatch } from '@/lib/sync/export/run-export';
import { sweepStores } from '@/lib/sync/export/sweep';
import { receiveBigCommerceWebhook } from '@/lib/sync/webhooks/bigcommerce';
import { setupTestDatabase } from '../setup/db';
import { startExportHarness, ukAddress, type ExportHarness } from '../support/export-harness';

const { db } = setupTestDatabase();
let h: ExportHarness;
let cleanSkus: string[];

beforeAll(async () => {
  h = await startExportHarness(db(), { storeHash: 'exportstore' });
  await db().shippingMapping.createMany({
    data: [
      { storeId: h.storeId, methodKey: 'royal mail tracked 48', methodLabel: 'Royal Mail Tracked 48', courierService: 'RM48' },
      { storeId: h.storeId, methodKey: 'dpd next day', methodLabel: 'DPD Next Day', courierService: 'DPDNEXT' },
    ],
  });
  const inWhistl = new Set((await h.whistl.getStockLevels({})).map((level) => level.sku));
  cleanSkus = h.demo.bigcommerce.control
    .catalog(h.storeHash)
    .filter((e) => e.type === 'physical' && /^[A-Za-z0-9]+$/.test(e.sku) && inWhistl.has(e.sku))
    .map((e) => e.sku);
}, 60_000);

afterAll(() => h.close());

type Line = { sku?: string; quantity: number; type?: 'physical' | 'digital' | 'giftcertificate'; name?: string; price?: number; addressIndex?: number; variantId?: number };

async function placeOrder(lines: Line[], addresses = [ukAddress('Royal Mail Tracked 48')], statusId = 11) {
  const order = h.demo.bigcommerce.control.placeOrder(h.storeHash, {
    lines,
    addresses,
    billingAddress: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.co.uk' },
    statusId,
  });
  await h.demo.bigcommerce.control.idle();
  return order;
}

const run = () => runExportBatch(db(), h.deps, { timeBudgetMs: 20_000 });
const syncOf = (bcOrderId: number) =>
  db().orderSync.findUniqueOrThrow({ where: { storeId_bcOrderId: { storeId: h.storeId, bcOrderId } }, include: { links: true, exceptions: true } });
const whistlOrders = (orderNumber: string) => h.whistl.searchOrdersByNumber(orderNumber);
const createCalls = () => Object.entries(h.demo.whistl.callCounts()).filter(([k]) => /PUT \/api\/Order$/i.test(k)).reduce((n, [, v]) => n + v, 0);

describe('order export', () => {
  it('a paid order arrives by webhook and is created in Whistl once, reading BigCommerce once', async () => {
    const bcBefore = h.demo.bigcommerce.control.stats(h.storeHash).total;
    const order = await placeOrder([{ sku: cleanSkus[0], quantity: 2 }]);
    expect(h.deliveries.filter((d) => JSON.parse(d.body).data.id === order.id).length).toBeGreaterThan(0);
    await run();
    const sync = await syncOf(order.id);
    expect(sync.state).toBe('EXPORTED');
    const [created] = await whistlOrders(String(order.id));
    expect(created?.externalOrderReference).toBe(`BC-${h.storeHash}-${order.id}`);
    expect(h.demo.bigcommerce.control.stats(h.storeHash).total - bcBefore).toBe(1);
  });

  it('a backlog of webhook-queued orders is read with one listing, not one read per order', async () => {
    const bcBefore = h.demo.bigcommerce.control.stats(h.storeHash);
    const orders = [];
    for (let i = 0; i < 12; i++) orders.push(await placeOrder([{ sku: cleanSkus[i % cleanSkus.length], quantity: 1 }]));
    // One of them is archived before the run: the listing leaves it out and it is read on its own.
    h.demo.bigcommerce.control.archiveOrder(h.storeHash, orders[5]!.id);
    await h.demo.bigcommerce.control.idle();
    const summary = await run();
    expect(summary.outcomes.exported).toBe(11);
    const after = h.demo.bigcommerce.control.stats(h.storeHash);
    const calls = (stats: typeof after, key: string) => stats.calls[key] ?? 0;
    expect(calls(after, 'GET /v2/orders') - calls(bcBefore, 'GET /v2/orders')).toBe(1);
    expect(calls(after, 'GET /v2/orders/{id}') - calls(bcBefore, 'GET /v2/orders/{id}')).toBe(1);
    for (const [i, order] of orders.entries()) {
      const sync = await syncOf(order.id);
      expect(sync.state).toBe(i === 5 ? 'CANCELLED' : 'EXPORTED');
      if (i !== 5) expect(await whistlOrders(String(order.id))).toHaveLength(1);
    }
  });

  it('the same webhook delivered three times makes one record and one Whistl order', async () => {
    const creates = createCalls();
    const order = await placeOrder([{ sku: cleanSkus[1], quantity: 1 }]);
    const delivery = h.deliveries.find((d) => JSON.parse(d.body).data.id === order.id)!;
    for (let i = 0; i < 2; i++) {
      const result = await receiveBigCommerceWebhook(db(), { rawBody: delivery.body, headers: delivery.headers, clientSecret: 'test-client-secret-0123456789' });
      expect(result.status).toBe('duplicate');
    }
    await run();
    await run();
    expect(await whistlOrders(String(order.id))).toHaveLength(1);
    expect(createCalls() - creates).toBe(1);
    expect(await db().orderSync.count({ where: { storeId: h.storeId, bcOrderId: order.id } })).toBe(1);
  });

  it('rejects a webhook with a bad signature or secret header, writing nothing', async () => {
    const delivery = h.deliveries[0]!;
    const before = await db().webhookEvent.count();
    const tampered = delivery.body.replace(/"id":\s*\d+/, '"id":999999');
    expect((await receiveBigCommerceWebhook(db(), { rawBody: tampered, headers: delivery.headers, clientSecret: 'test-client-secret-0123456789' })).status).toBe('rejected');
    const noSecret = { ...delivery.headers, 'x-whistl-connector-secret': 'wrong' };
    expect((await receiveBigCommerceWebhook(db(), { rawBody: delivery.body, headers: noSecret, clientSecret: 'test-client-secret-0123456789' })).status).toBe('rejected');
    expect(await db().webhookEvent.count()).toBe(before);
  });

  it('two runners and a sweep at once never create an order twice', async () => {
    const creates = createCalls();
    const orders = [];
    for (let i = 0; i < 8; i++) orders.push(await placeOrder([{ sku: cleanSkus[2 + (i % 5)], quantity: 1 }]));
    await Promise.all([run(), run(), sweepStores(db(), h.deps), run()]);
    await run();
    for (const order of orders) {
      expect((await syncOf(order.id)).state).toBe('EXPORTED');
      expect(await whistlOrders(String(order.id))).toHaveLength(1);
    }
    expect(createCalls() - creates).toBe(orders.length);
  });

  it('a create that times out after Whistl committed it is found, not created again', async () => {
    h.demo.whistl.setFaults({ timeoutAfterCommit: { count: 1, mode: 'destroy' } });
    const order = await placeOrder([{ sku: cleanSkus[3], quantity: 1 }]);
    const first = await run();
    expect(first.outcomes.retry).toBe(1);
    const pending = await syncOf(order.id);
    expect(pending).toMatchObject({ state: 'PENDING', outcomeUnknown: true, attempts: 1 });
    h.demo.whistl.clearFaults();
    h.advance(10 * 60_000);
    await run();
    expect((await syncOf(order.id)).state).toBe('EXPORTED');
    expect(await whistlOrders(String(order.id))).toHaveLength(1);
    const events = await db().orderSyncEvent.findMany({ where: { orderSyncId: pending.id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['RETRY_SCHEDULED', 'ADOPTED']));
  });

  it("Whistl's duplicate rejection means the order is already there: adopted", async () => {
    const order = await placeOrder([{ sku: cleanSkus[4], quantity: 1 }]);
    await h.whistl.createOrder({
      orderNumber: String(order.id),
      externalOrderReference: `BC-${h.storeHash}-${order.id}`,
      firstName: 'Ada',
      lastName: 'Lovelace',
      address1: '1 Deansgate',
      town: 'Manchester',
      postCode: 'M3 1AZ',
      country: 'GB',
      courierService: 'RM48',
      warehouseId: h.demo.whistlAccount.warehouses[0]!.id,
      items: [{ sku: cleanSkus[4]!, quantity: 1 }],
    });
    await run();
    const sync = await syncOf(order.id);
    expect(sync.state).toBe('EXPORTED');
    expect(sync.links[0]?.whistlOrderId).toBe((await whistlOrders(String(order.id)))[0]?.id);
    expect(await whistlOrders(String(order.id))).toHaveLength(1);
  });

  it('an unmapped method holds the order with an exception; saving the mapping sends it', async () => {
    const creates = createCalls();
    const order = await placeOrder([{ sku: cleanSkus[5], quantity: 1 }], [ukAddress('Saturday  Courier')]);
    await run();
    const held = await syncOf(order.id);
    expect(held.state).toBe('HELD');
    expect(held.exceptions.map((e) => [e.type, e.status, e.ownerTeam])).toEqual([['UNMAPPED_SHIPPING', 'OPEN', 'OPS']]);
    expect(createCalls()).toBe(creates);
    const seen = await db().shippingMapping.findUnique({ where: { storeId_methodKey: { storeId: h.storeId, methodKey: 'saturday courier' } } });
    expect(seen).toMatchObject({ courierService: null, seenOnOrders: true });

    await db().shippingMapping.update({ where: { id: seen!.id }, data: { courierService: 'EXP' } });
    expect(await requeueByReason(db(), h.storeId, { key: 'shipping:saturday courier' }, 'mapping saved')).toBe(1);
    await run();
    const sent = await syncOf(order.id);
    expect(sent.state).toBe('EXPORTED');
    expect(sent.exceptions.map((e) => e.status)).toEqual(['RESOLVED']);
  });

  it('a SKU the policy rejects holds the order; an alias releases it', async () => {
    const awkward = h.demo.store.awkwardSkus[0]!;
    const order = await placeOrder([{ sku: awkward, quantity: 1 }]);
    await run();
    const held = await syncOf(order.id);
    expect(held.state).toBe('HELD');
    expect(held.exceptions.map((e) => e.type)).toEqual(['INVALID_SKU']);
    await db().skuAlias.create({ data: { storeId: h.storeId, bcSku: awkward, whistlSku: cleanSkus[6]! } });
    await requeueByReason(db(), h.storeId, { prefix: 'sku' }, 'alias saved');
    await run();
    expect((await syncOf(order.id)).state).toBe('EXPORTED');
    const [created] = await whistlOrders(String(order.id));
    expect(created).toBeDefined();
  });

  it('every problem is reported at once and nothing is sent', async () => {
    const creates = createCalls();
    const order = await placeOrder(
      [{ sku: h.demo.store.awkwardSkus[1]!, quantity: 1 }],
      [ukAddress('International Tracked', { zip: 'NOT A CODE' })],
    );
    await run();
    const held = await syncOf(order.id);
    expect(held.state).toBe('HELD');
    expect(held.exceptions.map((e) => e.type).sort()).toEqual(['INVALID_ADDRESS', 'INVALID_SKU', 'UNMAPPED_SHIPPING']);
    expect(held.exceptions.find((e) => e.type === 'INVALID_ADDRESS')?.ownerTeam).toBe('CX');
    expect(createCalls()).toBe(creates);
  });

  it('gift certificate and digital lines never go to the warehouse; an all-digital order is skipped', async () => {
    const order = await placeOrder([
      { sku: cleanSkus[7], quantity: 1 },
      { type: 'giftcertificate', name: 'Gift card', price: 25, quantity: 1 },
      { sku: 'EBOOK001', quantity: 1 },
    ]);
    await run();
    expect((await syncOf(order.id)).state).toBe('EXPORTED');
    const [created] = await h.whistl.listOrders({ includeOrderItems: true, limit: 100 }).then((page) => page.items.filter((o) => o.orderNumber === String(order.id)));
    expect(created?.items.map((i) => i.sku)).toEqual([cleanSkus[7]]);

    const digital = await placeOrder([{ sku: 'EBOOK001', quantity: 1 }], []);
    await run();
    const skipped = await syncOf(digital.id);
    expect(skipped.state).toBe('SKIPPED');
    expect(skipped.lastError).toMatch(/digital/i);
  });

  it('an order shipping to two addresses becomes two Whistl orders with suffixed numbers', async () => {
    const order = await placeOrder(
      [
        { sku: cleanSkus[8], quantity: 1, addressIndex: 0 },
        { sku: cleanSkus[9], quantity: 2, addressIndex: 1 },
      ],
      [ukAddress('Royal Mail Tracked 48'), ukAddress('DPD Next Day', { first_name: 'Charles', last_name: 'Babbage', zip: 'SW1A 2AA', city: 'London' })],
    );
    await run();
    const sync = await syncOf(order.id);
    expect(sync.state).toBe('EXPORTED');
    expect(sync.links.map((l) => l.orderNumber).sort()).toEqual([`${order.id}-1`, `${order.id}-2`]);
    expect(await whistlOrders(`${order.id}-1`)).toHaveLength(1);
    expect(await whistlOrders(`${order.id}-2`)).toHaveLength(1);
  });

  it('cancelled in BigCommerce while NEW in Whistl: cancelled there too', async () => {
    const order = await placeOrder([{ sku: cleanSkus[10], quantity: 1 }]);
    await run();
    h.demo.bigcommerce.control.setOrderStatus(h.storeHash, order.id, 5);
    await h.demo.bigcommerce.control.idle();
    await run();
    const sync = await syncOf(order.id);
    expect(sync.state).toBe('CANCELLED');
    expect((await whistlOrders(String(order.id)))[0]?.orderStatusId).toBe(3);
  });

  it('cancelled in BigCommerce after Whistl printed it: an exception for ops, nothing cancelled', async () => {
    const order = await placeOrder([{ sku: cleanSkus[11], quantity: 1 }]);
    await run();
    const whistlId = (await syncOf(order.id)).links[0]!.whistlOrderId!;
    h.demo.whistl.advanceOrder(whistlId, 2);
    h.demo.bigcommerce.control.setOrderStatus(h.storeHash, order.id, 5);
    await h.demo.bigcommerce.control.idle();
    await run();
    const sync = await syncOf(order.id);
    expect(sync.exceptions.filter((e) => e.status === 'OPEN').map((e) => [e.type, e.ownerTeam])).toEqual([['CANCEL_FAILED', 'OPS']]);
    expect((await whistlOrders(String(order.id)))[0]?.orderStatusId).toBe(2);
  });

  it('cancelled before export: nothing is sent', async () => {
    const creates = createCalls();
    const order = await placeOrder([{ sku: cleanSkus[12], quantity: 1 }], [ukAddress('Royal Mail Tracked 48')], 7);
    await enqueueOrder(db(), h.storeId, order.id, { source: 'test' });
    h.demo.bigcommerce.control.setOrderStatus(h.storeHash, order.id, 5);
    await h.demo.bigcommerce.control.idle();
    await run();
    expect((await syncOf(order.id)).state).toBe('CANCELLED');
    expect(createCalls()).toBe(creates);
  });

  it('the sweep finds orders whose webhooks were lost, with no extra reads', async () => {
    h.demo.bigcommerce.control.setFaults(h.storeHash, { dropWebhookRate: 1 });
    const orders = [];
    for (let i = 0; i < 3; i++) orders.push(await placeOrder([{ sku: cleanSkus[13 + i], quantity: 1 }]));
    h.demo.bigcommerce.control.clearFaults(h.storeHash);
    const before = h.demo.bigcommerce.control.stats(h.storeHash).total;
    const sweep = await sweepStores(db(), h.deps);
    expect(sweep.ordersQueued).toBeGreaterThanOrEqual(3);
    await run();
    for (const order of orders) expect((await syncOf(order.id)).state).toBe('EXPORTED');
    // One listing call per page (and export status), none per order.
    expect(h.demo.bigcommerce.control.stats(h.storeHash).total - before).toBeLessThanOrEqual(2);
    // The job sweeps a store at most once a minute, however often it runs.
    const again = await sweepStores(db(), h.deps, { minIntervalMs: 60_000 });
    expect(again.stores).toBe(0);
    h.advance(61_000);
    expect((await sweepStores(db(), h.deps, { minIntervalMs: 60_000 })).stores).toBe(1);
  });
});
