import { afterEach, describe, expect, it } from 'vitest';
import { createBigCommerceClient, getStoreRateLimiter, StoreRateLimiter } from '@/lib/bigcommerce/api';
import { readRateLimitHeaders } from '@/lib/bigcommerce/api/rate-limiter';
import { startRig, type TestRig } from './client-setup';
import { rateLimitHeaders } from './fake-server';
import { orderStatusesWire } from './fixtures';

let rig: TestRig | undefined;
afterEach(async () => {
  await rig?.server.close();
  rig = undefined;
});

function gapMs(rigged: TestRig, from: number, to: number): number {
  const a = rigged.server.requests[from];
  const b = rigged.server.requests[to];
  if (!a || !b) throw new Error('missing request');
  return b.receivedAt - a.receivedAt;
}

describe('BigCommerce client: rate limits', () => {
  it('never starts a request while the window has 0 requests left, until it resets', async () => {
    rig = await startRig((_request, index) => ({
      status: 200,
      body: orderStatusesWire,
      headers: index === 0 ? rateLimitHeaders(0, 400, 3, 1000) : rateLimitHeaders(2, 1000, 3, 1000),
    }));
    await rig.client.orders.listStatuses();
    await Promise.all([rig.client.orders.listStatuses(), rig.client.orders.listStatuses()]);
    expect(rig.server.requests).toHaveLength(3);
    expect(gapMs(rig, 0, 1)).toBeGreaterThanOrEqual(380);
    expect(rig.limiter.stats()).toMatchObject({ requestsSent: 3, throttled: 0 });
    expect(rig.limiter.stats().waitsForWindow).toBeGreaterThanOrEqual(1);
  });

  it('does not start more concurrent requests than the window has left', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    rig = await startRig(async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight -= 1;
      return { status: 200, body: orderStatusesWire, headers: rateLimitHeaders(2, 200, 2, 200) };
    });
    const { client } = rig;
    await client.orders.listStatuses(); // learn the window: 2 left
    await Promise.all(Array.from({ length: 6 }, () => client.orders.listStatuses({ priority: 'high' })));
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(rig.server.requests).toHaveLength(7);
  });

  it('on a 429 with headers waits X-Rate-Limit-Time-Reset-Ms, then retries', async () => {
    rig = await startRig((_request, index) =>
      index === 0
        ? { status: 429, body: { status: 429, title: 'Too many requests' }, headers: rateLimitHeaders(0, 300) }
        : { status: 200, body: orderStatusesWire, headers: rateLimitHeaders(100, 30_000) },
    );
    const statuses = await rig.client.orders.listStatuses();
    expect(statuses).toHaveLength(2);
    expect(rig.server.requests).toHaveLength(2);
    expect(gapMs(rig, 0, 1)).toBeGreaterThanOrEqual(280);
    expect(gapMs(rig, 0, 1)).toBeLessThan(1500);
    expect(rig.client.stats()).toMatchObject({ throttled: 1, throttledWithoutHeaders: 0, requestsSent: 2, retries: 1 });
  });

  it('a POST refused with a 429 is sent again once the window resets (a 429 is refused before anything is done)', async () => {
    rig = await startRig((_request, index) =>
      index === 0
        ? { status: 429, headers: rateLimitHeaders(0, 300) }
        : { status: 200, body: { data: { id: 9, scope: 'store/order/created', destination: 'https://app.example/hook', is_active: true, headers: null, created_at: 1, updated_at: 1, client_id: 'c', store_hash: 'abc123' }, meta: {} }, headers: rateLimitHeaders(100, 30_000) },
    );
    const created = await rig.client.webhooks.create({ scope: 'store/order/created', destination: 'https://app.example/hook' });
    expect(created.id).toBe(9);
    expect(rig.server.requests).toHaveLength(2);
    expect(gapMs(rig, 0, 1)).toBeGreaterThanOrEqual(280);
  });

  it('a POST refused with 429s on every try ends in an error that says how long the store is paused', async () => {
    rig = await startRig(() => ({ status: 429, headers: rateLimitHeaders(0, 200) }));
    const error = await rig.client.webhooks.create({ scope: 'store/order/created', destination: 'https://app.example/hook' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'BigCommerceRetriableError', reason: 'rate-limited' });
    expect((error as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(100);
    expect(rig.server.requests).toHaveLength(4);
  });

  it('on a 429 without headers (platform load) backs off harder, doubling', async () => {
    rig = await startRig(
      (_request, index) => (index < 2 ? { status: 429 } : { status: 200, body: orderStatusesWire }),
      { limiter: { platformBackoffMs: 300 } },
    );
    await rig.client.orders.listStatuses();
    expect(rig.server.requests).toHaveLength(3);
    expect(gapMs(rig, 0, 1)).toBeGreaterThanOrEqual(290);
    expect(gapMs(rig, 1, 2)).toBeGreaterThanOrEqual(590);
    expect(rig.client.stats()).toMatchObject({ throttled: 2, throttledWithoutHeaders: 2 });
  });

  it('a 429 pauses every client of the store, not just the one that got it', async () => {
    rig = await startRig((_request, index) =>
      index === 0 ? { status: 429, headers: rateLimitHeaders(0, 300) } : { status: 200, body: orderStatusesWire, headers: rateLimitHeaders(100, 30_000) },
    );
    const other = createBigCommerceClient({ storeHash: 'abc123', accessToken: 't', baseUrl: rig.server.baseUrl, rateLimiter: rig.limiter });
    const first = rig.client.orders.listStatuses();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await other.orders.listStatuses();
    await first;
    expect(gapMs(rig, 0, 1)).toBeGreaterThanOrEqual(280);
  });

  it('reads the X-Rate-Limit-* headers in any case', () => {
    const headers = new Headers({ 'x-rate-limit-requests-left': '7', 'X-RATE-LIMIT-TIME-RESET-MS': '1200', 'X-Rate-Limit-Requests-Quota': '150', 'x-Rate-limit-time-window-ms': '30000' });
    expect(readRateLimitHeaders(headers)).toEqual({ requestsLeft: 7, timeResetMs: 1200, requestsQuota: 150, timeWindowMs: 30_000 });
    expect(readRateLimitHeaders(new Headers({ 'x-rate-limit-requests-left': 'lots' })).requestsLeft).toBeUndefined();
  });

  it('shares one limiter per store hash in the process', () => {
    expect(getStoreRateLimiter('store-x')).toBe(getStoreRateLimiter('store-x'));
    expect(getStoreRateLimiter('store-x')).not.toBe(getStoreRateLimiter('store-y'));
    const a = createBigCommerceClient({ storeHash: 'store-z', accessToken: 't', baseUrl: 'http://127.0.0.1:1' });
    const b = createBigCommerceClient({ storeHash: 'store-z', accessToken: 'u', baseUrl: 'http://127.0.0.1:1' });
    expect(a.stats()).toEqual(b.stats());
  });

  it('sends one probe request until a response tells it the budget', async () => {
    const limiter = new StoreRateLimiter();
    await limiter.acquire('high');
    let second = false;
    const pending = limiter.acquire('high').then(() => (second = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(second).toBe(false);
    limiter.release(200, new Headers(rateLimitHeaders(149, 30_000)));
    await pending;
    expect(limiter.stats()).toMatchObject({ requestsSent: 2, inFlight: 1 });
    limiter.release(200, new Headers(rateLimitHeaders(148, 29_000)));
  });

  it('lets high-priority work use the last requests of a window that low-priority work leaves unused', async () => {
    let now = 0;
    const limiter = new StoreRateLimiter({ now: () => now });
    await limiter.acquire('normal');
    // 100 per window, 10 left, reset in 1 s: low must leave 25 unused, so it waits; high goes.
    limiter.release(200, new Headers(rateLimitHeaders(10, 1000, 100, 1000)));
    const order: string[] = [];
    const low = limiter.acquire('low').then(() => order.push('low'));
    const high = limiter.acquire('high').then(() => order.push('high'));
    await high;
    expect(order).toEqual(['high']);
    limiter.release(200, new Headers(rateLimitHeaders(9, 900, 100, 1000)));
    now = 1001; // the window resets: a fresh 100
    await low;
    expect(order).toEqual(['high', 'low']);
    limiter.release(200, undefined);
  });
});
