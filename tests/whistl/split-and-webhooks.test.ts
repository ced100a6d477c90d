import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createdId, orderInput, startHarness, type Harness } from './harness';
import { startReceiver } from './webhook-receiver';

describe('split despatch and ConnectAction webhooks', () => {
  let h: Harness;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    h = await startHarness();
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await h.sandbox.close();
    await receiver.close();
  });

  const hooks = () => ({
    despatched: `${receiver.url}/whistl/despatched?secret=s3cret`,
    cancelled: `${receiver.url}/whistl/cancelled?secret=s3cret`,
    split: `${receiver.url}/whistl/split?secret=s3cret`,
  });

  it('POSTs the GET /api/Order/{id} JSON to the despatched URL registered at creation', async () => {
    const id = createdId(await h.client.createOrder(orderInput({ connectAction: hooks() })));
    h.sandbox.advanceOrder(id, 4);
    await h.sandbox.flushWebhooks();
    expect(receiver.received.map((r) => r.path)).toEqual(['/whistl/despatched?secret=s3cret']);
    const viaGet = await fetch(`${h.sandbox.url}/api/Order/${id}`, { headers: { 'ms-apikey': h.account.apiKeys[0] ?? '' } });
    expect(receiver.received[0]?.body).toEqual(await viaGet.json());
    expect(receiver.received[0]?.body).toMatchObject({ ID: id, OrderStatusId: 4, TrackingNumber: expect.stringMatching(/^WT/) });
    expect(h.sandbox.webhookDeliveries()).toEqual([expect.objectContaining({ event: 'despatched', orderId: id, outcome: 'delivered', status: 200 })]);
  });

  it('fires the delivered URL (ExtraCode3) when the carrier reports delivery', async () => {
    const id = createdId(await h.client.createOrder(orderInput({ connectAction: { delivered: `${receiver.url}/whistl/delivered` } })));
    expect(() => h.sandbox.markDelivered(id)).toThrow(/not despatched/);
    h.sandbox.advanceOrder(id, 4);
    h.sandbox.markDelivered(id);
    await h.sandbox.flushWebhooks();
    expect(receiver.received.map((r) => [r.path, r.body.ID])).toEqual([['/whistl/delivered', id]]);
  });

  it('registers later via PUT /api/Order/{id}/ConnectActions and fires on cancel', async () => {
    const id = createdId(await h.client.createOrder(orderInput()));
    await h.client.setConnectActions(id, hooks());
    await h.client.cancelOrder(id);
    await h.sandbox.flushWebhooks();
    expect(receiver.received).toEqual([
      { path: '/whistl/cancelled?secret=s3cret', body: expect.objectContaining({ ID: id, OrderStatusId: 3 }) },
    ]);
  });

  it('refuses a ConnectAction that is not a WEBHOOK', async () => {
    const id = createdId(await h.client.createOrder(orderInput()));
    const response = await fetch(`${h.sandbox.url}/api/Order/${id}/ConnectActions`, {
      method: 'PUT',
      headers: { 'ms-apikey': h.account.apiKeys[0] ?? '', 'content-type': 'application/json' },
      body: JSON.stringify({ Type: 'EMAIL', ExtraCode1: 'x' }),
    });
    expect(await response.json()).toEqual({ Success: false, Message: "ConnectAction Type 'EMAIL' is not supported" });
  });

  it('dropped webhooks are recorded but never arrive (polling is the backstop)', async () => {
    h.sandbox.setFaults({ dropWebhooks: { count: 1 } });
    const id = createdId(await h.client.createOrder(orderInput({ connectAction: hooks() })));
    h.sandbox.advanceOrder(id, 4);
    await h.sandbox.flushWebhooks();
    expect(receiver.received).toEqual([]);
    expect(h.sandbox.webhookDeliveries()[0]).toMatchObject({ event: 'despatched', outcome: 'dropped' });
    const since = await h.client.listOrders({ sinceDespatchDate: new Date(Date.now() - 60_000) });
    expect(since.items.map((o) => o.id)).toEqual([id]);
  });

  it('splits an order into parts, each its own order with its own tracking number', async () => {
    const input = orderInput({
      items: [
        { sku: 'TSHIRTBLK', quantity: 2 },
        { sku: 'MUG01', quantity: 1 },
      ],
      connectAction: hooks(),
    });
    const id = createdId(await h.client.createOrder(input));
    const parts = h.sandbox.despatchInParts(id, {
      parts: [{ items: [{ sku: 'TSHIRTBLK', quantity: 2 }] }, { items: [{ sku: 'MUG01', quantity: 1 }] }],
    });
    expect(parts.map((p) => [p.part, p.numberOfParts, p.statusId])).toEqual([
      [1, 2, 4],
      [2, 2, 4],
    ]);
    expect(parts[0]?.id).toBe(id);

    const found = await h.client.searchOrdersByNumber(input.orderNumber);
    expect(found).toHaveLength(2);
    const tracking = found.map((o) => o.trackingNumber);
    expect(new Set(tracking).size).toBe(2);
    expect(found.map((o) => [o.part, o.numberOfParts, o.externalOrderReference])).toEqual([
      [1, 2, input.externalOrderReference],
      [2, 2, input.externalOrderReference],
    ]);
    expect(found.map((o) => o.items.map((i) => `${i.sku}x${i.quantity}`))).toEqual([['TSHIRTBLKx2'], ['MUG01x1']]);

    await h.sandbox.flushWebhooks();
    expect(receiver.received.map((r) => `${r.path.split('?')[0]} ${String(r.body.ID)}/${String(r.body.Part)}`)).toEqual([
      `/whistl/split ${id}/1`,
      `/whistl/despatched ${id}/1`,
      `/whistl/despatched ${found[1]?.id}/2`,
    ]);
    expect(await h.client.getStockLevels({ warehouseId: 1, sku: 'MUG01' })).toEqual([
      expect.objectContaining({ level: 9, totalStockLevel: 9 }),
    ]);
  });

  it('despatches parts one at a time when asked (a partial shipment)', async () => {
    const input = orderInput({ items: [{ sku: 'TSHIRTBLK', quantity: 3 }] });
    const id = createdId(await h.client.createOrder(input));
    const parts = h.sandbox.despatchInParts(id, { parts: 3, despatchParts: [1] });
    expect(parts.map((p) => p.statusId)).toEqual([4, 1, 1]);
    const later = parts[2]?.id ?? 0;
    h.sandbox.advanceOrder(later, 4);
    const despatched = (await h.client.listOrders({ orderStatusId: 4 })).items;
    expect(despatched.map((o) => [o.part, o.numberOfParts])).toEqual([
      [1, 3],
      [3, 3],
    ]);
  });
});
