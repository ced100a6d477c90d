import { afterEach, describe, expect, it } from 'vitest';
import {
  BigCommerceAuthError,
  BigCommerceNotFoundError,
  BigCommercePartialFailureError,
  BigCommerceRetriableError,
  BigCommerceValidationError,
  createBigCommerceClient,
  StoreRateLimiter,
} from '@/lib/bigcommerce/api';
import { startRig, type TestRig } from './client-setup';
import { orderStatusesWire, shipmentWire } from './fixtures';

let rig: TestRig | undefined;
afterEach(async () => {
  await rig?.server.close();
  rig = undefined;
});

const shipment = { orderAddressId: 21, items: [{ orderProductId: 11, quantity: 2 }], trackingNumber: 'RM123456789GB' };

describe('BigCommerce client: errors and retries', () => {
  it('retries a GET after a 5xx', async () => {
    rig = await startRig((_request, index) => (index < 2 ? { status: 503, body: 'busy' } : { status: 200, body: orderStatusesWire }));
    expect(await rig.client.orders.listStatuses()).toHaveLength(2);
    expect(rig.server.requests).toHaveLength(3);
    expect(rig.client.stats().retries).toBe(2);
  });

  it('gives up on a GET after the capped number of attempts with a retriable error', async () => {
    rig = await startRig(() => ({ status: 500, body: { error: 'boom' } }), { retry: { maxAttempts: 3 } });
    const error = await rig.client.orders.listStatuses().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BigCommerceRetriableError);
    expect(error).toMatchObject({ status: 500, reason: 'server-error', method: 'GET', path: '/v2/order_statuses', bodySnippet: '{"error":"boom"}' });
    expect(rig.server.requests).toHaveLength(3);
  });

  it('never retries a POST, even on a 5xx', async () => {
    rig = await startRig(() => ({ status: 502 }));
    await expect(rig.client.shipments.create(100, shipment)).rejects.toBeInstanceOf(BigCommerceRetriableError);
    expect(rig.server.requests).toHaveLength(1);
    await expect(rig.client.inventory.adjustRelative({ items: [{ locationId: 1, quantity: -1, sku: 'A' }] })).rejects.toBeInstanceOf(BigCommerceRetriableError);
    expect(rig.server.requests).toHaveLength(2);
  });

  it('retries the absolute (PUT) adjustment, which is idempotent', async () => {
    rig = await startRig((_request, index) => (index === 0 ? { status: 500 } : { status: 200, body: { transaction_id: 'tx-1' } }));
    expect(await rig.client.inventory.setAbsolute({ items: [{ locationId: 1, quantity: 5, sku: 'A' }] })).toEqual({ transactionIds: ['tx-1'] });
    expect(rig.server.requests.map((request) => request.method)).toEqual(['PUT', 'PUT']);
  });

  it('turns a timeout into a retriable error', async () => {
    rig = await startRig(() => ({ status: 200, body: orderStatusesWire, delayMs: 500 }), { timeoutMs: 100, retry: { maxAttempts: 1 } });
    const error = await rig.client.orders.listStatuses().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BigCommerceRetriableError);
    expect(error).toMatchObject({ reason: 'timeout', status: undefined });
  });

  it('turns a refused connection into a retriable network error', async () => {
    const client = createBigCommerceClient({ storeHash: 'abc123', accessToken: 't', baseUrl: 'http://127.0.0.1:9', rateLimiter: new StoreRateLimiter(), retry: { maxAttempts: 1 } });
    await expect(client.orders.listStatuses()).rejects.toMatchObject({ name: 'BigCommerceRetriableError', reason: 'network' });
  });

  it('turns a 422 problem+json into a validation error with its details', async () => {
    rig = await startRig(() => ({
      status: 422,
      headers: { 'Content-Type': 'application/problem+json' },
      body: { status: 422, title: 'Inventory tracking mismatch', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes', errors: { 'items.0': 'Product tracks inventory by variant' } },
    }));
    const error = await rig.client.inventory.setAbsolute({ items: [{ locationId: 1, quantity: 5, productId: 77 }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BigCommerceValidationError);
    expect((error as BigCommerceValidationError).details).toEqual({
      title: 'Inventory tracking mismatch',
      type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
      errors: { 'items.0': 'Product tracks inventory by variant' },
    });
    expect(rig.server.requests).toHaveLength(1); // a 422 is never retried
  });

  it('turns a V2 400 error list into a validation error', async () => {
    rig = await startRig(() => ({ status: 400, body: [{ status: 400, message: 'The field product_id is not valid.' }] }));
    const error = await rig.client.shipments.create(100, shipment).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BigCommerceValidationError);
    expect((error as BigCommerceValidationError).details.title).toBe('The field product_id is not valid.');
  });

  it('maps 404 and 401 to their own errors', async () => {
    rig = await startRig((request) => (request.path === '/v2/orders/999' ? { status: 404, body: [{ status: 404, message: 'not found' }] } : { status: 401 }));
    await expect(rig.client.orders.get(999)).rejects.toBeInstanceOf(BigCommerceNotFoundError);
    await expect(rig.client.webhooks.list()).rejects.toBeInstanceOf(BigCommerceAuthError);
  });

  it('refuses a tracking number over 50 characters without sending anything', async () => {
    rig = await startRig(() => ({ status: 201, body: shipmentWire() }));
    const error = await rig.client.shipments.create(100, { ...shipment, trackingNumber: 'X'.repeat(51) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BigCommerceValidationError);
    expect(rig.server.requests).toHaveLength(0);
    await expect(rig.client.orders.listPage({ page: 1, limit: 251 })).rejects.toBeInstanceOf(BigCommerceValidationError);
  });

  it('reports which adjustment chunks were accepted when a later chunk fails', async () => {
    rig = await startRig((_request, index) => (index === 0 ? { status: 200, body: { transaction_id: 'tx-1' } } : { status: 503 }));
    const items = Array.from({ length: 2001 }, (_, index) => ({ locationId: 1, quantity: 1, sku: `S-${index}` }));
    const error = await rig.client.inventory.adjustRelative({ items }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BigCommercePartialFailureError);
    expect((error as BigCommercePartialFailureError).completedTransactionIds).toEqual(['tx-1']);
    expect((error as BigCommercePartialFailureError).cause).toBeInstanceOf(BigCommerceRetriableError);
  });
});
