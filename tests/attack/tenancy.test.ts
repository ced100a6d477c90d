import { beforeAll, describe, expect, it } from 'vitest';
import { GET as dashboardGET } from '@/app/api/dashboard/route';
import { POST as ignorePOST } from '@/app/api/exceptions/[id]/ignore/route';
import { POST as retryPOST } from '@/app/api/exceptions/retry/route';
import { GET as exceptionsGET } from '@/app/api/exceptions/route';
import { PUT as buffersPUT } from '@/app/api/inventory/buffers/route';
import { GET as inventoryGET } from '@/app/api/inventory/route';
import { GET as inventorySettingsGET } from '@/app/api/inventory/settings/route';
import { GET as meGET } from '@/app/api/me/route';
import { GET as orderGET } from '@/app/api/orders/[id]/route';
import { GET as ordersGET } from '@/app/api/orders/route';
import { GET as exportSettingsGET } from '@/app/api/settings/export/route';
import { GET as whistlGET } from '@/app/api/settings/whistl/route';
import { PUT as mappingPUT } from '@/app/api/shipping-mappings/[id]/route';
import { GET as mappingsGET } from '@/app/api/shipping-mappings/route';
import { GET as skuRulesGET } from '@/app/api/sku-rules/route';
import { GET as scanGET } from '@/app/api/sku-rules/scan/route';
import { PUT as teamMemberPUT } from '@/app/api/team/[userId]/route';
import { GET as teamGET } from '@/app/api/team/route';
import { saveWhistlConnection } from '@/lib/stores/whistl-connection';
import { setupTestDatabase } from '../setup/db';
import { seedOrder, seedStore, type SeededStore } from '../integration/panel-support';
import { call, discoverRoutes, expectRefused, fingerprint, type Method, type RouteHandler } from './support';

/**
 * Store A's sessions against store B: every route that takes an id gets B's ids (and ids that are
 * not ids at all), every list route must answer with A's data only.
 */
const { db } = setupTestDatabase();
let a: SeededStore;
let b: SeededStore;
const bIds = { order: '', exception: '', mapping: '', user: '', sku: 'BRAVOSKU1' };
/** Strings that exist only in store B: none may appear in anything store A is shown. */
const B_MARKERS = ['tenantbravo', 'Bravo Customer', 'bravo@customer.example', 'bravo courier', 'Bravo Courier', 'BRAVOSKU1', 'BRAVOALIAS', 'wh-bravo', '9000201'];

async function seedTenant(hash: string, marker: 'alpha' | 'bravo', bcOrderId: number) {
  const seeded = await seedStore(db(), hash);
  const cap = marker === 'alpha' ? 'Alpha' : 'Bravo';
  const { order, exceptions } = await seedOrder(db(), seeded.storeId, bcOrderId, [{ type: 'UNMAPPED_SHIPPING', reasonKey: `shipping:${marker} courier`, message: `Shipping method "${cap} Courier" is not mapped` }], {
    customerName: `${cap} Customer`,
    customerEmail: `${marker}@customer.example`,
  });
  const mapping = await db().shippingMapping.create({ data: { storeId: seeded.storeId, methodKey: `${marker} courier`, methodLabel: `${cap} Courier`, seenOnOrders: true } });
  await db().inventorySku.create({ data: { storeId: seeded.storeId, whistlSku: `${marker.toUpperCase()}SKU1`, bcSku: `${marker.toUpperCase()}SKU1`, whistlFree: 7 } });
  await db().skuAlias.create({ data: { storeId: seeded.storeId, bcSku: `${marker.toUpperCase()}ALIAS`, whistlSku: `${marker.toUpperCase()}SKU1` } });
  await saveWhistlConnection(db(), seeded.storeId, { baseUrl: 'http://127.0.0.1:9', authMode: 'apiKey', apiKey: `key-${marker}`, warehouseId: `wh-${marker}` });
  const member = await db().storeUser.findFirstOrThrow({ where: { storeId: seeded.storeId, role: 'CX' } });
  return { seeded, order, exception: exceptions[0]!, mapping, member };
}

beforeAll(async () => {
  const alpha = await seedTenant('tenantalpha', 'alpha', 9000101);
  const bravo = await seedTenant('tenantbravo', 'bravo', 9000201);
  a = alpha.seeded;
  b = bravo.seeded;
  Object.assign(bIds, { order: bravo.order.id, exception: bravo.exception.id, mapping: bravo.mapping.id, user: bravo.member.userId });
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/** Every panel route that names a row by id, with a body that would change it. */
const ID_ROUTES: Array<{ route: string; method: Method; handler: RouteHandler; param: string; target: () => string; body?: unknown }> = [
  { route: '/api/orders/[id]', method: 'GET', handler: orderGET, param: 'id', target: () => bIds.order },
  { route: '/api/exceptions/[id]/ignore', method: 'POST', handler: ignorePOST, param: 'id', target: () => bIds.exception, body: { note: 'not mine' } },
  { route: '/api/shipping-mappings/[id]', method: 'PUT', handler: mappingPUT, param: 'id', target: () => bIds.mapping, body: { courierService: 'RM24' } },
  { route: '/api/team/[userId]', method: 'PUT', handler: teamMemberPUT, param: 'userId', target: () => bIds.user, body: { role: 'ADMIN' } },
];
/** Not ids at all: each must be a plain 404, never a database error. */
const BAD_IDS = ['1', '0', '-1', `' OR '1'='1`, '../../etc/passwd', '00000000-0000-0000-0000-000000000000', '<script>x</script>', 'a'.repeat(5000), '%00', 'ffffffff-ffff-ffff-ffff-ffffffffffff-ffff'];

describe("store A's session on store B's ids", () => {
  it.each(ID_ROUTES)('$method $route with B\'s id: 404, B unchanged', async ({ route, method, handler, param, target, body }) => {
    const before = await fingerprint(db());
    const path = route.replace(`[${param}]`, target());
    const response = await call(handler, method, path, { headers: bearer(a.tokens.ADMIN), body: body === undefined ? undefined : JSON.stringify(body) }, { [param]: target() });
    const message = await expectRefused(response, [404], `${method} ${path}`);
    for (const marker of B_MARKERS) expect(message).not.toContain(marker);
    expect(await fingerprint(db())).toEqual(before);
  });

  it.each(ID_ROUTES.flatMap((r) => BAD_IDS.map((id) => ({ ...r, id }))))('$method $route with id $id: 404, nothing written', async ({ route, method, handler, param, id, body }) => {
    const before = await fingerprint(db());
    const response = await call(handler, method, route.replace(`[${param}]`, encodeURIComponent(id)), { headers: bearer(a.tokens.ADMIN), body: body === undefined ? undefined : JSON.stringify(body) }, { [param]: id });
    await expectRefused(response, [404], `${method} ${route} ${id.slice(0, 40)}`);
    expect(await fingerprint(db())).toEqual(before);
  });

  it("every route that looks an order up by BigCommerce order id: B's order id is a 404 for A", async () => {
    const byBcId = [...(await discoverRoutes())].filter(([key]) => key.includes('[bcOrderId]'));
    for (const [key, handler] of byBcId) {
      const [method, route] = key.split(' ') as [Method, string];
      const response = await call(handler, method, route.replace('[bcOrderId]', '9000201'), { headers: bearer(a.tokens.ADMIN) }, { bcOrderId: '9000201' });
      const message = await expectRefused(response, [404], key);
      // The message may repeat the id the caller sent, nothing else of B's.
      for (const marker of B_MARKERS.filter((m) => m !== '9000201')) expect(message).not.toContain(marker);
      expect((await call(handler, method, route.replace('[bcOrderId]', '9000101'), { headers: bearer(a.tokens.ADMIN) }, { bcOrderId: '9000101' })).status, `${key} finds A's own order`).toBe(200);
    }
  });

  it("B's own session still reaches B's rows (the ids above are real)", async () => {
    expect((await call(orderGET, 'GET', `/api/orders/${bIds.order}`, { headers: bearer(b.tokens.ADMIN) }, { id: bIds.order })).status).toBe(200);
  });

  it("retrying B's exceptions from A re-queues nothing and writes nothing", async () => {
    const before = await fingerprint(db());
    const response = await call(retryPOST, 'POST', '/api/exceptions/retry', { headers: bearer(a.tokens.ADMIN), body: JSON.stringify({ exceptionIds: [bIds.exception] }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ orders: 0, requeued: 0 });
    expect(await fingerprint(db())).toEqual(before);
  });

  it("setting a buffer on a SKU only B has changes nothing and only says it is unknown", async () => {
    const before = await fingerprint(db());
    const response = await call(buffersPUT, 'PUT', '/api/inventory/buffers', { headers: bearer(a.tokens.ADMIN), body: JSON.stringify({ buffers: [{ whistlSku: bIds.sku, buffer: 99 }] }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ saved: 0, unknown: [bIds.sku] });
    expect(await fingerprint(db())).toEqual(before);
  });

  it("a body naming B's store is refused, not obeyed", async () => {
    const before = await fingerprint(db());
    const response = await call(retryPOST, 'POST', '/api/exceptions/retry', { headers: bearer(a.tokens.ADMIN), body: JSON.stringify({ exceptionIds: [bIds.exception], storeId: b.storeId }) });
    await expectRefused(response, [400]);
    expect(await fingerprint(db())).toEqual(before);
  });
});

/** The panel's lists with data seeded in both stores (routes.test.ts calls every GET, including new ones). */
const LIST_ROUTES: Array<{ path: string; handler: RouteHandler; alphaMarker?: string }> = [
  { path: '/api/dashboard', handler: dashboardGET },
  { path: '/api/exceptions', handler: exceptionsGET, alphaMarker: 'Alpha Customer' },
  { path: '/api/exceptions?status=OPEN&type=UNMAPPED_SHIPPING', handler: exceptionsGET, alphaMarker: 'Alpha Courier' },
  { path: '/api/inventory', handler: inventoryGET, alphaMarker: 'ALPHASKU1' },
  { path: '/api/inventory?q=BRAVO', handler: inventoryGET },
  { path: '/api/inventory/settings', handler: inventorySettingsGET },
  { path: '/api/me', handler: meGET, alphaMarker: 'tenantalpha' },
  { path: '/api/orders', handler: ordersGET, alphaMarker: 'Alpha Customer' },
  { path: '/api/orders?q=Bravo', handler: ordersGET },
  { path: '/api/orders?q=9000201', handler: ordersGET },
  { path: '/api/orders?q=bravo%40customer.example', handler: ordersGET },
  { path: `/api/orders?q=${encodeURIComponent("%' OR 1=1 --")}`, handler: ordersGET },
  { path: '/api/settings/export', handler: exportSettingsGET },
  { path: '/api/settings/whistl', handler: whistlGET, alphaMarker: 'wh-alpha' },
  { path: '/api/shipping-mappings', handler: mappingsGET, alphaMarker: 'Alpha Courier' },
  { path: '/api/sku-rules', handler: skuRulesGET, alphaMarker: 'ALPHAALIAS' },
  { path: '/api/sku-rules/scan', handler: scanGET },
  { path: '/api/team', handler: teamGET, alphaMarker: '@tenantalpha.example.com' },
];

describe("store A's session on list routes sees only A's data", () => {
  it.each(LIST_ROUTES)('GET $path', async ({ path, handler, alphaMarker }) => {
    const response = await call(handler, 'GET', path, { headers: bearer(a.tokens.ADMIN) });
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBe(200);
    for (const marker of [...B_MARKERS, b.storeId, bIds.order, bIds.exception, bIds.mapping, bIds.user]) expect(text, `${path} leaks ${marker}`).not.toContain(marker);
    if (alphaMarker) expect(text).toContain(alphaMarker);
  });

  it.each([
    { path: `/api/orders?storeId=${'B'}`, handler: ordersGET },
    { path: '/api/exceptions?store=tenantbravo', handler: exceptionsGET },
  ])('a query naming another store is refused: $path', async ({ path, handler }) => {
    await expectRefused(await call(handler, 'GET', path.replace('=B', `=${b.storeId}`), { headers: bearer(a.tokens.ADMIN) }), [400]);
  });
});
