import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../setup/db';
import { runLargeAudit } from '../support/large-audit';

/**
 * A reduced large store for CI (2,000 orders, 5,000 SKUs); `npm run audit:large` runs the full
 * 20,000 orders / 50,000 SKUs and prints time, memory and requests. A small quota makes the
 * audit wait for the rate-limit window instead of being refused.
 */
const { db } = setupTestDatabase();

describe('audit on a large store (reduced for CI)', () => {
  it('pages through everything within the rate limit and counts the known problems exactly', async () => {
    const result = await runLargeAudit(db(), { orders: 2_000, products: 1_000, quota: 12 });
    const { report } = result;
    expect(report.orders.total).toBe(2_000);
    const finding = (id: string) => report.findings.find((f) => f.id === id);
    expect(finding('unmapped-shipping')?.orders).toBe(result.expected.unmappedOrders);
    expect(finding('address')?.orders).toBe(result.expected.badPostcodeOrders);
    expect(finding('sku-policy')?.count).toBe(result.expected.awkwardSkus);
    expect(finding('sku-missing-at-whistl')?.count).toBe(result.expected.missingAtWhistl);
    expect(report.catalog.variants).toBe(5_000);
    // 9 order pages (the last one short), 4 catalog pages, zones + 1 zone's methods.
    expect(result.bigcommerceRequests).toBe(Math.ceil(2_000 / 250) + 1 + Math.ceil(1_000 / 250) + 2);
    expect(result.bigcommerceRequests).toBe(report.requests.bigcommerce);
    expect(result.served429).toBe(0);
    // Streams: the audit holds tallies, not orders; heap growth stays far below the data read.
    expect(result.heapGrowthPeakMb).toBeLessThan(150);
  }, 180_000);
});
