import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, createBigCommerceClient, type BigCommerceClient } from '@/lib/bigcommerce/api';
import { exchangeAuthCode } from '@/lib/bigcommerce/oauth';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '@/sandbox/bigcommerce';
import { seedDemoStore, type DemoStore } from '@/sandbox/bigcommerce/demo-seed';

/** The real client against the simulator: each side was built from the contracts alone. */
const CLIENT = { clientId: 'client-sandbox-test', clientSecret: 'secret-sandbox-test' };
let sandbox: BigCommerceSandbox;
let demo: DemoStore;
let client: BigCommerceClient;

beforeAll(async () => {
  sandbox = await startBigCommerceSandbox({ ...CLIENT, appUrl: 'http://localhost:3000', inventoryDelayMs: 50 });
  demo = seedDemoStore(sandbox, { hash: 'clienttest', productCount: 40, seed: 7 });
  const code = sandbox.control.issueInstallCode(demo.hash);
  const grant = await exchangeAuthCode(
    { code: code.code, scope: code.scope, context: code.context },
    { loginUrl: sandbox.url, ...CLIENT, redirectUri: 'http://localhost:3000/api/app/auth' },
  );
  expect(grant.storeHash).toBe(demo.hash);
  client = createBigCommerceClient({ storeHash: demo.hash, accessToken: grant.accessToken, baseUrl: sandbox.url });
});

afterAll(() => sandbox.close());

describe('BigCommerce client against the simulator', () => {
  it('reads a whole order, its addresses, shipping method and lines, in one call', async () => {
    const placed = demo.placeRandomOrder();
    sandbox.control.resetStats(demo.hash);
    const order = await client.orders.get(placed.id);
    expect(sandbox.control.stats(demo.hash).total).toBe(1);

    expect(order.id).toBe(placed.id);
    expect(order.shippingAddresses.map((a) => [a.orderAddressId, a.shippingMethod])).toEqual(
      placed.addresses.map((a) => [a.id, a.shippingMethod]),
    );
    expect(order.lines.map((l) => [l.orderProductId, l.sku, l.quantity, l.type]).sort()).toEqual(
      placed.lines.map((l) => [l.id, l.sku, l.quantity, l.type]).sort(),
    );
    for (const address of order.shippingAddresses) {
      for (const line of address.lines) expect(line.orderAddressId).toBe(address.orderAddressId);
    }
  });

  it('lists orders by status, paging to the end', async () => {
    for (let i = 0; i < 5; i++) demo.placeRandomOrder();
    const listed = await collect(client.orders.list({ statusId: 11, limit: 2 }));
    const expected = sandbox.control.getStore(demo.hash).orderCount;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThanOrEqual(expected);
    expect(listed.every((o) => o.statusId === 11)).toBe(true);
    expect(new Set(listed.map((o) => o.id)).size).toBe(listed.length);
  });

  it('an empty list (204) is an empty array', async () => {
    expect(await collect(client.orders.list({ statusId: 13 }))).toEqual([]);
  });

  it('shipping every physical line moves the order to Shipped', async () => {
    const placed = sandbox.control.placeOrder(demo.hash, {
      lines: [{ sku: sandbox.control.catalog(demo.hash).find((e) => e.type === 'physical' && /^[A-Z0-9]+$/.test(e.sku))!.sku, quantity: 2 }],
      billingAddress: { email: 'shopper@example.com' },
      addresses: [{ first_name: 'Ada', last_name: 'Lovelace', street_1: '1 Deansgate', city: 'Manchester', zip: 'M3 1AZ', shippingMethod: 'DPD Next Day' }],
      statusId: 11,
    });
    const order = await client.orders.get(placed.id);
    const address = order.shippingAddresses[0]!;
    const shipment = await client.shipments.create(order.id, {
      orderAddressId: address.orderAddressId,
      items: address.lines.map((l) => ({ orderProductId: l.orderProductId, quantity: l.quantity })),
      trackingNumber: 'RM123456789GB',
      trackingCarrier: 'royal-mail',
    });
    expect(shipment.trackingNumber).toBe('RM123456789GB');
    expect(sandbox.control.getOrder(demo.hash, order.id).statusId).toBe(2);
    expect((await client.shipments.list(order.id)).map((s) => s.trackingNumber)).toEqual(['RM123456789GB']);
  });

  it('absolute inventory adjustments are applied asynchronously', async () => {
    const entry = sandbox.control.catalog(demo.hash).find((e) => e.inventoryTracking === 'variant' && e.sku)!;
    const result = await client.inventory.setAbsolute({ reason: 'test', items: [{ locationId: 1, quantity: 37, variantId: entry.variantId }] });
    expect(result.transactionIds).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sandbox.control.inventory(demo.hash).find((i) => i.variantId === entry.variantId)?.onHand).toBe(37);
  });

  it('webhooks can be created, listed and deleted', async () => {
    const hook = await client.webhooks.create({ scope: 'store/order/created', destination: 'https://app.example.com/api/webhooks/bigcommerce', isActive: true, headers: { 'x-test': '1' } });
    expect((await client.webhooks.list()).map((h) => h.id)).toContain(hook.id);
    await client.webhooks.delete(hook.id);
    expect((await client.webhooks.list()).map((h) => h.id)).not.toContain(hook.id);
  });

  it('never starts a request the rate-limit window cannot afford', async () => {
    // A store of its own, so the limiter learns this quota from its first response.
    const small = sandbox.control.seedStore({ hash: 'tinyquota', productCount: 3, quota: { requests: 4, windowMs: 1000 } });
    const code = sandbox.control.issueInstallCode(small.hash);
    const grant = await exchangeAuthCode(
      { code: code.code, scope: code.scope, context: code.context },
      { loginUrl: sandbox.url, ...CLIENT, redirectUri: 'http://localhost:3000/api/app/auth' },
    );
    const tiny = createBigCommerceClient({ storeHash: small.hash, accessToken: grant.accessToken, baseUrl: sandbox.url });
    const started = Date.now();
    await Promise.all(Array.from({ length: 10 }, () => tiny.orders.listStatuses()));
    const stats = sandbox.control.stats(small.hash);
    expect(stats.total).toBe(10);
    expect(stats.served429).toBe(0);
    // 10 requests at 4 per second need at least two window resets.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });
});
