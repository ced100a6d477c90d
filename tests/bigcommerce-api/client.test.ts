import { afterEach, describe, expect, it } from 'vitest';
import { collect, createBigCommerceClient, formatRfc2822, parseRfc2822, StoreRateLimiter } from '@/lib/bigcommerce/api';
import { startRig, type TestRig } from './client-setup';
import { inventoryItemWire, orderLineWire, orderStatusesWire, orderWire, pagination, shipmentWire } from './fixtures';

let rig: TestRig | undefined;
afterEach(async () => {
  await rig?.server.close();
  rig = undefined;
});

describe('BigCommerce client: wire quirks', () => {
  it('sends X-Auth-Token and Accept, under /stores/{hash}', async () => {
    rig = await startRig(() => ({ status: 200, body: orderWire() }));
    await rig.client.orders.get(100);
    const [request] = rig.server.requests;
    expect(request?.storeHash).toBe('abc123');
    expect(request?.path).toBe('/v2/orders/100');
    expect(request?.headers['x-auth-token']).toBe('test-token');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.query.get('include')).toBe('consignments.line_items');
    expect(request?.query.get('consignment_structure')).toBe('object');
  });

  it('uses an injected fetch and the configured base URL', async () => {
    const urls: string[] = [];
    const fakeFetch: typeof fetch = (input) => {
      urls.push(String(input));
      return Promise.resolve(new Response(JSON.stringify(orderStatusesWire), { status: 200 }));
    };
    const client = createBigCommerceClient({ storeHash: 'h1', accessToken: 't', baseUrl: 'https://sandbox.example/', fetch: fakeFetch, rateLimiter: new StoreRateLimiter() });
    expect(await client.orders.listStatuses()).toHaveLength(2);
    expect(urls).toEqual(['https://sandbox.example/stores/h1/v2/order_statuses']);
  });

  it('reads an order with consignments into one domain object (camelCase, dates, money strings)', async () => {
    rig = await startRig(() => ({ status: 200, body: orderWire() }));
    const order = await rig.client.orders.get(100);
    expect(order.dateCreated.toISOString()).toBe('2019-03-05T21:40:11.000Z');
    expect(order.dateModified.toISOString()).toBe('2019-03-11T20:17:25.000Z');
    expect(order.dateShipped).toBeNull();
    expect(order.totalIncTax).toBe('54.0000');
    expect(order.billingAddress.countryIso2).toBe('GB');
    expect(order.shippingAddresses).toHaveLength(1);
    const [consignment] = order.shippingAddresses;
    expect(consignment).toMatchObject({ orderAddressId: 21, shippingMethod: 'Royal Mail 48', zip: 'LS1 1AA', street1: '1 High Street' });
    expect(consignment?.lines[0]).toMatchObject({ orderProductId: 11, orderAddressId: 21, sku: 'MUG-BLU', type: 'physical', quantity: 2, priceIncTax: '12.0000' });
    expect(consignment?.lines[0]?.options).toEqual([{ displayName: 'Colour', displayValue: 'Blue' }]);
    expect(order.digitalLines).toMatchObject([{ orderProductId: 12, type: 'digital', orderAddressId: null, variantId: null }]);
    expect(order.lines.map((line) => line.orderProductId)).toEqual([11, 12]);
  });

  it('treats a V2 204 with no body as an empty list', async () => {
    rig = await startRig(() => ({ status: 204 }));
    expect(await rig.client.orders.listPage({ page: 1 })).toEqual([]);
    expect(await rig.client.shipments.list(100)).toEqual([]);
    expect(await collect(rig.client.orders.list())).toEqual([]);
  });

  it('pages V2 lists and stops on a short page', async () => {
    rig = await startRig((request) => {
      const page = Number(request.query.get('page'));
      return { status: 200, body: page === 1 ? [orderWire({ id: 1 }), orderWire({ id: 2 })] : [orderWire({ id: 3 })] };
    });
    const orders = await collect(rig.client.orders.list({ limit: 2, statusId: 11, sort: 'date_modified:asc', minDateModified: new Date('2025-11-26T10:00:00Z') }));
    expect(orders.map((order) => order.id)).toEqual([1, 2, 3]);
    expect(rig.server.requests.map((request) => request.query.get('page'))).toEqual(['1', '2']);
    const first = rig.server.requests[0];
    expect(first?.query.get('limit')).toBe('2');
    expect(first?.query.get('status_id')).toBe('11');
    expect(first?.query.get('min_date_modified')).toBe('Wed, 26 Nov 2025 10:00:00 +0000');
  });

  it('pages V2 lists and stops on a 204 after a full page', async () => {
    rig = await startRig((request) =>
      request.query.get('page') === '1' ? { status: 200, body: [orderLineWire({ id: 1 }), orderLineWire({ id: 2 })] } : { status: 204 },
    );
    const lines = [];
    for await (const line of rig.client.orders.listProducts(100)) lines.push(line);
    expect(lines).toHaveLength(2);
    // listProducts pages with limit 250, so a 2-item page is already short: one request.
    expect(rig.server.requests).toHaveLength(1);

    await rig.server.close();
    rig = await startRig((request) =>
      request.query.get('page') === '1' ? { status: 200, body: [orderWire({ id: 1 }), orderWire({ id: 2 })] } : { status: 204 },
    );
    expect(await collect(rig.client.orders.list({ limit: 2 }))).toHaveLength(2);
    expect(rig.server.requests.map((request) => request.query.get('page'))).toEqual(['1', '2']);
  });

  it('pages V3 lists with meta.pagination', async () => {
    rig = await startRig((request) => {
      const page = Number(request.query.get('page'));
      return { status: 200, body: { data: [inventoryItemWire(`SKU-${page}`)], meta: pagination(page, 3, 1) } };
    });
    const items = await rig.client.inventory.getItemsBySkus(['SKU-1', 'SKU-2', 'SKU-3']);
    expect(items.map((item) => item.sku)).toEqual(['SKU-1', 'SKU-2', 'SKU-3']);
    expect(items[0]?.locations[0]).toEqual({ locationId: 1, locationCode: 'BC-LOCATION-1', availableToSell: 8, totalInventoryOnhand: 10, safetyStock: 2, isInStock: true });
    expect(rig.server.requests).toHaveLength(3);
    expect(rig.server.requests[0]?.rawQuery).toContain('sku:in=SKU-1,SKU-2,SKU-3');
  });

  it('chunks inventory reads at 1000 SKUs and adjustments at 2000 items', async () => {
    rig = await startRig((request) =>
      request.method === 'GET' ? { status: 200, body: { data: [], meta: pagination(1, 1, 0) } } : { status: 200, body: { transaction_id: `tx-${request.body ? (request.body as { items: unknown[] }).items.length : 0}` } },
    );
    const skus = Array.from({ length: 2500 }, (_, index) => `SKU-${index}`);
    await rig.client.inventory.getItemsBySkus(skus);
    expect(rig.server.requests.map((request) => (request.query.get('sku:in') ?? '').split(',').length)).toEqual([1000, 1000, 500]);

    const items = Array.from({ length: 4500 }, (_, index) => ({ locationId: 1, quantity: 1, sku: `SKU-${index}` }));
    const result = await rig.client.inventory.setAbsolute({ reason: 'Whistl sync', items });
    expect(result.transactionIds).toEqual(['tx-2000', 'tx-2000', 'tx-500']);
  });

  it('parses RFC-2822 dates strictly', () => {
    expect(parseRfc2822('Tue, 05 Mar 2019 21:40:11 +0000')?.toISOString()).toBe('2019-03-05T21:40:11.000Z');
    expect(parseRfc2822('5 Mar 2019 21:40 -0130')?.toISOString()).toBe('2019-03-05T23:10:00.000Z');
    expect(parseRfc2822('Thu, 20 Apr 2017 11:32:00 GMT')?.toISOString()).toBe('2017-04-20T11:32:00.000Z');
    expect(parseRfc2822('2019-03-05T21:40:11Z')).toBeUndefined();
    expect(parseRfc2822('Fri, 31 Feb 2019 10:00:00 +0000')).toBeUndefined();
    expect(parseRfc2822('')).toBeUndefined();
    expect(formatRfc2822(new Date('2025-11-26T10:00:00Z'))).toBe('Wed, 26 Nov 2025 10:00:00 +0000');
  });

  it('rejects a malformed date in a response as an unexpected response', async () => {
    rig = await startRig(() => ({ status: 200, body: [shipmentWire({ date_created: '2025-11-26T10:00:00Z' })] }));
    await expect(rig.client.shipments.list(100)).rejects.toMatchObject({ name: 'BigCommerceUnexpectedResponseError' });
  });
});
