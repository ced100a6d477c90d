import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as mappingsGET } from '@/app/api/shipping-mappings/route';
import { GET as scanGET, POST as scanPOST } from '@/app/api/sku-rules/scan/route';
import { PUT as skuPUT } from '@/app/api/sku-rules/route';
import { exchangeAuthCode } from '@/lib/bigcommerce/oauth';
import { resetEnvCache } from '@/lib/env';
import { installStore } from '@/lib/stores/install-store';
import { saveWhistlConnection } from '@/lib/stores/whistl-connection';
import type { ShippingMethodsView } from '@/lib/sync/panel/list-shipping-methods';
import type { CatalogScanView } from '@/lib/sync/panel/run-catalog-scan';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '@/sandbox/bigcommerce';
import { DEMO_MAPPED_METHODS, DEMO_UNMAPPED_METHODS, seedDemoStore, type DemoStore } from '@/sandbox/bigcommerce/demo-seed';
import { DEMO_COURIER_SERVICES, seedWhistlDemoAccount, startWhistlSandbox, type WhistlSandbox } from '@/sandbox/whistl';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { json, seedStore, type SeededStore } from './panel-support';

/** The panel against both simulators, with the demo merchant's catalog and Whistl account. */
const { db } = setupTestDatabase();
const CLIENT = { clientId: 'test-client-id', clientSecret: 'test-client-secret-0123456789' };
const WHISTL_ONLY = [{ sku: 'WHISTLONLY1', name: 'Old flyer' }, { sku: 'WHISTLONLY2', name: 'Gift box' }];
let bigcommerce: BigCommerceSandbox;
let whistl: WhistlSandbox;
let demo: DemoStore;
let store: SeededStore;
let cleanSkus: string[];

beforeAll(async () => {
  bigcommerce = await startBigCommerceSandbox({ ...CLIENT, appUrl: 'http://localhost:3000' });
  whistl = await startWhistlSandbox({});
  demo = seedDemoStore(bigcommerce, { hash: 'panelscan', productCount: 60 });
  const awkward = new Set(demo.awkwardSkus);
  cleanSkus = bigcommerce.control
    .catalog(demo.hash)
    .filter((e) => e.type === 'physical' && e.sku !== '' && !awkward.has(e.sku))
    .map((e) => e.sku);
  // As in the demo: Whistl knows every clean SKU but the last three, plus two products of its own.
  const account = seedWhistlDemoAccount(whistl, { products: [...cleanSkus.slice(0, -3).map((sku) => ({ sku, stock: 10 })), ...WHISTL_ONLY.map((p) => ({ ...p, stock: 1 }))] });

  process.env.BIGCOMMERCE_API_URL = bigcommerce.url;
  process.env.BIGCOMMERCE_LOGIN_URL = bigcommerce.url;
  resetEnvCache();
  const code = bigcommerce.control.issueInstallCode(demo.hash);
  const grant = await exchangeAuthCode(
    { code: code.code, scope: code.scope, context: code.context },
    { loginUrl: bigcommerce.url, ...CLIENT, redirectUri: 'http://localhost:3000/api/app/auth' },
  );
  const { storeId } = await installStore(db(), grant);
  await saveWhistlConnection(db(), storeId, {
    baseUrl: whistl.url,
    authMode: 'password',
    username: account.username,
    password: account.password,
    warehouseId: String(account.warehouses[0]?.id ?? 1),
  });
  store = await seedStore(db(), demo.hash, storeId);
});

afterAll(async () => {
  await Promise.allSettled([bigcommerce?.close(), whistl?.close()]);
});

describe('shipping mappings against the simulators', () => {
  it("records every method the store's zones offer and lists Whistl's services", async () => {
    await db().shippingMapping.create({ data: { storeId: store.storeId, methodKey: 'carrier pigeon', methodLabel: 'Carrier Pigeon', seenOnOrders: true } });
    const { status, body } = await json<ShippingMethodsView>(panelRequest(mappingsGET, store.tokens.OPS, '/api/shipping-mappings'));
    expect(status).toBe(200);
    expect(body.warnings).toEqual([]);
    const offered = body.methods.filter((m) => m.offeredByStore).map((m) => m.methodLabel).sort();
    expect(offered).toEqual([...DEMO_MAPPED_METHODS, ...DEMO_UNMAPPED_METHODS].sort());
    expect(body.methods.find((m) => m.methodKey === 'saturday courier')).toMatchObject({ courierService: null, zones: ['United Kingdom'] });
    expect(body.methods.find((m) => m.methodKey === 'carrier pigeon')).toMatchObject({ offeredByStore: false, seenOnOrders: true });
    expect(body.services.map((s) => s.name).sort()).toEqual(DEMO_COURIER_SERVICES.map((s) => s.name).sort());

    // Reading again upserts by key: no duplicate rows.
    await panelRequest(mappingsGET, store.tokens.OPS, '/api/shipping-mappings');
    expect(await db().shippingMapping.count({ where: { storeId: store.storeId } })).toBe(7);
  });
});

describe('catalog scan', () => {
  async function waitForScan(): Promise<CatalogScanView> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const { body } = await json<{ scan: CatalogScanView | null }>(panelRequest(scanGET, store.tokens.CX, '/api/sku-rules/scan'));
      if (body.scan && body.scan.status !== 'RUNNING') return body.scan;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('The scan did not finish');
  }

  it('reports awkward SKUs, variants without SKU and orphans on both sides', async () => {
    expect((await panelRequest(scanPOST, store.tokens.CX, '/api/sku-rules/scan', { method: 'POST' })).status).toBe(403);
    const started = await json<{ scan: CatalogScanView; started: boolean }>(panelRequest(scanPOST, store.tokens.OPS, '/api/sku-rules/scan', { method: 'POST' }));
    expect(started.status).toBe(202);
    expect(started.body.started).toBe(true);
    expect(started.body.scan.status).toBe('RUNNING');

    const scan = await waitForScan();
    expect(scan.error).toBeNull();
    expect(scan.status).toBe('DONE');
    expect(scan.total).toBe(scan.scanned);
    expect(scan.scanned).toBe(62);
    const result = scan.result!;
    expect(result.rejected.map((r) => r.bcSku).sort()).toEqual([...demo.awkwardSkus].sort());
    expect(result.rejected[0]?.reason).toMatch(/alphanumeric/);
    expect(result.withoutSku.map((v) => v.variantId).sort()).toEqual([...demo.missingSkuVariantIds].sort());
    expect(result.missingInWhistl.map((m) => m.bcSku).sort()).toEqual(cleanSkus.slice(-3).sort());
    expect(result.orphansInWhistl).toEqual(WHISTL_ONLY);
    expect(result.whistlProducts).toBe(cleanSkus.length - 3 + WHISTL_ONLY.length);
  });

  it('applies the saved rules: an alias makes an awkward SKU pass', async () => {
    const [awkward] = demo.awkwardSkus;
    const rules = { policy: 'ALPHANUMERIC', uppercase: false, stripChars: '', prefix: '', suffix: '', aliases: [{ bcSku: awkward!, whistlSku: cleanSkus[0]! }] };
    expect((await panelRequest(skuPUT, store.tokens.OPS, '/api/sku-rules', { method: 'PUT', body: JSON.stringify(rules) })).status).toBe(200);
    await panelRequest(scanPOST, store.tokens.OPS, '/api/sku-rules/scan', { method: 'POST' });
    const scan = await waitForScan();
    expect(scan.result!.rejected.map((r) => r.bcSku)).not.toContain(awkward);
    expect(scan.result!.counts.rejected).toBe(demo.awkwardSkus.length - 1);
  });
});
