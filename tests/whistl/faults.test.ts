import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WhistlRetriableError, WhistlTimeoutError } from '@/lib/whistl';
import { createdId, orderInput, startHarness, type Harness } from './harness';

describe('faults: throttling, server errors, timeouts after commit', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.sandbox.close();
  });

  it('429 with Retry-After: a GET waits that long, then succeeds', async () => {
    h.sandbox.setFaults({ throttle: { count: 1, retryAfterSeconds: 1 } });
    const started = Date.now();
    await expect(h.client.listWarehouses()).resolves.toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(h.sandbox.callCounts()['GET /api/Warehouse']).toBe(2);
  });

  it('429 on a create is not retried: WhistlRetriableError with retryAfterMs, nothing created', async () => {
    h.sandbox.setFaults({ throttle: { count: 1, retryAfterSeconds: 7, route: 'PUT /api/Order' } });
    const input = orderInput();
    const error = await h.client.createOrder(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhistlRetriableError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 7000, outcomeUnknown: false });
    expect(h.sandbox.callCounts()['PUT /api/Order']).toBe(1);
    expect(await h.client.searchOrdersByNumber(input.orderNumber)).toEqual([]);
  });

  it('a 429 storm longer than the client will wait in-process surfaces as retriable', async () => {
    h.sandbox.setFaults({ throttle: { durationMs: 60_000, retryAfterSeconds: 120 } });
    await expect(h.client.listWarehouses()).rejects.toMatchObject({ status: 429, retryAfterMs: 120_000 });
    expect(h.sandbox.callCounts()['GET /api/Warehouse']).toBe(1);
  });

  it('5xx: GETs are retried (capped), then the error surfaces', async () => {
    h.sandbox.setFaults({ failNext: { count: 2, status: 503 } });
    await expect(h.client.listCourierServices()).resolves.toHaveLength(4);
    expect(h.sandbox.callCounts()['GET /api/Courier/Services']).toBe(3);

    h.sandbox.setFaults({ failNext: { count: 10, status: 500 } });
    const error = await h.client.listCourierServices().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhistlRetriableError);
    expect(error).toMatchObject({ status: 500 });
    expect(h.sandbox.callCounts()['GET /api/Courier/Services']).toBe(3 + 4);
  });

  it('5xx on PUT /api/Order is never retried by the client, and its outcome is flagged unknown', async () => {
    h.sandbox.setFaults({ failNext: { count: 1, status: 502, route: 'PUT /api/Order' } });
    const error = await h.client.createOrder(orderInput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhistlRetriableError);
    expect(error).toMatchObject({ status: 502, outcomeUnknown: true });
    expect(h.sandbox.callCounts()['PUT /api/Order']).toBe(1);
  });

  it('timeout after commit: WhistlTimeoutError, the order exists, search finds it, re-create is a duplicate', async () => {
    h.sandbox.setFaults({ timeoutAfterCommit: { count: 1, mode: 'delay', delayMs: 5_000 } });
    const client = h.makeClient({ timeoutMs: 300 });
    const input = orderInput();
    const error = await client.createOrder(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhistlTimeoutError);
    expect(error).toBeInstanceOf(WhistlRetriableError);
    expect(error).toMatchObject({ timeoutMs: 300, outcomeUnknown: true });
    expect(h.sandbox.callCounts()['PUT /api/Order']).toBe(1);

    const found = await client.searchOrdersByNumber(input.orderNumber);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ orderNumber: input.orderNumber, externalOrderReference: input.externalOrderReference, orderStatusId: 1 });
    expect(await client.createOrder(input)).toMatchObject({ kind: 'duplicate', field: 'OrderNumber' });
  });

  it('connection dropped after commit: retriable with outcomeUnknown, and the order is findable', async () => {
    h.sandbox.setFaults({ timeoutAfterCommit: { count: 1, mode: 'destroy' } });
    const input = orderInput();
    const error = await h.client.createOrder(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhistlRetriableError);
    expect(error).not.toBeInstanceOf(WhistlTimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: true });
    expect(await h.client.searchOrdersByNumber(input.orderNumber)).toHaveLength(1);
  });

  it('a GET that times out is retried', async () => {
    let calls = 0;
    // The first attempt hangs until the client aborts it; the retry goes through.
    const hangOnce: typeof fetch = (url, init) => {
      calls += 1;
      if (calls > 1) return fetch(url, init);
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    };
    const client = h.makeClient({ timeoutMs: 100, fetch: hangOnce });
    await expect(client.listWarehouses()).resolves.toHaveLength(1);
    expect(calls).toBe(2);
  });

  it('a create that times out is not retried', async () => {
    let calls = 0;
    const hang: typeof fetch = (_url, init) => {
      calls += 1;
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    };
    const client = h.makeClient({ timeoutMs: 100, fetch: hang });
    await expect(client.createOrder(orderInput())).rejects.toBeInstanceOf(WhistlTimeoutError);
    expect(calls).toBe(1);
  });

  it('an error rate of 1 fails every call with the configured 5xx', async () => {
    h.sandbox.setFaults({ errorRate: 1, errorStatus: 504 });
    await expect(h.client.createOrder(orderInput())).rejects.toMatchObject({ status: 504 });
    h.sandbox.clearFaults();
    expect(createdId(await h.client.createOrder(orderInput()))).toBeGreaterThan(0);
  });

  it('keeps at most maxConcurrency requests in flight per account', async () => {
    h.sandbox.setFaults({ latencyMs: 100 });
    const client = h.makeClient({ maxConcurrency: 2, apiKey: h.account.apiKeys[0] });
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => client.listWarehouses()));
    // 6 calls, 2 at a time, 100 ms each: at least three rounds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
