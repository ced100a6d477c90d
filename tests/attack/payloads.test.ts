import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exceptionsGET } from '@/app/api/exceptions/route';
import { GET as orderGET } from '@/app/api/orders/[id]/route';
import { GET as ordersGET } from '@/app/api/orders/route';
import { GET as mappingsGET } from '@/app/api/shipping-mappings/route';
import { createSession } from '@/lib/auth/session';
import { exchangeAuthCode } from '@/lib/bigcommerce/oauth';
import { getEnv } from '@/lib/env';
import { bigCommerceClientFor } from '@/lib/stores/clients';
import { installStore } from '@/lib/stores/install-store';
import { saveWhistlConnection } from '@/lib/stores/whistl-connection';
import { runExportBatch } from '@/lib/sync/export/run-export';
import { registerOrderWebhooks } from '@/lib/sync/webhooks/register';
import { setupTestDatabase } from '../setup/db';
import { startExportHarness, ukAddress, type ExportHarness } from '../support/export-harness';
import { call, HTML_PAYLOADS, SQL_PAYLOADS, stringsIn } from './support';

/**
 * SQL and HTML/script in every free-text field of an order (customer name, email, address,
 * shipping method, SKU, product name, order message), placed in the BigCommerce simulator,
 * delivered by its signed webhook, run through the real export, then read back through the panel
 * APIs: each comes back byte for byte as data, and the database is intact.
 */
const { db } = setupTestDatabase();
const HASH = 'payloadstore';
const PAYLOADS = [...SQL_PAYLOADS, ...HTML_PAYLOADS];
let h: ExportHarness;
let token: string;
let cleanSku: string;

beforeAll(async () => {
  h = await startExportHarness(db(), { storeHash: 'payloadhost' });
  const inWhistl = new Set((await h.whistl.getStockLevels({})).map((level) => level.sku));
  cleanSku = h.demo.bigcommerce.control.catalog(h.storeHash).find((e) => e.type === 'physical' && /^[A-Za-z0-9]+$/.test(e.sku) && inWhistl.has(e.sku))!.sku;

  // A second merchant in the same simulators whose catalog has hostile SKUs and product names.
  const control = h.demo.bigcommerce.control;
  control.seedStore({
    hash: HASH,
    products: [{ name: 'Clean product', sku: cleanSku }, ...PAYLOADS.map((payload, i) => ({ name: `${payload} product`, sku: `${payload}#${i}` }))],
  });
  const appUrl = getEnv().APP_URL;
  const code = control.issueInstallCode(HASH);
  const grant = await exchangeAuthCode({ code: code.code, scope: code.scope, context: code.context }, { loginUrl: h.demo.bigcommerce.url, clientId: 'test-client-id', clientSecret: 'test-client-secret-0123456789', redirectUri: `${appUrl}/api/app/auth` });
  const { storeId, userId } = await installStore(db(), grant);
  await saveWhistlConnection(db(), storeId, { baseUrl: h.demo.whistl.url, authMode: 'password', username: h.demo.whistlAccount.username, password: h.demo.whistlAccount.password, warehouseId: String(h.demo.whistlAccount.warehouses[0]!.id) });
  await registerOrderWebhooks(db(), await bigCommerceClientFor(db(), storeId), { storeId, storeHash: HASH, appUrl });
  await db().shippingMapping.create({ data: { storeId, methodKey: 'royal mail tracked 48', methodLabel: 'Royal Mail Tracked 48', courierService: 'RM48' } });
  token = await createSession(db(), { storeId, userId }, process.env.SESSION_SECRET!);
}, 90_000);

afterAll(() => h?.close());

const panel = async (handler: Parameters<typeof call>[0], path: string, params: Record<string, string> = {}) => {
  const response = await call(handler, 'GET', path, { headers: { authorization: `Bearer ${token}` } }, params);
  const text = await response.text();
  expect(response.status, `${path}: ${text.slice(0, 300)}`).toBe(200);
  return JSON.parse(text) as unknown;
};

describe.each(PAYLOADS.map((payload, index) => ({ payload, index })))('payload $payload', ({ payload, index }) => {
  const tables = async () => (await db().$queryRawUnsafe<Array<{ n: bigint | number }>>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'`))[0]!.n;

  it('every free-text field goes through export and comes back through the panel unchanged', async () => {
    const tablesBefore = await tables();
    const storesBefore = await db().store.count();
    const control = h.demo.bigcommerce.control;
    // Held: the method, SKU, product name and postcode carry the payload, so each becomes an exception.
    const held = control.placeOrder(HASH, {
      lines: [{ sku: `${payload}#${index}`, quantity: 1 }],
      addresses: [ukAddress(`${payload} courier`, { first_name: payload, last_name: payload, street_1: payload, city: payload, zip: payload })],
      billingAddress: { first_name: payload, last_name: `${payload} Billing`, email: `${payload}@example.com` },
      customerMessage: payload,
      staffNotes: payload,
      statusId: 11,
    });
    // Exportable: a mapped method and a clean SKU; the name, email, street and message carry the payload.
    const exported = control.placeOrder(HASH, {
      lines: [{ sku: cleanSku, quantity: 1 }],
      addresses: [ukAddress('Royal Mail Tracked 48', { first_name: payload, last_name: 'Shopper', street_1: `1 ${payload} Street`, company: payload })],
      billingAddress: { first_name: payload, last_name: 'Shopper', email: `shopper${index}@example.com` },
      customerMessage: payload,
      statusId: 11,
    });
    await control.idle();
    const deliveries = h.deliveries.filter((d) => [held.id, exported.id].includes((JSON.parse(d.body) as { data: { id: number } }).data.id));
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.status === 200)).toBe(true);

    await runExportBatch(db(), h.deps, { timeBudgetMs: 20_000 });

    // The order list, searched by the payload itself (a LIKE pattern with quotes and %).
    const found = (await panel(ordersGET, `/api/orders?q=${encodeURIComponent(payload)}`)) as { orders: Array<{ id: string; bcOrderId: number; customerName: string; customerEmail: string; state: string }> };
    const heldRow = found.orders.find((o) => o.bcOrderId === held.id);
    expect(heldRow?.customerName).toBe(`${payload} ${payload} Billing`);
    expect(heldRow?.customerEmail).toBe(`${payload}@example.com`);
    expect(heldRow?.state).toBe('HELD');
    const exportedRow = found.orders.find((o) => o.bcOrderId === exported.id);
    expect(exportedRow?.customerName).toBe(`${payload} Shopper`);
    expect(exportedRow?.state).toBe('EXPORTED');

    // The held order's timeline and the exception queue name the method, SKU and postcode verbatim.
    const timeline = await panel(orderGET, `/api/orders/${heldRow!.id}`, { id: heldRow!.id });
    const timelineText = stringsIn(timeline);
    expect(timelineText).toContain(`${payload} ${payload} Billing`);
    expect(timelineText.some((s) => s.includes(`${payload} courier`))).toBe(true);
    expect(timelineText.some((s) => s.includes(`${payload}#${index}`))).toBe(true);
    const queue = stringsIn(await panel(exceptionsGET, '/api/exceptions'));
    expect(queue.some((s) => s.includes(`${payload} courier`))).toBe(true);
    expect(queue.some((s) => s.includes(`${payload}#${index}`))).toBe(true);
    expect(queue).toContain(`${payload}@example.com`);
    // The unmapped method is listed for mapping under its own text.
    expect(stringsIn(await panel(mappingsGET, '/api/shipping-mappings')).some((s) => s.includes(`${payload} courier`))).toBe(true);

    // Whistl received the exportable order's text as text.
    const [inWhistl] = await h.whistl.searchOrdersByNumber(String(exported.id));
    expect(inWhistl).toBeDefined();
    const raw = await fetch(`${h.demo.whistl.url}/api/Order/${inWhistl!.id}`, { headers: { 'ms-apikey': h.demo.whistlAccount.apiKey } });
    expect(stringsIn(await raw.json()).some((s) => s.includes(payload))).toBe(true);

    // Nothing was dropped or deleted on the way.
    expect(await tables()).toBe(tablesBefore);
    expect(await db().store.count()).toBe(storesBefore);
  });
});
