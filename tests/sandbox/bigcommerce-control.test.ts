import jwt from 'jsonwebtoken';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ControlInputError, startBigCommerceSandbox, type BigCommerceSandbox } from '@/sandbox/bigcommerce';
import { seedDemoStore } from '@/sandbox/bigcommerce/demo-seed';
import { APP_URL, CLIENT_ID, CLIENT_SECRET, asArray, asRecord, install, recordsOf, request } from './bigcommerce-harness';

let sandbox: BigCommerceSandbox;

beforeEach(async () => {
  sandbox = await startBigCommerceSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl: APP_URL });
});

afterEach(async () => {
  await sandbox.close();
});

const control = (method: string, path: string, body?: unknown) => request(`${sandbox.url}/_sandbox${path}`, method, body);

describe('control API over HTTP', () => {
  it('seeds a store, issues codes, signs payloads, places orders and changes their status', async () => {
    const seeded = await control('POST', '/stores', {
      hash: 'httpstore',
      owner: { id: 5, email: 'owner@http.example.com' },
      productCount: 12,
      awkwardSkus: { nonAlphanumeric: 2, missing: 1 },
      shippingMethods: ['Royal Mail Tracked 48', { name: 'DPD Next Day', rate: 7.5 }],
    });
    expect(seeded.status).toBe(201);
    expect(asRecord(seeded.body)).toMatchObject({ hash: 'httpstore', productCount: 12, installed: false });
    const catalog = recordsOf((await control('GET', '/stores/httpstore/catalog')).body);
    expect(catalog.filter((entry) => typeof entry.sku === 'string' && entry.sku.includes('/'))).toHaveLength(2);
    expect(catalog.filter((entry) => entry.sku === '')).toHaveLength(1);

    const code = asRecord((await control('POST', '/stores/httpstore/install-codes', {})).body);
    expect(code.context).toBe('stores/httpstore');
    const signed = asRecord((await control('POST', '/stores/httpstore/signed-payloads', { kind: 'load' })).body);
    expect(asRecord(jwt.verify(String(signed.jwt), CLIENT_SECRET, { audience: CLIENT_ID })).sub).toBe('stores/httpstore');

    const sku = String(catalog.find((entry) => typeof entry.sku === 'string' && /^[A-Z0-9]+$/.test(entry.sku))?.sku);
    const placed = await control('POST', '/stores/httpstore/orders', {
      lines: [{ sku, quantity: 2 }],
      addresses: [{ first_name: 'A', last_name: 'B', street_1: '1 Road', city: 'Leeds', zip: 'LS1 5HD', shippingMethod: 'DPD Next Day' }],
      statusId: 11,
    });
    expect(placed.status).toBe(201);
    const order = asRecord(placed.body);
    const status = await control('PUT', `/stores/httpstore/orders/${String(order.id)}/status`, { statusId: 5 });
    expect(asRecord(status.body).statusId).toBe(5);
    expect((await control('GET', `/stores/httpstore/orders/${String(order.id)}/shipments`)).body).toEqual([]);

    const inventory = await control('PUT', '/stores/httpstore/inventory', { items: [{ sku, quantity: 9, safetyStock: 1 }] });
    expect(inventory.status).toBe(200);
    const faults = await control('PUT', '/stores/httpstore/faults', { latencyMs: 5, duplicateWebhookRate: 0.5 });
    expect(asRecord(faults.body)).toMatchObject({ latencyMs: 5, duplicateWebhookRate: 0.5 });
    expect(asRecord((await control('DELETE', '/stores/httpstore/faults')).body).latencyMs).toBe(0);
    expect(asRecord((await control('PUT', '/stores/httpstore/quota', { requests: 450, windowMs: 30000 })).body).requests).toBe(450);
    expect(asRecord((await control('GET', '/stores/httpstore/stats')).body)).toMatchObject({ total: 0 });
    expect(asRecord((await control('DELETE', '/stores/httpstore/stats')).body)).toMatchObject({ total: 0 });
    expect((await control('GET', '/stores/httpstore/webhook-deliveries')).body).toEqual([]);
    expect((await control('POST', '/idle')).status).toBe(200);
  });

  it('answers 400 with a clear message for invalid input', async () => {
    await control('POST', '/stores', { hash: 'goodstore', products: [{ name: 'Mug', sku: 'MUG1' }] });
    const cases: [string, string, unknown, RegExp][] = [
      ['POST', '/stores', { hash: 'Bad Hash!' }, /hash/],
      ['POST', '/stores', { productCount: -1 }, /productCount/],
      ['POST', '/stores', { owner: { email: 'not-an-email' } }, /email/],
      ['POST', '/stores', { unknownField: true }, /unknownField|Unrecognized/i],
      ['POST', '/stores', { hash: 'goodstore' }, /already exists/],
      ['POST', '/stores/goodstore/orders', { lines: [] }, /at least one line/],
      ['POST', '/stores/goodstore/orders', { lines: [{ sku: 'MUG1', quantity: 0 }] }, /quantity/],
      ['POST', '/stores/goodstore/orders', { lines: [{ sku: 'NOPE', quantity: 1 }], addresses: [] }, /NOPE/],
      ['POST', '/stores/goodstore/orders', { lines: [{ sku: 'MUG1', quantity: 1 }] }, /address/],
      ['POST', '/stores/goodstore/orders', { lines: [{ sku: 'MUG1', quantity: 1 }], statusId: 15 }, /statusId/],
      ['PUT', '/stores/goodstore/orders/abc/status', { statusId: 2 }, /order id/],
      ['PUT', '/stores/goodstore/faults', { errorRate: 2 }, /errorRate/],
      ['PUT', '/stores/goodstore/quota', { requests: 0, windowMs: 1000 }, /requests/],
      ['PUT', '/stores/goodstore/inventory', { items: [{ sku: 'MUG1', productId: 1, quantity: 1 }] }, /exactly one/],
      ['POST', '/stores/goodstore/signed-payloads', { kind: 'open' }, /kind/],
      ['POST', '/stores/goodstore/install-codes', { userId: 999 }, /user 999/],
    ];
    for (const [method, path, body, message] of cases) {
      const response = await control(method, path, body);
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(String(asRecord(response.body).error), `${method} ${path}`).toMatch(message);
    }
    const malformed = await request(`${sandbox.url}/_sandbox/stores`, 'POST', '{not json', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect((await control('GET', '/stores/nosuchstore')).status).toBe(404);
    expect((await control('GET', '/nothing-here')).status).toBe(404);
  });

  it('throws typed errors in-process', () => {
    expect(() => sandbox.control.seedStore({ hash: 'UPPER' })).toThrow(ControlInputError);
    expect(() => sandbox.control.setFaults('nosuchstore', {})).toThrow(/does not exist/);
  });
});

describe('demo seed', () => {
  it('builds the demo store and places realistic random orders', async () => {
    const demo = seedDemoStore(sandbox, { seed: 7 });
    expect(demo.summary.productCount).toBeGreaterThanOrEqual(300);
    expect(demo.awkwardSkus.length + demo.missingSkuVariantIds.length).toBe(10);
    const methods = demo.summary.shippingZones.flatMap((zone) => zone.methods.map((method) => method.name));
    expect(methods).toEqual(expect.arrayContaining(['Royal Mail Tracked 48', 'DPD Next Day', ...demo.unmappedMethods]));
    expect(demo.summary.customers.length).toBeGreaterThanOrEqual(5);

    const orders = Array.from({ length: 150 }, () => demo.placeRandomOrder());
    expect(orders.some((order) => order.addresses.length === 2)).toBe(true);
    expect(orders.some((order) => order.lines.some((line) => line.type === 'digital'))).toBe(true);
    expect(orders.some((order) => order.lines.some((line) => line.type === 'giftcertificate'))).toBe(true);
    const postcodes = orders.flatMap((order) => order.addresses.map((address) => address.zip));
    const valid = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/;
    expect(postcodes.some((zip) => !valid.test(zip))).toBe(true);
    expect(postcodes.filter((zip) => valid.test(zip)).length).toBeGreaterThan(postcodes.length * 0.85);

    const token = await install(sandbox, demo.hash);
    const response = await request(`${sandbox.storeUrl(demo.hash)}/v2/orders?limit=250&include=consignments.line_items&consignment_structure=object`, 'GET', undefined, {
      'x-auth-token': token,
    });
    expect(asArray(response.body)).toHaveLength(150);
  });
});
