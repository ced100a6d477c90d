import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_SECRET, asRecord, recordsOf, startInstalledStore, ukAddress, type InstalledStore } from './bigcommerce-harness';

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
}

let store: InstalledStore;
let receiver: Server;
let destination: string;
let received: Received[];
let receiverStatus: number;
/** Statuses for the next deliveries, before falling back to receiverStatus. */
let statusQueue: number[];

beforeEach(async () => {
  received = [];
  receiverStatus = 200;
  statusQueue = [];
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, raw, body: asRecord(JSON.parse(raw)) });
      res.writeHead(statusQueue.shift() ?? receiverStatus).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  destination = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/bigcommerce`;
  store = await startInstalledStore({ products: [{ name: 'Mug', sku: 'MUG1' }] }, { webhookRetryDelaysMs: [20, 20] });
});

afterEach(async () => {
  await store.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function register(scope: string, headers: Record<string, string> | undefined = { 'x-app-secret': 'hook-secret-123' }) {
  const response = await store.api('POST', '/v3/hooks', { scope, destination, is_active: true, headers });
  expect(response.status).toBe(200);
  return asRecord(asRecord(response.body).data);
}

function placeOrder() {
  return store.sandbox.control.placeOrder(store.hash, { lines: [{ sku: 'MUG1', quantity: 1 }], addresses: [ukAddress()], statusId: 11 });
}

function stringHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

describe('webhook delivery', () => {
  it('delivers thin order payloads with the custom headers and a valid Standard Webhooks signature', async () => {
    await register('store/order/created');
    await register('store/order/statusUpdated');
    const order = placeOrder();
    await store.sandbox.control.idle();
    expect(received).toHaveLength(2);
    const verifier = new Webhook(Buffer.from(CLIENT_SECRET).toString('base64'));
    for (const delivery of received) {
      expect(delivery.headers['x-app-secret']).toBe('hook-secret-123');
      expect(delivery.headers['webhook-id']).toEqual(expect.any(String));
      expect(delivery.headers['webhook-timestamp']).toMatch(/^\d+$/);
      expect(() => verifier.verify(delivery.raw, stringHeaders(delivery.headers))).not.toThrow();
      expect(delivery.body).toMatchObject({
        store_id: expect.any(String),
        hash: expect.stringMatching(/^[0-9a-f]{40}$/),
        created_at: expect.any(Number),
        producer: `stores/${store.hash}`,
      });
    }
    const created = received.find((delivery) => delivery.body.scope === 'store/order/created');
    expect(created?.body.data).toEqual({ type: 'order', id: order.id });
    const status = received.find((delivery) => delivery.body.scope === 'store/order/statusUpdated');
    expect(status?.body.data).toEqual({ type: 'order', id: order.id, status: { previous_status_id: 0, new_status_id: 11 } });
    // Tampering breaks the signature.
    const tampered = received[0];
    expect(() => verifier.verify(`${tampered?.raw ?? ''} `, stringHeaders(tampered?.headers ?? {}))).toThrow();
    const wrongKey = new Webhook(Buffer.from('another-secret').toString('base64'));
    expect(() => wrongKey.verify(tampered?.raw ?? '', stringHeaders(tampered?.headers ?? {}))).toThrow();
  });

  it('fires statusUpdated and updated on status changes and shipments, archived on archive', async () => {
    await register('store/order/*');
    const order = placeOrder();
    await store.sandbox.control.idle();
    received.length = 0;
    await store.api('POST', `/v2/orders/${order.id}/shipments`, {
      order_address_id: order.addresses[0]?.id,
      tracking_number: 'RM1',
      items: [{ order_product_id: order.lines[0]?.id, quantity: 1 }],
    });
    await store.sandbox.control.idle();
    const scopes = received.map((delivery) => delivery.body.scope).sort();
    expect(scopes).toEqual(['store/order/statusUpdated', 'store/order/updated']);
    const status = received.find((delivery) => delivery.body.scope === 'store/order/statusUpdated');
    expect(asRecord(status?.body.data).status).toEqual({ previous_status_id: 11, new_status_id: 2 });
    received.length = 0;
    store.sandbox.control.archiveOrder(store.hash, order.id);
    await store.sandbox.control.idle();
    expect(received.map((delivery) => delivery.body.scope)).toEqual(['store/order/archived']);
  });

  it('does not block the request that caused the event', async () => {
    await register('store/order/statusUpdated');
    receiverStatus = 200;
    const slow = createServer((_req, res) => {
      setTimeout(() => res.writeHead(200).end(), 1_000);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/hook`;
      await store.api('POST', '/v3/hooks', { scope: 'store/order/updated', destination: slowUrl });
      const order = placeOrder();
      const started = performance.now();
      const response = await store.api('PUT', `/v2/orders/${order.id}`, { status_id: 9 });
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(500);
      await store.sandbox.control.idle();
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it('duplicate deliveries share the same hash', async () => {
    await register('store/order/created');
    store.sandbox.control.setFaults(store.hash, { duplicateWebhookRate: 1 });
    placeOrder();
    await store.sandbox.control.idle();
    expect(received).toHaveLength(2);
    expect(received[0]?.body.hash).toBe(received[1]?.body.hash);
    expect(received[0]?.raw).toBe(received[1]?.raw);
    const log = store.sandbox.control.webhookDeliveries(store.hash);
    expect(log.map((delivery) => delivery.duplicate).sort()).toEqual([false, true]);
  });

  it('dropped deliveries never arrive but are logged', async () => {
    await register('store/order/created');
    store.sandbox.control.setFaults(store.hash, { dropWebhookRate: 1 });
    placeOrder();
    await store.sandbox.control.idle();
    expect(received).toHaveLength(0);
    expect(store.sandbox.control.webhookDeliveries(store.hash)).toEqual([expect.objectContaining({ dropped: true, scope: 'store/order/created' })]);
  });

  it('retries failed deliveries with the same webhook-id, then deactivates the hook', async () => {
    const hook = await register('store/order/created');
    receiverStatus = 500;
    placeOrder();
    await expect.poll(() => received.length, { timeout: 2_000 }).toBe(3);
    const ids = new Set(received.map((delivery) => delivery.headers['webhook-id']));
    expect(ids.size).toBe(1);
    await expect
      .poll(async () => asRecord(asRecord((await store.api('GET', `/v3/hooks/${String(hook.id)}`)).body).data).is_active, { timeout: 2_000 })
      .toBe(false);
    expect(store.sandbox.control.webhookDeliveries(store.hash).map((delivery) => delivery.attempt)).toEqual([0, 1, 2]);
  });

  it('a retry that succeeds keeps the hook active', async () => {
    const hook = await register('store/order/created');
    statusQueue = [503];
    placeOrder();
    await expect.poll(() => received.length, { timeout: 2_000 }).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(2);
    expect(asRecord(asRecord((await store.api('GET', `/v3/hooks/${String(hook.id)}`)).body).data).is_active).toBe(true);
  });

  it('inactive hooks receive nothing', async () => {
    const hook = await register('store/order/created');
    await store.api('PUT', `/v3/hooks/${String(hook.id)}`, { is_active: false });
    placeOrder();
    await store.sandbox.control.idle();
    expect(received).toHaveLength(0);
  });
});

describe('/v3/hooks', () => {
  it('creates, lists, reads, updates and deletes hooks', async () => {
    const hook = await register('store/order/created');
    expect(hook).toMatchObject({ scope: 'store/order/created', destination, is_active: true, headers: { 'x-app-secret': 'hook-secret-123' }, store_hash: store.hash });
    const list = asRecord((await store.api('GET', '/v3/hooks')).body);
    expect(recordsOf(list.data)).toHaveLength(1);
    expect(asRecord(asRecord(list.meta).pagination)).toMatchObject({ total: 1 });
    const get = await store.api('GET', `/v3/hooks/${String(hook.id)}`);
    expect(asRecord(asRecord(get.body).data).id).toBe(hook.id);
    const put = await store.api('PUT', `/v3/hooks/${String(hook.id)}`, { headers: { 'x-app-secret': 'rotated' } });
    expect(asRecord(asRecord(put.body).data).headers).toEqual({ 'x-app-secret': 'rotated' });
    const del = await store.api('DELETE', `/v3/hooks/${String(hook.id)}`);
    expect(del.status).toBe(200);
    expect((await store.api('GET', `/v3/hooks/${String(hook.id)}`)).status).toBe(404);
  });

  it('refuses a second hook for the same scope and destination with 422', async () => {
    await register('store/order/created');
    const duplicate = await store.api('POST', '/v3/hooks', { scope: 'store/order/created', destination });
    expect(duplicate.status).toBe(422);
    expect(asRecord(duplicate.body)).toMatchObject({ status: 422, title: expect.stringContaining('already exists') });
    expect((await store.api('POST', '/v3/hooks', { scope: 'store/order/updated', destination })).status).toBe(200);
  });

  it('validates scope, destination and headers', async () => {
    expect((await store.api('POST', '/v3/hooks', { destination })).status).toBe(422);
    expect((await store.api('POST', '/v3/hooks', { scope: 'store/nope', destination })).status).toBe(422);
    expect((await store.api('POST', '/v3/hooks', { scope: 'store/order/created', destination: 'not a url' })).status).toBe(422);
    expect((await store.api('POST', '/v3/hooks', { scope: 'store/order/created', destination, headers: { a: 1 } })).status).toBe(422);
  });
});
