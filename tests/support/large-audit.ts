import type { Db } from '@/lib/db/client';
import { exchangeAuthCode } from '@/lib/bigcommerce/oauth';
import { resetEnvCache } from '@/lib/env';
import { installStore } from '@/lib/stores/install-store';
import { saveWhistlConnection } from '@/lib/stores/whistl-connection';
import { getAudit, runAudit, startAudit, storeAuditVendors } from '@/lib/sync/audit/run-audit';
import type { AuditReport } from '@/lib/sync/audit/types';
import { normaliseShippingMethod } from '@/lib/sync/rules';
import { startBigCommerceSandbox } from '@/sandbox/bigcommerce';
import { DEMO_COURIER_SERVICES, startWhistlSandbox } from '@/sandbox/whistl';

/**
 * A large merchant for the audit: `products` x 5 variants (one SKU each), `orders` orders of 1-3
 * lines, with known problems at fixed rates. Both simulators run in this process, so the process's
 * memory includes them: the audit's own share is the growth while it runs.
 */
export interface LargeAuditInput {
  orders: number;
  /** Products; each has 5 variants, so SKUs = 5 x products. */
  products: number;
  /** BigCommerce quota per 30 s window (Standard plan: 150). */
  quota?: number;
}

export interface LargeAuditResult {
  report: AuditReport;
  ms: number;
  rssBeforeMb: number;
  peakRssMb: number;
  heapGrowthPeakMb: number;
  /** Peak of live heap (sampled right after a forced GC) above the baseline: what the audit holds. */
  liveHeapGrowthPeakMb: number | null;
  bigcommerceRequests: number;
  served429: number;
  expected: { unmappedOrders: number; badPostcodeOrders: number; awkwardSkus: number; missingAtWhistl: number };
}

const METHODS = ['Royal Mail Tracked 48', 'Royal Mail Tracked 24', 'DPD Next Day'];
const UNMAPPED = 'Saturday Courier';
const CLIENT = { clientId: 'large-client-id', clientSecret: 'large-client-secret-0123456789' };

export async function runLargeAudit(db: Db, input: LargeAuditInput, log: (line: string) => void = () => {}): Promise<LargeAuditResult> {
  const appUrl = 'http://localhost:3000';
  const bigcommerce = await startBigCommerceSandbox({ ...CLIENT, appUrl, defaultQuota: { requests: input.quota ?? 150, windowMs: 30_000 } });
  const whistl = await startWhistlSandbox({ autoAdvance: { enabled: false, stepMs: 3_600_000 } });
  try {
    const hash = 'largestore';
    // Every 1000th SKU breaks the policy; every 700th clean SKU is missing at Whistl.
    const products = Array.from({ length: input.products }, (_, p) => ({
      name: `Product ${p + 1}`,
      sku: `P${p + 1}`,
      price: 10,
      inventoryTracking: 'variant' as const,
      variants: Array.from({ length: 5 }, (_, v) => {
        const n = p * 5 + v + 1;
        return { sku: n % 1000 === 0 ? `P${p + 1}-V${v}/X` : `P${p + 1}V${v}`, options: { Size: `S${v}` } };
      }),
    }));
    bigcommerce.control.seedStore({
      hash,
      owner: { id: 1, email: 'owner@large.example.com' },
      products,
      shippingZones: [{ name: 'UK', countryIso2: 'GB', methods: [...METHODS, UNMAPPED] }],
    });
    const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
    const awkward = skus.filter((sku) => sku.includes('/'));
    const clean = skus.filter((sku) => !sku.includes('/'));
    const missing = new Set(clean.filter((_, i) => i % 700 === 699));
    const account = whistl.createAccount({
      name: 'Large merchant',
      users: [{ username: 'large@whistl.sandbox', password: 'large-password' }],
      apiKeys: ['large-api-key'],
      warehouses: [{ id: 1, name: 'Main', code: 'MAIN' }],
      courierServices: DEMO_COURIER_SERVICES.map((s) => ({ ...s })),
      products: clean.filter((sku) => !missing.has(sku)).map((sku, i) => ({ sku, name: sku, stock: 5 + (i % 50), lowStockLevel: 2 })),
    });
    log(`seeded ${skus.length} SKUs (${awkward.length} breaking the policy, ${missing.size} missing at Whistl)`);

    let unmappedOrders = 0;
    let badPostcodeOrders = 0;
    for (let i = 0; i < input.orders; i += 1) {
      const unmapped = i % 40 === 7;
      const badZip = i % 50 === 3;
      if (unmapped) unmappedOrders += 1;
      if (badZip) badPostcodeOrders += 1;
      const lineCount = 1 + (i % 3);
      const lines = Array.from({ length: lineCount }, (_, l) => ({ sku: skus[(i * 7919 + l * 104_729) % skus.length]!, quantity: 1 + ((i + l) % 2) }));
      const unique = lines.filter((line, index) => lines.findIndex((other) => other.sku === line.sku) === index);
      bigcommerce.control.placeOrder(hash, {
        lines: unique,
        addresses: [
          {
            first_name: 'Ada',
            last_name: `Buyer${i}`,
            street_1: '1 Deansgate',
            city: 'Manchester',
            zip: badZip ? 'M3 1AZZ' : 'M3 1AZ',
            country: 'United Kingdom',
            country_iso2: 'GB',
            shippingMethod: unmapped ? UNMAPPED : METHODS[i % METHODS.length]!,
          },
        ],
        billingAddress: { first_name: 'Ada', last_name: `Buyer${i}`, email: `buyer${i}@example.com` },
        statusId: i % 10 === 0 ? 10 : 11,
      });
      if (i > 0 && i % 5000 === 0) log(`placed ${i} orders`);
    }
    log(`placed ${input.orders} orders`);

    process.env.BIGCOMMERCE_API_URL = bigcommerce.url;
    process.env.BIGCOMMERCE_LOGIN_URL = bigcommerce.url;
    process.env.APP_URL = appUrl;
    process.env.BIGCOMMERCE_CLIENT_ID = CLIENT.clientId;
    process.env.BIGCOMMERCE_CLIENT_SECRET = CLIENT.clientSecret;
    resetEnvCache();
    const code = bigcommerce.control.issueInstallCode(hash);
    const grant = await exchangeAuthCode(
      { code: code.code, scope: code.scope, context: code.context },
      { loginUrl: bigcommerce.url, ...CLIENT, redirectUri: `${appUrl}/api/app/auth` },
    );
    const { storeId } = await installStore(db, grant);
    await saveWhistlConnection(db, storeId, { baseUrl: whistl.url, authMode: 'apiKey', apiKey: 'large-api-key', warehouseId: String(account.warehouses[0]?.id ?? 1) });
    for (const [label, service] of METHODS.map((m, i) => [m, DEMO_COURIER_SERVICES[i]?.name ?? 'RM48'] as const)) {
      await db.shippingMapping.create({ data: { storeId, methodKey: normaliseShippingMethod(label), methodLabel: label, courierService: service } });
    }
    bigcommerce.control.resetStats(hash);

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let peakRss = rssBefore;
    let peakHeapGrowth = 0;
    let peakLiveGrowth: number | null = global.gc ? 0 : null;
    let ticks = 0;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeapGrowth = Math.max(peakHeapGrowth, usage.heapUsed - heapBefore);
      ticks += 1;
      if (global.gc && peakLiveGrowth !== null && ticks % 20 === 0) {
        global.gc();
        peakLiveGrowth = Math.max(peakLiveGrowth, process.memoryUsage().heapUsed - heapBefore);
      }
    }, 50);
    const started = Date.now();
    const { auditId } = await startAudit(db, storeId, 30);
    await runAudit(db, storeId, auditId, storeAuditVendors(db, storeId));
    const ms = Date.now() - started;
    clearInterval(sampler);
    const view = await getAudit(db, storeId, auditId);
    if (!view?.report) throw new Error(`audit did not finish: ${view?.error ?? 'no row'}`);
    const stats = bigcommerce.control.stats(hash);
    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    return {
      report: view.report,
      ms,
      rssBeforeMb: mb(rssBefore),
      peakRssMb: mb(peakRss),
      heapGrowthPeakMb: mb(peakHeapGrowth),
      liveHeapGrowthPeakMb: peakLiveGrowth === null ? null : mb(peakLiveGrowth),
      bigcommerceRequests: stats.total,
      served429: stats.served429,
      expected: { unmappedOrders, badPostcodeOrders, awkwardSkus: awkward.length, missingAtWhistl: missing.size },
    };
  } finally {
    await Promise.allSettled([bigcommerce.close(), whistl.close()]);
  }
}
