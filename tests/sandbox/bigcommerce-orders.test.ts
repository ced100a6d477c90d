import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RFC2822, asArray, asRecord, recordsOf, startInstalledStore, ukAddress, type InstalledStore } from './bigcommerce-harness';

let store: InstalledStore;
let now: number;

beforeEach(async () => {
  now = Date.UTC(2026, 10, 20, 9, 30, 0);
  store = await startInstalledStore(
    {
      products: [
        { name: 'Tee', sku: 'TEE1', price: 12.5, variants: [{ sku: 'TEE1S', options: { Size: 'S' } }, { sku: 'TEE1M', options: { Size: 'M' } }] },
        { name: 'Mug', sku: 'MUG1', price: 8 },
        { name: 'Poster', sku: 'POSTER1', price: 5 },
        { name: 'eBook', sku: 'EBOOK1', type: 'digital', price: 3, inventoryTracking: 'none' },
      ],
      customers: [{ email: 'grace@example.co.uk', firstName: 'Grace', lastName: 'Hopper' }],
    },
    { now: () => now },
  );
});

afterEach(async () => {
  await store.close();
});

function place(lines: { sku: string; quantity: number; addressIndex?: number }[], statusId = 11) {
  now += 1000;
  return store.sandbox.control.placeOrder(store.hash, { lines, addresses: [ukAddress()], statusId });
}

describe('GET /v2/orders', () => {
  it('answers 204 with no body when there are no orders', async () => {
    const response = await store.api('GET', '/v2/orders');
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(response.headers.get('x-rate-limit-requests-left')).not.toBeNull();
  });

  it('pages with page/limit and answers 204 past the last page', async () => {
    for (let index = 0; index < 7; index += 1) place([{ sku: 'MUG1', quantity: 1 }]);
    const pages: number[][] = [];
    for (let page = 1; page <= 4; page += 1) {
      const response = await store.api('GET', `/v2/orders?limit=3&page=${page}`);
      pages.push(response.status === 204 ? [] : recordsOf(response.body).map((order) => Number(order.id)));
    }
    expect(pages.map((ids) => ids.length)).toEqual([3, 3, 1, 0]);
    expect(pages.flat()).toEqual([100, 101, 102, 103, 104, 105, 106]);
    expect((await store.api('GET', '/v2/orders?limit=3&page=4')).status).toBe(204);
  });

  it('caps limit at 250 and defaults to 50', async () => {
    for (let index = 0; index < 60; index += 1) place([{ sku: 'MUG1', quantity: 1 }]);
    expect(asArray((await store.api('GET', '/v2/orders')).body)).toHaveLength(50);
    expect(asArray((await store.api('GET', '/v2/orders?limit=1000')).body)).toHaveLength(60);
  });

  it('filters by status_id, min_id/max_id and min_date_modified, and sorts by date_modified', async () => {
    const first = place([{ sku: 'MUG1', quantity: 1 }]);
    const second = place([{ sku: 'MUG1', quantity: 1 }], 7);
    const third = place([{ sku: 'MUG1', quantity: 1 }]);
    now += 60_000;
    store.sandbox.control.setOrderStatus(store.hash, first.id, 9);
    const byStatus = recordsOf((await store.api('GET', '/v2/orders?status_id=7')).body);
    expect(byStatus.map((order) => order.id)).toEqual([second.id]);
    const byId = recordsOf((await store.api('GET', `/v2/orders?min_id=${second.id}&max_id=${third.id}`)).body);
    expect(byId.map((order) => order.id)).toEqual([second.id, third.id]);
    const since = encodeURIComponent(new Date(now - 1000).toUTCString().replace('GMT', '+0000'));
    const modified = recordsOf((await store.api('GET', `/v2/orders?min_date_modified=${since}`)).body);
    expect(modified.map((order) => order.id)).toEqual([first.id]);
    const iso = encodeURIComponent(new Date(now - 1000).toISOString());
    expect(recordsOf((await store.api('GET', `/v2/orders?min_date_modified=${iso}`)).body)).toHaveLength(1);
    const sorted = recordsOf((await store.api('GET', '/v2/orders?sort=date_modified:asc')).body);
    expect(sorted.map((order) => order.id)).toEqual([second.id, third.id, first.id]);
    expect((await store.api('GET', '/v2/orders?sort=bogus:asc')).status).toBe(400);
    expect((await store.api('GET', '/v2/orders?status_id=abc')).status).toBe(400);
  });

  it('uses RFC-2822 dates and money strings, and bumps date_modified on every change', async () => {
    const order = place([{ sku: 'TEE1S', quantity: 2 }]);
    const before = asRecord((await store.api('GET', `/v2/orders/${order.id}`)).body);
    expect(before.date_created).toMatch(RFC2822);
    expect(before.date_created).toBe('Fri, 20 Nov 2026 09:30:01 +0000');
    expect(before.date_shipped).toBe('');
    expect(before.subtotal_inc_tax).toBe('25.0000');
    expect(before.total_inc_tax).toBe('29.9500'); // 2 x 12.50 + 4.95 shipping
    expect(before.status).toBe('Awaiting Fulfillment');
    now += 5000;
    const put = await store.api('PUT', `/v2/orders/${order.id}`, { status_id: 9 });
    expect(put.status).toBe(200);
    const after = asRecord((await store.api('GET', `/v2/orders/${order.id}`)).body);
    expect(after.status_id).toBe(9);
    expect(after.status).toBe('Awaiting Shipment');
    expect(after.date_modified).toBe('Fri, 20 Nov 2026 09:30:06 +0000');
    expect((await store.api('PUT', `/v2/orders/${order.id}`, { status_id: 99 })).status).toBe(400);
  });

  it('answers 404 for an unknown order', async () => {
    const response = await store.api('GET', '/v2/orders/999');
    expect(response.status).toBe(404);
    expect(response.body).toEqual([expect.objectContaining({ status: 404 })]);
  });
});

describe('include=consignments.line_items', () => {
  it('embeds shipping consignments with their address, method text and full line items, plus downloads and gift certificates', async () => {
    now += 1000;
    const order = store.sandbox.control.placeOrder(store.hash, {
      lines: [
        { sku: 'TEE1M', quantity: 1, addressIndex: 0 },
        { sku: 'MUG1', quantity: 2, addressIndex: 1 },
        { sku: 'EBOOK1', quantity: 1 },
        { type: 'giftcertificate', quantity: 1, price: 25, recipientEmail: 'friend@example.com' },
      ],
      addresses: [ukAddress('Royal Mail Tracked 48'), { ...ukAddress('DPD Next Day', 'M3 1AZ'), first_name: 'Charles', city: 'Manchester' }],
    });
    const response = await store.api('GET', `/v2/orders/${order.id}?include=consignments.line_items&consignment_structure=object`);
    expect(response.status).toBe(200);
    const consignments = asRecord(asRecord(response.body).consignments);
    const shipping = recordsOf(consignments.shipping);
    expect(shipping).toHaveLength(2);
    expect(shipping[0]).toMatchObject({ first_name: 'Ada', zip: 'SW1A 2AA', shipping_method: 'Royal Mail Tracked 48', items_total: 1 });
    expect(shipping[1]).toMatchObject({ first_name: 'Charles', zip: 'M3 1AZ', shipping_method: 'DPD Next Day', items_total: 2 });
    const firstLines = recordsOf(shipping[0]?.line_items);
    expect(firstLines).toEqual([expect.objectContaining({ sku: 'TEE1M', quantity: 1, type: 'physical', order_address_id: shipping[0]?.id })]);
    expect(firstLines[0]?.product_options).toEqual([expect.objectContaining({ display_name: 'Size', display_value: 'M' })]);
    const downloads = recordsOf(consignments.downloads);
    expect(recordsOf(downloads[0]?.line_items)).toEqual([expect.objectContaining({ sku: 'EBOOK1', type: 'digital', order_address_id: 0 })]);
    const gifts = recordsOf(asRecord(consignments.email).gift_certificates);
    expect(gifts[0]).toMatchObject({ recipient_email: 'friend@example.com' });
    expect(recordsOf(gifts[0]?.line_items)[0]).toMatchObject({ type: 'giftcertificate', gift_certificate_id: expect.any(Number) });

    const list = await store.api('GET', '/v2/orders?include=consignments.line_items&consignment_structure=object');
    expect(recordsOf(asRecord(recordsOf(list.body)[0]?.consignments).shipping)).toHaveLength(2);

    const refs = await store.api('GET', `/v2/orders/${order.id}?include=consignments&consignment_structure=object`);
    const refLines = recordsOf(recordsOf(asRecord(asRecord(refs.body).consignments).shipping)[0]?.line_items);
    expect(refLines[0]?.resource).toMatch(/^\/orders\/\d+\/products\/\d+$/);

    const plain = asRecord((await store.api('GET', `/v2/orders/${order.id}`)).body);
    expect(asRecord(plain.consignments).resource).toBe(`/orders/${order.id}/consignments`);
  });
});

describe('order products and shipping addresses', () => {
  it('pages order products 50 at a time', async () => {
    const products = Array.from({ length: 60 }, (_, index) => ({ name: `Item ${index}`, sku: `ITEM${index}` }));
    store.sandbox.control.seedStore({ hash: 'bigorders', products });
    const { install } = await import('./bigcommerce-harness');
    const token = await install(store.sandbox, 'bigorders');
    const order = store.sandbox.control.placeOrder('bigorders', {
      lines: products.map((product) => ({ sku: product.sku, quantity: 1 })),
      addresses: [ukAddress()],
    });
    const get = (path: string) => fetch(`${store.sandbox.storeUrl('bigorders')}${path}`, { headers: { 'x-auth-token': token } });
    const page1 = (await (await get(`/v2/orders/${order.id}/products`)).json()) as unknown[];
    const page2 = (await (await get(`/v2/orders/${order.id}/products?page=2`)).json()) as unknown[];
    expect(page1).toHaveLength(50);
    expect(page2).toHaveLength(10);
    expect((await get(`/v2/orders/${order.id}/products?page=3`)).status).toBe(204);
    expect((await (await get(`/v2/orders/${order.id}/products?limit=5`)).json()) as unknown[]).toHaveLength(5);
  });

  it('lists shipping addresses with free-text shipping_method and ids used by order products', async () => {
    const order = place([{ sku: 'MUG1', quantity: 1 }]);
    const addresses = recordsOf((await store.api('GET', `/v2/orders/${order.id}/shipping_addresses`)).body);
    expect(addresses).toEqual([expect.objectContaining({ id: order.addresses[0]?.id, shipping_method: 'Royal Mail Tracked 48', country_iso2: 'GB', zip: 'SW1A 2AA' })]);
    const products = recordsOf((await store.api('GET', `/v2/orders/${order.id}/products`)).body);
    expect(products[0]).toMatchObject({ order_address_id: addresses[0]?.id, sku: 'MUG1', price_inc_tax: '8.0000' });
  });
});

describe('shipments', () => {
  it('GET is 204 when there are none', async () => {
    const order = place([{ sku: 'MUG1', quantity: 1 }]);
    expect((await store.api('GET', `/v2/orders/${order.id}/shipments`)).status).toBe(204);
  });

  it('moves the order to Partially Shipped (3) then Shipped (2)', async () => {
    const order = place([
      { sku: 'MUG1', quantity: 2 },
      { sku: 'POSTER1', quantity: 1 },
    ]);
    const [mug, poster] = order.lines;
    const addressId = order.addresses[0]?.id;
    const first = await store.api('POST', `/v2/orders/${order.id}/shipments`, {
      order_address_id: addressId,
      tracking_number: 'RM123456789GB',
      shipping_provider: 'royalmail',
      items: [{ order_product_id: mug?.id, quantity: 1 }],
    });
    expect(first.status).toBe(201);
    expect(asRecord(first.body)).toMatchObject({ order_id: order.id, tracking_number: 'RM123456789GB', items: [{ order_product_id: mug?.id, quantity: 1 }] });
    expect(asRecord((await store.api('GET', `/v2/orders/${order.id}`)).body).status_id).toBe(3);
    const second = await store.api('POST', `/v2/orders/${order.id}/shipments`, {
      order_address_id: addressId,
      tracking_number: 'RM987654321GB',
      items: [
        { order_product_id: mug?.id, quantity: 1 },
        { order_product_id: poster?.id, quantity: 1 },
      ],
    });
    expect(second.status).toBe(201);
    const shipped = asRecord((await store.api('GET', `/v2/orders/${order.id}`)).body);
    expect(shipped.status_id).toBe(2);
    expect(shipped.date_shipped).toMatch(RFC2822);
    expect(shipped.items_shipped).toBe(3);
    expect(recordsOf((await store.api('GET', `/v2/orders/${order.id}/shipments`)).body)).toHaveLength(2);
    expect(store.sandbox.control.shipments(store.hash, order.id)).toHaveLength(2);
  });

  it('counts only physical lines: digital and gift certificate lines never block Shipped', async () => {
    now += 1000;
    const order = store.sandbox.control.placeOrder(store.hash, {
      lines: [{ sku: 'MUG1', quantity: 1 }, { sku: 'EBOOK1', quantity: 1 }, { type: 'giftcertificate', quantity: 1 }],
      addresses: [ukAddress()],
    });
    const mug = order.lines[0];
    const response = await store.api('POST', `/v2/orders/${order.id}/shipments`, {
      order_address_id: order.addresses[0]?.id,
      items: [{ order_product_id: mug?.id, quantity: 1 }],
    });
    expect(response.status).toBe(201);
    expect(asRecord((await store.api('GET', `/v2/orders/${order.id}`)).body).status_id).toBe(2);
  });

  it('with two addresses, shipping one leaves the order Partially Shipped', async () => {
    now += 1000;
    const order = store.sandbox.control.placeOrder(store.hash, {
      lines: [
        { sku: 'MUG1', quantity: 1, addressIndex: 0 },
        { sku: 'POSTER1', quantity: 1, addressIndex: 1 },
      ],
      addresses: [ukAddress(), ukAddress('DPD Next Day', 'LS1 5HD')],
    });
    const response = await store.api('POST', `/v2/orders/${order.id}/shipments`, {
      order_address_id: order.addresses[0]?.id,
      items: [{ order_product_id: order.lines[0]?.id, quantity: 1 }],
    });
    expect(response.status).toBe(201);
    expect(asRecord((await store.api('GET', `/v2/orders/${order.id}`)).body).status_id).toBe(3);
    const wrongAddress = await store.api('POST', `/v2/orders/${order.id}/shipments`, {
      order_address_id: order.addresses[0]?.id,
      items: [{ order_product_id: order.lines[1]?.id, quantity: 1 }],
    });
    expect(wrongAddress.status).toBe(400);
  });

  it('rejects product_id in items, over-shipping, unknown addresses and long tracking numbers with 400', async () => {
    const order = place([{ sku: 'MUG1', quantity: 1 }]);
    const addressId = order.addresses[0]?.id;
    const lineId = order.lines[0]?.id;
    const post = (body: unknown) => store.api('POST', `/v2/orders/${order.id}/shipments`, body);
    const withProductId = await post({ order_address_id: addressId, items: [{ order_product_id: lineId, product_id: 111, quantity: 1 }] });
    expect(withProductId.status).toBe(400);
    expect(JSON.stringify(withProductId.body)).toContain('product_id');
    expect((await post({ order_address_id: addressId, items: [{ order_product_id: lineId, quantity: 2 }] })).status).toBe(400);
    expect((await post({ order_address_id: 9999, items: [{ order_product_id: lineId, quantity: 1 }] })).status).toBe(400);
    expect((await post({ order_address_id: addressId, items: [{ order_product_id: 9999, quantity: 1 }] })).status).toBe(400);
    expect((await post({ order_address_id: addressId, tracking_number: 'X'.repeat(51), items: [{ order_product_id: lineId, quantity: 1 }] })).status).toBe(400);
    expect((await post({ order_address_id: addressId, items: [] })).status).toBe(400);
    expect((await post({ items: [{ order_product_id: lineId, quantity: 1 }] })).status).toBe(400);
    // Nothing was shipped by the rejected requests.
    expect((await store.api('GET', `/v2/orders/${order.id}/shipments`)).status).toBe(204);
    expect((await post({ order_address_id: addressId, tracking_number: 'X'.repeat(50), items: [{ order_product_id: lineId, quantity: 1 }] })).status).toBe(201);
  });
});

describe('statuses and shipping methods', () => {
  it('lists the 15 order statuses', async () => {
    const statuses = recordsOf((await store.api('GET', '/v2/order_statuses')).body);
    expect(statuses.map((status) => status.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(statuses[11]).toMatchObject({ name: 'Awaiting Fulfillment' });
  });

  it('lists shipping zones and their methods', async () => {
    const zones = recordsOf((await store.api('GET', '/v2/shipping/zones')).body);
    expect(zones).toHaveLength(1);
    const methods = recordsOf((await store.api('GET', `/v2/shipping/zones/${String(zones[0]?.id)}/methods`)).body);
    expect(methods.map((method) => method.name)).toEqual(['Royal Mail Tracked 48', 'Royal Mail Tracked 24', 'DPD Next Day']);
    expect((await store.api('GET', '/v2/shipping/zones/999/methods')).status).toBe(404);
  });

  it('archives an order with DELETE: it leaves the list', async () => {
    const order = place([{ sku: 'MUG1', quantity: 1 }]);
    expect((await store.api('DELETE', `/v2/orders/${order.id}`)).status).toBe(204);
    expect((await store.api('GET', '/v2/orders')).status).toBe(204);
    expect(asRecord((await store.api('GET', `/v2/orders/${order.id}`)).body).is_deleted).toBe(true);
  });

  it('decrements tracked stock when a shopper orders', () => {
    const before = store.sandbox.control.inventory(store.hash).find((item) => item.sku === 'MUG1');
    place([{ sku: 'MUG1', quantity: 3 }]);
    const after = store.sandbox.control.inventory(store.hash).find((item) => item.sku === 'MUG1');
    expect((before?.onHand ?? 0) - (after?.onHand ?? 0)).toBe(3);
  });
});
