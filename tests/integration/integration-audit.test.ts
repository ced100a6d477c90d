import { isValid as isValidUkPostcode } from 'postcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as auditGET, POST as auditPOST } from '@/app/api/audit/route';
import { GET as csvGET } from '@/app/api/audit/[id]/csv/route';
import { getAudit, runAudit, startAudit, storeAuditVendors } from '@/lib/sync/audit/run-audit';
import type { AuditFinding, AuditView, FindingId } from '@/lib/sync/audit/types';
import { normaliseShippingMethod } from '@/lib/sync/rules';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { startExportHarness, ukAddress, type ExportHarness } from '../support/export-harness';
import { json, seedStore, type SeededStore } from './panel-support';

/**
 * The audit against both simulators with the demo merchant, whose problems are known: awkward
 * SKUs, SKUs without a SKU, three clean SKUs Whistl does not stock, unmapped methods, ~5 % bad
 * postcodes. The expected report is worked out here from the simulator's own records.
 */
const { db } = setupTestDatabase();
let harness: ExportHarness;
let store: SeededStore;
const ORDERS = 150;
// The demo seeds these on ~5 % of addresses; "QQ1 1QQ" is well-formed, and Whistl (like the export
// rules) checks the format only, so it is not a problem: the invalid ones are what Whistl rejects.
const SEEDED_POSTCODES = ['SW1A 2A', 'QQ1 1QQ', '12345', 'M3 1AZZ'];
const INVALID_POSTCODES = new Set(SEEDED_POSTCODES.filter((zip) => !isValidUkPostcode(zip)));
const MAPPINGS: Record<string, string> = { 'Royal Mail Tracked 48': 'RM48', 'Royal Mail Tracked 24': 'RM24', 'DPD Next Day': 'DPDNEXT' };

interface Expected {
  methods: Map<string, number>;
  policy: Map<string, { orders: number; units: number }>;
  missing: Map<string, { orders: number; units: number }>;
  emptyOrders: number;
  addressOrders: number;
  clean: number;
  blocked: number;
  nothing: number;
}

function bump(map: Map<string, { orders: number; units: number }>, key: string, units: number, firstInOrder: boolean) {
  const row = map.get(key) ?? { orders: 0, units: 0 };
  row.units += units;
  if (firstInOrder) row.orders += 1;
  map.set(key, row);
}

function expected(): Expected {
  const { control } = harness.demo.bigcommerce;
  const hash = harness.storeHash;
  const catalog = control.catalog(hash);
  const awkward = new Set(harness.demo.store.awkwardSkus);
  const whistlSkus = new Set(harness.demo.bigcommerce.control.catalog(hash).filter((e) => e.type === 'physical' && e.sku !== '' && !awkward.has(e.sku)).map((e) => e.sku).slice(0, -3));
  const physical = new Set(catalog.filter((e) => e.type === 'physical').map((e) => e.sku));
  const result: Expected = { methods: new Map(), policy: new Map(), missing: new Map(), emptyOrders: 0, addressOrders: 0, clean: 0, blocked: 0, nothing: 0 };
  for (let id = 1; id <= control.getStore(hash).orderCount + 200; id += 1) {
    let order;
    try {
      order = control.getOrder(hash, id);
    } catch {
      continue;
    }
    const shipped = order.lines.filter((l) => l.type === 'physical' && l.quantity > 0);
    if (shipped.length === 0) {
      result.nothing += 1;
      continue;
    }
    let blocked = false;
    const usedAddresses = new Set(shipped.map((l) => l.orderAddressId));
    const methods = new Set(order.addresses.filter((a) => usedAddresses.has(a.id)).map((a) => a.shippingMethod));
    for (const method of methods) {
      if (MAPPINGS[method]) continue;
      blocked = true;
      result.methods.set(method, (result.methods.get(method) ?? 0) + 1);
    }
    if (order.addresses.some((a) => usedAddresses.has(a.id) && INVALID_POSTCODES.has(a.zip))) {
      blocked = true;
      result.addressOrders += 1;
    }
    const seen = new Set<string>();
    let empty = false;
    for (const line of shipped) {
      if (line.sku === '') {
        empty = true;
        continue;
      }
      expect(physical.has(line.sku)).toBe(true);
      if (awkward.has(line.sku)) {
        bump(result.policy, line.sku, line.quantity, !seen.has(line.sku));
        blocked = true;
      } else if (!whistlSkus.has(line.sku)) {
        bump(result.missing, line.sku, line.quantity, !seen.has(line.sku));
        blocked = true;
      }
      seen.add(line.sku);
    }
    if (empty) {
      result.emptyOrders += 1;
      blocked = true;
    }
    if (blocked) result.blocked += 1;
    else result.clean += 1;
  }
  return result;
}

function finding(view: AuditView, id: FindingId): AuditFinding | undefined {
  return view.report?.findings.find((f) => f.id === id);
}

async function auditNow(): Promise<AuditView> {
  const { auditId } = await startAudit(db(), harness.storeId, 30);
  await runAudit(db(), harness.storeId, auditId, storeAuditVendors(db(), harness.storeId));
  const view = await getAudit(db(), harness.storeId, auditId);
  if (!view) throw new Error('no audit');
  if (view.status !== 'DONE') throw new Error(`audit ${view.status}: ${view.error ?? ''}`);
  return view;
}

beforeAll(async () => {
  harness = await startExportHarness(db(), { storeHash: 'auditdemo', productCount: 60 });
  store = await seedStore(db(), harness.storeHash, harness.storeId);
  for (const [label, courierService] of Object.entries(MAPPINGS)) {
    await db().shippingMapping.create({ data: { storeId: harness.storeId, methodKey: normaliseShippingMethod(label), methodLabel: label, courierService } });
  }
  for (let i = 0; i < ORDERS; i += 1) harness.demo.store.placeRandomOrder();
  const { control } = harness.demo.bigcommerce;
  const catalog = control.catalog(harness.storeHash);
  const digital = catalog.find((e) => e.type === 'digital')!;
  // Known extras: a digital-only order (nothing to ship) and an international one on an unmapped method.
  control.placeOrder(harness.storeHash, { lines: [{ sku: digital.sku, quantity: 1 }], statusId: 11 });
  const clean = catalog.find((e) => e.type === 'physical' && /^[A-Za-z0-9]+$/.test(e.sku))!;
  control.placeOrder(harness.storeHash, {
    lines: [{ sku: clean.sku, quantity: 2 }],
    addresses: [ukAddress('International Tracked', { country: 'France', country_iso2: 'FR', zip: '75001', city: 'Paris' })],
    statusId: 5,
  });
  await control.idle();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('integration audit on the demo store', () => {
  let first: AuditView;

  it('finds exactly the seeded problems: counts, ranking and examples', async () => {
    harness.demo.bigcommerce.control.resetStats(harness.storeHash);
    first = await auditNow();
    const report = first.report!;
    const want = expected();

    expect(INVALID_POSTCODES).toEqual(new Set(['SW1A 2A', '12345', 'M3 1AZZ']));
    expect(report.orders.total).toBe(ORDERS + 2);
    expect(report.orders).toMatchObject({ clean: want.clean, blocked: want.blocked, nothingToShip: want.nothing });
    expect(report.orders.cleanShare).toBeCloseTo(want.clean / (want.clean + want.blocked), 6);
    expect(want.blocked).toBeGreaterThan(0);

    // Unmapped methods ranked by order volume, plus every unmapped method the store offers.
    const methods = finding(first, 'unmapped-shipping')!;
    const byLabel = new Map(methods.items.map((i) => [i.label, i]));
    for (const [method, orders] of want.methods) expect(byLabel.get(method)?.orders, method).toBe(orders);
    expect(new Set(methods.items.map((i) => i.label))).toEqual(new Set(['Free UK Delivery (3-5 days)', 'Saturday Courier', 'International Tracked']));
    expect(methods.orders).toBe([...want.methods.values()].reduce((a, b) => a + b, 0));
    expect(methods.items.map((i) => i.orders)).toEqual([...methods.items.map((i) => i.orders)].sort((a, b) => b - a));
    expect(report.shippingMethods).toEqual({ offered: 6, unmapped: 3 });

    // Policy failures ranked by units sold; catalog-only failures follow with 0 units.
    const policy = finding(first, 'sku-policy')!;
    expect(policy.count).toBe(harness.demo.store.awkwardSkus.length);
    const sold = policy.items.filter((i) => i.units > 0);
    expect(new Map(sold.map((i) => [i.key, { orders: i.orders, units: i.units }]))).toEqual(want.policy);
    expect(sold.map((i) => i.units)).toEqual([...sold.map((i) => i.units)].sort((a, b) => b - a));
    expect(policy.items.every((i) => i.examples.length <= 5 && i.examples.length === Math.min(5, i.orders))).toBe(true);

    const missing = finding(first, 'sku-missing-at-whistl')!;
    expect(missing.count).toBe(3);
    const soldMissing = missing.items.filter((i) => i.units > 0);
    expect(new Map(soldMissing.map((i) => [i.key, { orders: i.orders, units: i.units }]))).toEqual(want.missing);

    const empty = finding(first, 'sku-empty');
    expect(empty?.count).toBe(harness.demo.store.missingSkuVariantIds.length);
    expect(empty?.orders ?? 0).toBe(want.emptyOrders);

    const address = finding(first, 'address');
    expect(address?.orders ?? 0).toBe(want.addressOrders);
    if (address) {
      expect(address.items.map((i) => i.key)).toEqual(['GB:zip']);
      const example = address.items[0]!.examples[0]!;
      const zip = harness.demo.bigcommerce.control.getOrder(harness.storeHash, example).addresses[0]!.zip;
      expect(INVALID_POSTCODES.has(zip)).toBe(true);
    }

    // Stock: the sold SKUs Whistl lacks have no stock record; settings: no cutoff, no alert channel.
    const noRecord = finding(first, 'stock-no-record');
    expect(new Set(noRecord?.items.map((i) => i.key) ?? [])).toEqual(new Set(want.missing.keys()));
    expect(finding(first, 'settings-cutoff')?.link.href).toBe('/settings');
    expect(finding(first, 'settings-alerts')?.items.map((i) => i.key)).toEqual(['CX', 'MERCHANDISING', 'OPS']);
    expect(methods.link.href).toBe('/shipping-mappings');
    expect(policy.link.href).toBe('/sku-rules');
    expect(report.previous).toBeNull();

    // Read only, and within the budget: nothing but GETs to BigCommerce, nothing created at Whistl.
    const stats = harness.demo.bigcommerce.control.stats(harness.storeHash);
    expect(Object.keys(stats.calls).every((call) => call.startsWith('GET '))).toBe(true);
    expect(stats.total).toBe(report.requests.bigcommerce);
    expect(stats.served429).toBe(0);
    expect((await harness.whistl.listOrders({})).items).toHaveLength(0);
  }, 60_000);

  it('re-running shows progress against the last report', async () => {
    await db().shippingMapping.create({ data: { storeId: harness.storeId, methodKey: normaliseShippingMethod('Saturday Courier'), methodLabel: 'Saturday Courier', courierService: 'DPDSAT' } });
    await db().storeSettings.update({ where: { storeId: harness.storeId }, data: { cutoffTime: '15:00' } });
    const second = await auditNow();
    const before = finding(first, 'unmapped-shipping')!;
    const after = finding(second, 'unmapped-shipping')!;
    const saturday = before.items.find((i) => i.label === 'Saturday Courier')!;
    expect(after.count).toBe(before.count - 1);
    expect(after.delta).toEqual({ count: -1, orders: -saturday.orders });
    expect(second.report!.previous?.auditId).toBe(first.id);
    expect(second.report!.previous?.resolved).toEqual([{ id: 'settings-cutoff', title: 'No courier cutoff time is set' }]);
    expect(second.report!.orders.clean).toBeGreaterThanOrEqual(first.report!.orders.clean);
  }, 60_000);

  it('routes: start in the background, poll, download CSV; roles and other stores are refused', async () => {
    expect((await panelRequest(auditPOST, store.tokens.CX, '/api/audit', { method: 'POST', body: '{}' })).status).toBe(403);
    expect((await panelRequest(auditPOST, store.tokens.OPS, '/api/audit', { method: 'POST', body: JSON.stringify({ days: 0 }) })).status).toBe(400);
    expect((await panelRequest(auditPOST, store.tokens.OPS, '/api/audit', { method: 'POST', body: JSON.stringify({ days: 7, storeId: 'someone-else' }) })).status).toBe(400);
    const started = await json<{ audit: AuditView; started: boolean }>(panelRequest(auditPOST, store.tokens.OPS, '/api/audit', { method: 'POST', body: JSON.stringify({ days: 7 }) }));
    expect(started.status).toBe(202);
    expect(started.body.started).toBe(true);
    let view = started.body.audit;
    for (let i = 0; i < 200 && view.status === 'RUNNING'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      view = (await json<{ audit: AuditView }>(panelRequest(auditGET, store.tokens.CX, '/api/audit'))).body.audit;
    }
    expect(view.status).toBe('DONE');
    expect(view.days).toBe(7);

    const csv = await panelRequest(csvGET, store.tokens.FINANCE, `/api/audit/${view.id}/csv`, {}, { id: view.id });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('finding');
    expect(text).toContain('Free UK Delivery (3-5 days)');

    const other = await seedStore(db(), 'auditother');
    expect((await panelRequest(csvGET, other.tokens.ADMIN, `/api/audit/${view.id}/csv`, {}, { id: view.id })).status).toBe(404);
    expect((await json<{ audit: AuditView | null }>(panelRequest(auditGET, other.tokens.ADMIN, '/api/audit'))).body.audit).toBeNull();
  }, 60_000);
});
