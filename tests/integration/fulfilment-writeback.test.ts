import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as cronGET, POST as cronPOST } from '@/app/api/cron/fulfilment/route';
import { runExportBatch } from '@/lib/sync/export/run-export';
import { processWriteBack } from '@/lib/sync/fulfilment/process-writeback';
import { ukAddress } from '../support/export-harness';
import { startFulfilmentHarness, type FulfilmentHarness } from '../support/fulfilment-harness';
import { setupTestDatabase } from '../setup/db';

const { db } = setupTestDatabase();
let h: FulfilmentHarness;
let skuIndex = 0;
const nextSku = () => {
  const sku = h.cleanSkus[skuIndex++];
  if (!sku) throw new Error('out of clean SKUs');
  return sku;
};

beforeAll(async () => {
  h = await startFulfilmentHarness(db(), { storeHash: 'fulfilstore' });
}, 60_000);

afterAll(() => h.close());

type WireShipment = { id: number; order_address_id: number; tracking_number: string; tracking_link: string; tracking_carrier: string; items: Array<{ order_product_id: number; quantity: number }> };
const shipments = (bcOrderId: number) => h.demo.bigcommerce.control.shipments(h.storeHash, bcOrderId) as unknown as WireShipment[];
const itemsOf = (s: WireShipment | undefined) => (s?.items ?? []).map((i) => ({ order_product_id: i.order_product_id, quantity: i.quantity }));
const writeBacksOf = (orderSyncId: string) => db().shipmentWriteBack.findMany({ where: { orderSyncId }, orderBy: { part: 'asc' } });
const openExceptions = (orderSyncId: string) => db().syncException.findMany({ where: { orderSyncId, status: 'OPEN' } });

async function despatch(whistlOrderId: number) {
  h.demo.whistl.advanceOrder(whistlOrderId, 4);
  await h.demo.whistl.flushWebhooks();
  return h.demo.whistl.getOrder(whistlOrderId);
}

describe('fulfilment write-back', () => {
  it('exported orders carry ConnectAction URLs with the store secret; a despatch webhook makes exactly one shipment (1 BigCommerce call)', async () => {
    const skuA = nextSku();
    const skuB = nextSku();
    const exported = await h.placeAndExport([{ sku: skuA, quantity: 2 }, { sku: skuB, quantity: 1 }]);
    const link = exported.links[0]!;
    const before = h.whistlDeliveries.length;
    const despatched = await despatch(link.whistlOrderId);
    expect(despatched.trackingNumber).toMatch(/^WT\d+GB$/);

    const delivery = h.demo.whistl.webhookDeliveries().find((d) => d.orderId === link.whistlOrderId && d.event === 'despatched');
    expect(delivery?.outcome).toBe('delivered');
    expect(delivery?.url).toMatch(new RegExp(`^${h.appUrl}/api/webhooks/whistl/${h.storeHash}/[A-Za-z0-9_-]{40,}$`));
    const store = await db().store.findUniqueOrThrow({ where: { id: h.storeId } });
    expect(store.whistlWebhookSecretEnc).toMatch(/^v1\./);
    expect(store.whistlWebhookSecretEnc).not.toContain(delivery!.url.split('/').pop());
    expect(h.whistlDeliveries.slice(before).map((d) => d.status)).toEqual([200]);

    const queued = await writeBacksOf(exported.orderSyncId);
    expect(queued.map((w) => [w.state, w.trackingNumber, w.orderAddressId])).toEqual([['PENDING', despatched.trackingNumber, link.orderAddressId]]);

    const bcBefore = h.bcCalls();
    const whistlBefore = Object.values(h.demo.whistl.callCounts()).reduce((a, b) => a + b, 0);
    const run = await h.writeBacks();
    expect(run.outcomes.shipped).toBe(1);
    // The webhook's re-read already carried tracking and items: no second read from Whistl.
    expect(Object.values(h.demo.whistl.callCounts()).reduce((a, b) => a + b, 0) - whistlBefore).toBe(0);
    const callsPerShipment = h.bcCalls() - bcBefore;
    console.log(`[fulfilment] BigCommerce calls for one shipment: ${callsPerShipment}`, h.demo.bigcommerce.control.stats(h.storeHash).calls);
    expect(callsPerShipment).toBe(1);
    expect(h.demo.bigcommerce.control.stats(h.storeHash).calls).not.toHaveProperty(`GET /v2/orders/{order_id}/shipments`);

    const made = shipments(exported.bcOrderId);
    expect(made).toHaveLength(1);
    const bcOrder = h.demo.bigcommerce.control.getOrder(h.storeHash, exported.bcOrderId);
    expect(made[0]).toMatchObject({ tracking_number: despatched.trackingNumber, tracking_link: despatched.trackingUrl, tracking_carrier: 'royal-mail', order_address_id: link.orderAddressId });
    expect(itemsOf(made[0]).sort((a, b) => a.order_product_id - b.order_product_id)).toEqual(
      bcOrder.lines.map((l) => ({ order_product_id: l.id, quantity: l.quantity })).sort((a, b) => a.order_product_id - b.order_product_id),
    );
    expect(bcOrder.statusId).toBe(2);

    const sync = await db().orderSync.findUniqueOrThrow({ where: { id: exported.orderSyncId }, include: { links: true, events: true } });
    expect(sync.links[0]?.whistlStatusId).toBe(4);
    expect(sync.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['WHISTL_STATUS', 'DESPATCHED', 'SHIPPED']));
    expect((await writeBacksOf(exported.orderSyncId))[0]).toMatchObject({ state: 'DONE', bcShipmentId: made[0]!.id });
  });

  it('the same webhook delivered again, and a write-back that lost its DONE, still leave one shipment', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]);
    const link = exported.links[0]!;
    await despatch(link.whistlOrderId);
    const first = h.whistlDeliveries.find((d) => JSON.parse(d.body).ID === link.whistlOrderId)!;
    await h.writeBacks();
    for (let i = 0; i < 3; i++) {
      const response = await h.postWhistlWebhook(first.path, first.body);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { status: string }).status).toBe('recorded');
    }
    await h.poll();
    await h.writeBacks();
    expect(shipments(exported.bcOrderId)).toHaveLength(1);
    expect(await writeBacksOf(exported.orderSyncId)).toHaveLength(1);

    // As if a runner crashed after BigCommerce created the shipment but before we recorded it.
    await db().shipmentWriteBack.updateMany({ where: { orderSyncId: exported.orderSyncId }, data: { state: 'PENDING', bcShipmentId: null } });
    const run = await h.writeBacks();
    expect(run.outcomes['already-shipped']).toBe(1);
    expect(shipments(exported.bcOrderId)).toHaveLength(1);
  });

  it('a dropped webhook is caught by the SinceDespatchDate poll: exactly one shipment', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 3 }]);
    const link = exported.links[0]!;
    h.demo.whistl.setFaults({ dropWebhooks: { count: 1 } });
    const despatched = await despatch(link.whistlOrderId);
    h.demo.whistl.clearFaults();
    expect(h.demo.whistl.webhookDeliveries().find((d) => d.orderId === link.whistlOrderId)?.outcome).toBe('dropped');
    expect(await writeBacksOf(exported.orderSyncId)).toHaveLength(0);

    const poll = await h.poll();
    expect(poll.errors).toEqual([]);
    expect(poll.writeBacksQueued).toBeGreaterThanOrEqual(1);
    await h.writeBacks();
    await h.poll();
    await h.writeBacks();
    const made = shipments(exported.bcOrderId);
    expect(made).toHaveLength(1);
    expect(made[0]?.tracking_number).toBe(despatched.trackingNumber);
    expect(made[0]?.items.map((i) => i.quantity)).toEqual([3]);
  });

  it('a shipment made by hand before the despatch: the direct create is refused, the checked path finds nothing left to ship', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 2 }]);
    const bc = await h.deps.bigcommerce(h.storeId);
    const bcOrder = h.demo.bigcommerce.control.getOrder(h.storeHash, exported.bcOrderId);
    const line = bcOrder.lines[0]!;
    await bc.shipments.create(exported.bcOrderId, { orderAddressId: exported.links[0]!.orderAddressId, items: [{ orderProductId: line.id, quantity: 2 }], trackingNumber: 'HANDMADE1', comments: 'packed by hand' });
    await despatch(exported.links[0]!.whistlOrderId);
    const run = await h.writeBacks();
    expect(run.outcomes['nothing-to-ship']).toBe(1);
    expect(shipments(exported.bcOrderId).map((s) => s.tracking_number)).toEqual(['HANDMADE1']);
    expect((await writeBacksOf(exported.orderSyncId))[0]).toMatchObject({ state: 'DONE' });
  });

  it('a write-back whose runner died (lease ran out) takes the checked path: the shipment it made is found, not made again', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]);
    await despatch(exported.links[0]!.whistlOrderId);
    await h.writeBacks();
    expect(shipments(exported.bcOrderId)).toHaveLength(1);
    // As if the runner died after BigCommerce created the shipment but before the row said DONE.
    await db().shipmentWriteBack.updateMany({ where: { orderSyncId: exported.orderSyncId }, data: { state: 'WORKING', attempts: 0, bcShipmentId: null, leaseUntil: new Date(h.deps.now().getTime() - 1_000) } });
    const bcBefore = h.bcCalls();
    const run = await h.writeBacks();
    expect(run.outcomes['already-shipped']).toBe(1);
    expect(h.bcCalls() - bcBefore).toBe(2);
    expect(shipments(exported.bcOrderId)).toHaveLength(1);
  });

  it('a split despatch in 2 parts makes 2 shipments, each with its own tracking and its part of the items', async () => {
    const skuA = nextSku();
    const skuB = nextSku();
    const exported = await h.placeAndExport([{ sku: skuA, quantity: 2 }, { sku: skuB, quantity: 1 }]);
    const link = exported.links[0]!;
    const parts = h.demo.whistl.despatchInParts(link.whistlOrderId, { parts: [{ items: [{ sku: skuA, quantity: 2 }] }, { items: [{ sku: skuB, quantity: 1 }] }] });
    await h.demo.whistl.flushWebhooks();
    expect(parts).toHaveLength(2);
    const queued = await writeBacksOf(exported.orderSyncId);
    expect(queued.map((w) => [w.part, w.numberOfParts])).toEqual([[1, 2], [2, 2]]);

    const bcBefore = h.bcCalls();
    const run = await h.writeBacks();
    expect(run.outcomes.shipped).toBe(2);
    console.log(`[fulfilment] BigCommerce calls for a 2-part split: ${h.bcCalls() - bcBefore}`);

    const bcOrder = h.demo.bigcommerce.control.getOrder(h.storeHash, exported.bcOrderId);
    const lineOf = (sku: string) => bcOrder.lines.find((l) => l.sku === sku)!.id;
    const made = shipments(exported.bcOrderId).sort((a, b) => a.id - b.id);
    expect(made).toHaveLength(2);
    expect(new Set(made.map((s) => s.tracking_number))).toEqual(new Set(parts.map((p) => p.trackingNumber)));
    const byTracking = new Map(made.map((s) => [s.tracking_number, itemsOf(s)]));
    expect(byTracking.get(parts[0]!.trackingNumber!)).toEqual([{ order_product_id: lineOf(skuA), quantity: 2 }]);
    expect(byTracking.get(parts[1]!.trackingNumber!)).toEqual([{ order_product_id: lineOf(skuB), quantity: 1 }]);
    expect(bcOrder.statusId).toBe(2);
    expect(await openExceptions(exported.orderSyncId)).toEqual([]);

    await h.poll();
    await h.writeBacks();
    expect(shipments(exported.bcOrderId)).toHaveLength(2);
  });

  it('two runners taking both parts of a split at once: one waits for the other, so two lines of one SKU are shared out, not claimed twice', async () => {
    const sku = nextSku();
    // Two lines of the same SKU: planned side by side, both parts would hand their units to the first line.
    const exported = await h.placeAndExport([{ sku, quantity: 2 }, { sku, quantity: 2 }]);
    const link = exported.links[0]!;
    const parts = h.demo.whistl.despatchInParts(link.whistlOrderId, { parts: [{ items: [{ sku, quantity: 2 }] }, { items: [{ sku, quantity: 2 }] }] });
    await h.demo.whistl.flushWebhooks();
    const queued = await writeBacksOf(exported.orderSyncId);
    expect(queued).toHaveLength(2);

    // Bypass the claim (which already takes one part per address) to force the race between runners.
    const claimed = queued.map((w) => ({ id: w.id, storeId: w.storeId, reclaimed: false }));
    const outcomes = await Promise.all(claimed.map((c) => processWriteBack(db(), h.deps, c)));
    expect([...outcomes].sort()).toEqual(['shipped', 'waiting']);
    const waiting = (await writeBacksOf(exported.orderSyncId)).find((w) => w.state === 'PENDING');
    expect(waiting?.attempts).toBe(0);
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    expect(await processWriteBack(db(), h.deps, { id: waiting!.id, storeId: waiting!.storeId, reclaimed: false })).toBe('shipped');
    const bcOrder = h.demo.bigcommerce.control.getOrder(h.storeHash, exported.bcOrderId);
    expect(bcOrder.lines.map((l) => [l.quantity, l.quantityShipped])).toEqual([[2, 2], [2, 2]]);
    const made = shipments(exported.bcOrderId);
    expect(new Set(made.map((s) => s.tracking_number))).toEqual(new Set(parts.map((p) => p.trackingNumber)));
    expect(await openExceptions(exported.orderSyncId)).toEqual([]);
    const links = await db().whistlOrderLink.findMany({ where: { orderSyncId: exported.orderSyncId } });
    expect(links.map((l) => [l.writeBackLeaseBy, l.writeBackLeaseUntil])).toEqual([[null, null]]);
  });

  it('a claim takes one part of a split per address at a time; the run still ships every part', async () => {
    const skuA = nextSku();
    const skuB = nextSku();
    const exported = await h.placeAndExport([{ sku: skuA, quantity: 1 }, { sku: skuB, quantity: 1 }, { sku: skuA, quantity: 1 }]);
    const link = exported.links[0]!;
    h.demo.whistl.despatchInParts(link.whistlOrderId, { parts: 3 });
    await h.demo.whistl.flushWebhooks();
    const run = await h.writeBacks();
    expect(run.outcomes).toMatchObject({ shipped: 3, waiting: 0, failed: 0 });
    expect(shipments(exported.bcOrderId)).toHaveLength(3);
    const bcOrder = h.demo.bigcommerce.control.getOrder(h.storeHash, exported.bcOrderId);
    expect(bcOrder.lines.every((l) => l.quantityShipped === l.quantity)).toBe(true);
  });

  it('an order to two addresses: one shipment per address, on the right order_address_id', async () => {
    const exported = await h.placeAndExport(
      [
        { sku: nextSku(), quantity: 1, addressIndex: 0 },
        { sku: nextSku(), quantity: 2, addressIndex: 1 },
      ],
      [ukAddress('Royal Mail Tracked 48'), ukAddress('DPD Next Day', { first_name: 'Charles', last_name: 'Babbage', zip: 'SW1A 2AA', city: 'London' })],
    );
    for (const link of exported.links) await despatch(link.whistlOrderId);
    await h.writeBacks();
    const made = shipments(exported.bcOrderId);
    expect(made.map((s) => s.order_address_id).sort()).toEqual(exported.links.map((l) => l.orderAddressId).sort());
    expect(made.find((s) => s.order_address_id === exported.links[1]!.orderAddressId)?.tracking_carrier).toBe('dpd-uk');
  });

  it('a BigCommerce 429 storm during write-back is waited out, then exactly one shipment', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]);
    await despatch(exported.links[0]!.whistlOrderId);
    const served429 = h.demo.bigcommerce.control.stats(h.storeHash).served429;
    h.demo.bigcommerce.control.setFaults(h.storeHash, { storm: { durationMs: 1_500, withHeaders: true } });
    const run = await h.writeBacks();
    h.demo.bigcommerce.control.clearFaults(h.storeHash);
    expect(h.demo.bigcommerce.control.stats(h.storeHash).served429).toBeGreaterThan(served429);
    expect(run.outcomes.shipped).toBe(1);
    expect(shipments(exported.bcOrderId)).toHaveLength(1);
  });

  it('drift: cancelled in BigCommerce after the despatch was written back -> STATUS_DRIFT', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]);
    await despatch(exported.links[0]!.whistlOrderId);
    await h.writeBacks();
    h.demo.bigcommerce.control.setOrderStatus(h.storeHash, exported.bcOrderId, 5);
    await h.demo.bigcommerce.control.idle();
    const poll = await h.poll();
    expect(poll.errors).toEqual([]);
    const open = await openExceptions(exported.orderSyncId);
    expect(open.filter((e) => e.type === 'STATUS_DRIFT').map((e) => e.reasonKey)).toEqual(['drift:bc-cancelled-whistl-despatched']);
  });

  it('drift: cancelled in BigCommerce, then despatched by Whistl -> STATUS_DRIFT and no shipment', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]);
    const link = exported.links[0]!;
    h.demo.whistl.advanceOrder(link.whistlOrderId, 2);
    h.demo.bigcommerce.control.setOrderStatus(h.storeHash, exported.bcOrderId, 5);
    await h.demo.bigcommerce.control.idle();
    await despatch(link.whistlOrderId);
    const run = await h.writeBacks();
    expect(run.outcomes.drift).toBe(1);
    expect(shipments(exported.bcOrderId)).toHaveLength(0);
    const drift = (await openExceptions(exported.orderSyncId)).filter((e) => e.type === 'STATUS_DRIFT');
    expect(drift.map((e) => [e.reasonKey, e.ownerTeam])).toEqual([['drift:bc-cancelled-whistl-despatched', 'CX']]);
  });

  it('drift: shipped in BigCommerce by hand while Whistl has not despatched -> STATUS_DRIFT, resolved when Whistl despatches', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]);
    h.demo.bigcommerce.control.setOrderStatus(h.storeHash, exported.bcOrderId, 2);
    await h.demo.bigcommerce.control.idle();
    await h.poll();
    const drift = (await openExceptions(exported.orderSyncId)).filter((e) => e.type === 'STATUS_DRIFT');
    expect(drift.map((e) => e.reasonKey)).toEqual(['drift:bc-shipped-whistl-not-despatched']);

    await despatch(exported.links[0]!.whistlOrderId);
    // Open drift means what was kept at export may be stale: the checked path (3 calls), not the direct one.
    const bcBefore = h.bcCalls();
    await h.writeBacks();
    expect(h.bcCalls() - bcBefore).toBe(3);
    expect(shipments(exported.bcOrderId)).toHaveLength(1);
    expect(await openExceptions(exported.orderSyncId)).toEqual([]);
  });

  it('drift: Whistl despatched a SKU the order does not have -> STATUS_DRIFT for quantities', async () => {
    const sku = nextSku();
    const exported = await h.placeAndExport([{ sku, quantity: 2 }]);
    // The alias changes what the order's SKU means in Whistl after the fact: the despatch no longer matches.
    const alias = await db().skuAlias.create({ data: { storeId: h.storeId, bcSku: sku, whistlSku: 'SOMETHINGELSE' } });
    try {
      await despatch(exported.links[0]!.whistlOrderId);
      await h.writeBacks();
    } finally {
      await db().skuAlias.delete({ where: { id: alias.id } });
    }
    const drift = (await openExceptions(exported.orderSyncId)).filter((e) => e.type === 'STATUS_DRIFT');
    expect(drift).toHaveLength(1);
    expect(drift[0]?.message).toMatch(/ordered 2, despatched 0/);
    expect(shipments(exported.bcOrderId)).toHaveLength(0);
  });

  it('a cancel whose webhook was lost is found by the drift check: cancelled in Whistl, and a despatch after it makes no shipment', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]);
    const link = exported.links[0]!;
    h.demo.bigcommerce.control.setFaults(h.storeHash, { dropWebhookRate: 1 });
    h.demo.bigcommerce.control.setOrderStatus(h.storeHash, exported.bcOrderId, 5);
    await h.demo.bigcommerce.control.idle();
    h.demo.bigcommerce.control.clearFaults(h.storeHash);
    expect(await db().orderSync.findUniqueOrThrow({ where: { id: exported.orderSyncId } })).toMatchObject({ state: 'EXPORTED', cancelRequested: false });

    await h.poll();
    expect(await db().orderSync.findUniqueOrThrow({ where: { id: exported.orderSyncId } })).toMatchObject({ state: 'PENDING', cancelRequested: true });
    await runExportBatch(db(), h.deps, { timeBudgetMs: 20_000 });
    expect((await db().orderSync.findUniqueOrThrow({ where: { id: exported.orderSyncId } })).state).toBe('CANCELLED');
    expect(h.demo.whistl.getOrder(link.whistlOrderId).statusId).toBe(3);
    expect(await writeBacksOf(exported.orderSyncId)).toHaveLength(0);
    expect(shipments(exported.bcOrderId)).toHaveLength(0);
  });

  it('a Whistl webhook with a bad secret, or for an unknown store, is a 401 and records nothing', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]);
    const link = exported.links[0]!;
    h.demo.whistl.setFaults({ dropWebhooks: { count: 1 } });
    await despatch(link.whistlOrderId);
    h.demo.whistl.clearFaults();
    const body = JSON.stringify({ ID: link.whistlOrderId, OrderStatusId: 4 });
    const counts = async () => [await db().shipmentWriteBack.count(), await db().orderSyncEvent.count(), await db().syncException.count()];
    const before = await counts();
    const goodPath = h.demo.whistl.webhookDeliveries().find((d) => d.orderId === link.whistlOrderId)!.url.replace(h.appUrl, '');
    const secret = goodPath.split('/').pop()!;
    for (const path of [
      `/api/webhooks/whistl/${h.storeHash}/wrong-secret`,
      `/api/webhooks/whistl/${h.storeHash}/${secret.slice(0, -1)}`,
      `/api/webhooks/whistl/nosuchstore/${secret}`,
    ]) {
      const response = await h.postWhistlWebhook(path, body);
      expect(response.status).toBe(401);
    }
    expect(await counts()).toEqual(before);
    // The real URL works.
    expect((await h.postWhistlWebhook(goodPath, body)).status).toBe(200);
    expect(await writeBacksOf(exported.orderSyncId)).toHaveLength(1);
    await h.writeBacks();
    expect(shipments(exported.bcOrderId)).toHaveLength(1);
  });

  it('a body that is not a Whistl order is a 400', async () => {
    const goodPath = h.demo.whistl.webhookDeliveries()[0]!.url.replace(h.appUrl, '');
    expect((await h.postWhistlWebhook(goodPath, 'not json')).status).toBe(400);
    expect((await h.postWhistlWebhook(goodPath, JSON.stringify({ OrderNumber: 'x' }))).status).toBe(400);
  });

  it('two runners and a poll at once never create a shipment twice', async () => {
    const orders = [];
    for (let i = 0; i < 4; i++) orders.push(await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]));
    for (const o of orders) await despatch(o.links[0]!.whistlOrderId);
    await Promise.all([h.writeBacks(), h.writeBacks(), h.poll(), h.writeBacks()]);
    await h.writeBacks();
    for (const o of orders) expect(shipments(o.bcOrderId)).toHaveLength(1);
  });

  it('the cron route needs the cron secret, then polls and writes back in one bounded call', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]);
    h.demo.whistl.setFaults({ dropWebhooks: { count: 1 } });
    await despatch(exported.links[0]!.whistlOrderId);
    h.demo.whistl.clearFaults();
    expect((await cronGET(new Request('http://localhost/api/cron/fulfilment'))).status).toBe(401);
    expect(shipments(exported.bcOrderId)).toHaveLength(0);
    const response = await cronPOST(new Request('http://localhost/api/cron/fulfilment', { method: 'POST', headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } }));
    expect(response.status).toBe(200);
    const summary = (await response.json()) as { ok: boolean; poll: { writeBacksQueued: number }; writeBacks: { outcomes: { shipped: number } } };
    expect(summary.ok).toBe(true);
    expect(summary.poll.writeBacksQueued).toBe(1);
    expect(summary.writeBacks.outcomes.shipped).toBe(1);
    expect(shipments(exported.bcOrderId)).toHaveLength(1);
    expect(await db().jobRun.count({ where: { job: 'fulfilment', ok: true } })).toBe(1);
  });

  // The next tests move the runner's clock forward (BigCommerce's and Whistl's stay put): keep them last.
  it('a create whose answer is lost (500 after commit) is retried with backoff and found, not created twice', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]);
    await despatch(exported.links[0]!.whistlOrderId);
    h.demo.bigcommerce.control.setFaults(h.storeHash, { errorAfterCommitRate: 1 });
    const first = await h.writeBacks();
    h.demo.bigcommerce.control.clearFaults(h.storeHash);
    expect(first.outcomes.retry).toBe(1);
    const [pending] = await writeBacksOf(exported.orderSyncId);
    expect(pending).toMatchObject({ state: 'PENDING', attempts: 1 });
    expect(pending!.nextAttemptAt.getTime()).toBeGreaterThan(h.deps.now().getTime());
    expect((await h.writeBacks()).claimed).toBe(0);
    h.advance(10 * 60_000);
    const second = await h.writeBacks();
    expect(second.outcomes['already-shipped']).toBe(1);
    expect(shipments(exported.bcOrderId)).toHaveLength(1);
  });

  it('BigCommerce failing on every try ends in a WRITEBACK_FAILED exception after the retries', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]);
    await despatch(exported.links[0]!.whistlOrderId);
    h.demo.bigcommerce.control.setFaults(h.storeHash, { errorRate: 1 });
    try {
      for (let i = 0; i < 6; i++) {
        await h.writeBacks();
        h.advance(40 * 60_000);
      }
    } finally {
      h.demo.bigcommerce.control.clearFaults(h.storeHash);
    }
    const [row] = await writeBacksOf(exported.orderSyncId);
    expect(row).toMatchObject({ state: 'FAILED', attempts: 6 });
    expect((await openExceptions(exported.orderSyncId)).map((e) => [e.type, e.ownerTeam])).toEqual([['WRITEBACK_FAILED', 'OPS']]);
    expect(shipments(exported.bcOrderId)).toHaveLength(0);
  }, 60_000);

  // Moves the runner's clock a day forward: keep it last.
  it('stuck: an order HOLDING longer than stuckStateHours becomes WHISTL_STUCK, resolved when it moves on', async () => {
    const exported = await h.placeAndExport([{ sku: nextSku(), quantity: 1 }]);
    const link = exported.links[0]!;
    h.demo.whistl.advanceOrder(link.whistlOrderId, 7);
    await h.poll();
    expect((await openExceptions(exported.orderSyncId)).filter((e) => e.type === 'WHISTL_STUCK')).toEqual([]);
    expect((await db().whistlOrderLink.findFirstOrThrow({ where: { orderSyncId: exported.orderSyncId } })).whistlStatusId).toBe(7);

    h.advance(25 * 3_600_000);
    const poll = await h.poll();
    expect(poll.stuck.raised).toBeGreaterThanOrEqual(1);
    const stuck = (await openExceptions(exported.orderSyncId)).filter((e) => e.type === 'WHISTL_STUCK');
    expect(stuck.map((e) => e.ownerTeam)).toEqual(['OPS']);
    expect(stuck[0]?.message).toMatch(/HOLDING for \d+ h/);

    h.demo.whistl.advanceOrder(link.whistlOrderId, 2);
    await h.poll();
    expect((await openExceptions(exported.orderSyncId)).filter((e) => e.type === 'WHISTL_STUCK')).toEqual([]);
    // The drift listing runs at low priority: after the retry tests spent the window it waits for the next one.
  }, 90_000);
});
