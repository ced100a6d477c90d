import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asRecord, startInstalledStore, type InstalledStore } from './bigcommerce-harness';

let store: InstalledStore;
let now: number;

beforeEach(async () => {
  now = Date.UTC(2026, 10, 20, 9, 0, 0);
  store = await startInstalledStore({ productCount: 5 }, { now: () => now });
});

afterEach(async () => {
  await store.close();
});

describe('rate limits', () => {
  it('sends the four X-Rate-Limit headers on every response, counting down', async () => {
    const first = await store.api('GET', '/v2/orders');
    const second = await store.api('GET', '/v3/catalog/products');
    const missing = await store.api('GET', '/v2/orders/12345');
    for (const response of [first, second, missing]) {
      expect(response.headers.get('x-rate-limit-requests-quota')).toBe('150');
      expect(response.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
      expect(Number(response.headers.get('x-rate-limit-time-reset-ms'))).toBeGreaterThan(0);
    }
    expect(first.headers.get('x-rate-limit-requests-left')).toBe('149');
    expect(second.headers.get('x-rate-limit-requests-left')).toBe('148');
  });

  it('answers 429 with the headers once the store quota is spent, until the window resets', async () => {
    store.sandbox.control.setQuota(store.hash, { requests: 3, windowMs: 10_000 });
    for (let index = 0; index < 3; index += 1) expect((await store.api('GET', '/v2/order_statuses')).status).toBe(200);
    now += 4_000;
    const limited = await store.api('GET', '/v2/order_statuses');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-requests-left')).toBe('0');
    expect(limited.headers.get('x-rate-limit-time-reset-ms')).toBe('6000');
    expect(limited.headers.get('x-rate-limit-requests-quota')).toBe('3');
    expect(limited.headers.get('x-rate-limit-time-window-ms')).toBe('10000');
    now += 6_000;
    expect((await store.api('GET', '/v2/order_statuses')).status).toBe(200);
    expect(store.sandbox.control.stats(store.hash).served429).toBe(1);
  });

  it('keeps quotas per store', async () => {
    store.sandbox.control.setQuota(store.hash, { requests: 1, windowMs: 30_000 });
    store.sandbox.control.seedStore({ hash: 'otherstore' });
    const { install } = await import('./bigcommerce-harness');
    const token = await install(store.sandbox, 'otherstore');
    await store.api('GET', '/v2/order_statuses');
    expect((await store.api('GET', '/v2/order_statuses')).status).toBe(429);
    const other = await fetch(`${store.sandbox.storeUrl('otherstore')}/v2/order_statuses`, { headers: { 'x-auth-token': token } });
    expect(other.status).toBe(200);
  });

  it('a 429 storm answers every request 429, optionally without rate-limit headers (platform load)', async () => {
    store.sandbox.control.setFaults(store.hash, { storm: { durationMs: 2_000 } });
    const withHeaders = await store.api('GET', '/v2/orders');
    expect(withHeaders.status).toBe(429);
    expect(withHeaders.headers.get('x-rate-limit-time-reset-ms')).toBe('2000');
    store.sandbox.control.setFaults(store.hash, { storm: { durationMs: 2_000, withHeaders: false } });
    const bare = await store.api('GET', '/v2/orders');
    expect(bare.status).toBe(429);
    expect(bare.headers.get('x-rate-limit-requests-left')).toBeNull();
    expect(bare.headers.get('x-rate-limit-time-reset-ms')).toBeNull();
    now += 2_001;
    expect((await store.api('GET', '/v2/orders')).status).toBe(204);
  });
});

describe('fault knobs', () => {
  it('error rate 1 answers 5xx without doing anything', async () => {
    store.sandbox.control.setFaults(store.hash, { errorRate: 1 });
    const response = await store.api('POST', '/v3/hooks', { scope: 'store/order/created', destination: 'https://app.example.com/h' });
    expect([500, 502, 503]).toContain(response.status);
    store.sandbox.control.clearFaults(store.hash);
    const hooks = asRecord((await store.api('GET', '/v3/hooks')).body);
    expect(hooks.data).toEqual([]);
  });

  it('error-after-commit answers 500 but keeps the write', async () => {
    store.sandbox.control.setFaults(store.hash, { errorAfterCommitRate: 1 });
    const response = await store.api('POST', '/v3/hooks', { scope: 'store/order/created', destination: 'https://app.example.com/h' });
    expect(response.status).toBe(500);
    store.sandbox.control.clearFaults(store.hash);
    const hooks = asRecord((await store.api('GET', '/v3/hooks')).body);
    expect(hooks.data).toHaveLength(1);
  });

  it('adds latency', async () => {
    store.sandbox.control.setFaults(store.hash, { latencyMs: 150 });
    const started = performance.now();
    await store.api('GET', '/v2/order_statuses');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('call statistics', () => {
  it('counts calls per method and route template, 429s served, and resets', async () => {
    store.sandbox.control.placeOrder(store.hash, {
      lines: [{ sku: store.sandbox.control.catalog(store.hash)[0]?.sku ?? '', quantity: 1 }],
      addresses: [{ first_name: 'A', last_name: 'B', street_1: '1 Road', city: 'Leeds', zip: 'LS1 5HD', shippingMethod: 'DPD Next Day' }],
    });
    await store.api('GET', '/v2/orders/100');
    await store.api('GET', '/v2/orders/100');
    await store.api('GET', '/v2/orders/100/products');
    await store.api('GET', '/v2/orders?status_id=11');
    store.sandbox.control.setQuota(store.hash, { requests: 1, windowMs: 30_000 });
    await store.api('GET', '/v2/orders');
    await store.api('GET', '/v2/orders');
    const stats = store.sandbox.control.stats(store.hash);
    expect(stats.calls).toEqual({
      'GET /v2/orders': 3,
      'GET /v2/orders/{id}': 2,
      'GET /v2/orders/{id}/products': 1,
    });
    expect(stats.total).toBe(6);
    expect(stats.served429).toBe(1);
    const reset = store.sandbox.control.resetStats(store.hash);
    expect(reset).toMatchObject({ total: 0, served429: 0, calls: {} });
  });
});
