import { afterEach, describe, expect, it } from 'vitest';
import { formatUkLocal, isDespatched } from '@/lib/whistl';
import { createdId, orderInput, startHarness, type Harness } from './harness';

const STEP = 60_000;

describe('reading orders, status progression and cancel', () => {
  let h: Harness;
  let clock = Date.parse('2026-07-01T09:00:00Z');
  afterEach(async () => {
    await h.sandbox.close();
  });

  async function start(autoAdvance = false): Promise<void> {
    clock = Date.parse('2026-07-01T09:00:00Z');
    h = await startHarness(
      { now: () => clock, autoAdvance: { enabled: autoAdvance, stepMs: STEP } },
      { products: [{ sku: 'TSHIRTBLK', stock: 1000 }, { sku: 'MUG01', stock: 1000 }] },
    );
  }

  it('searches by OrderNumber (empty array when none) and gets by id (null on 404)', async () => {
    await start();
    const input = orderInput();
    const id = createdId(await h.client.createOrder(input));
    expect(await h.client.searchOrdersByNumber('NOPE')).toEqual([]);
    expect((await h.client.searchOrdersByNumber(input.orderNumber)).map((o) => o.id)).toEqual([id]);
    expect(await h.client.getOrder(id)).toMatchObject({ id, orderStatusId: 1, orderStatus: 'NEW', part: 1, numberOfParts: 1 });
    expect(await h.client.getOrder(999_999)).toBeNull();
  });

  it('another account cannot read the order', async () => {
    await start();
    const id = createdId(await h.client.createOrder(orderInput()));
    const other = h.sandbox.createAccount({});
    expect(await h.makeClient({ apiKey: other.apiKeys[0] }).getOrder(id)).toBeNull();
  });

  it('pages List with PageNo/Limit, and the iterator walks every page', async () => {
    await start();
    const ids: number[] = [];
    for (let i = 0; i < 7; i += 1) ids.push(createdId(await h.client.createOrder(orderInput())));
    const first = await h.client.listOrders({ limit: 3 });
    expect(first).toMatchObject({ page: 1, limit: 3, hasMore: true });
    expect(first.items.map((o) => o.id)).toEqual(ids.slice(0, 3));
    expect(first.items[0]?.items).toEqual([]);
    const third = await h.client.listOrders({ limit: 3, page: 3, includeOrderItems: true });
    expect(third.items.map((o) => o.id)).toEqual(ids.slice(6));
    expect(third.hasMore).toBe(false);
    expect(third.items[0]?.items[0]).toMatchObject({ sku: 'TSHIRTBLK', quantity: 2 });

    const seen: number[] = [];
    h.sandbox.resetCallCounts();
    for await (const order of h.client.iterateOrders({ limit: 2 })) seen.push(order.id);
    expect(seen).toEqual(ids);
    expect(h.sandbox.callCounts()['GET /api/Order/List']).toBe(4);
  });

  it('never asks for more than 100 per page (Whistl caps Limit at 100)', async () => {
    await start();
    const page = await h.client.listOrders({ limit: 500 });
    expect(page.limit).toBe(100);
  });

  it('filters by status, warehouse, SinceLastUpdated and SinceDespatchDate (UK local dates on the wire)', async () => {
    await start();
    const a = createdId(await h.client.createOrder(orderInput()));
    clock += 10 * 60_000;
    const b = createdId(await h.client.createOrder(orderInput()));
    const sinceB = new Date(clock);
    clock += 10 * 60_000;
    h.sandbox.advanceOrder(a, 4);
    const despatchedAt = new Date(clock);

    expect((await h.client.listOrders({ orderStatusId: 1 })).items.map((o) => o.id)).toEqual([b]);
    expect((await h.client.listOrders({ warehouseId: 2 })).items).toEqual([]);
    expect((await h.client.listOrders({ sinceLastUpdated: sinceB })).items.map((o) => o.id)).toEqual([a, b]);
    expect((await h.client.listOrders({ sinceLastUpdated: new Date(clock + 1000) })).items).toEqual([]);
    const despatched = await h.client.listOrders({ sinceDespatchDate: despatchedAt });
    expect(despatched.items.map((o) => o.id)).toEqual([a]);
    expect(despatched.items[0]?.despatchDate?.toISOString()).toBe(despatchedAt.toISOString());
    // The same instant as a UK-local wire string is one hour ahead in July.
    expect(formatUkLocal(despatchedAt)).toBe('2026-07-01T10:20:00');
  });

  it('advances NEW -> PRINTED -> PICKED -> DESPATCHED by control call, with tracking on despatch', async () => {
    await start();
    const id = createdId(await h.client.createOrder(orderInput({ courierService: 'DPDNEXT' })));
    expect(h.sandbox.advanceOrder(id, 2)).toMatchObject({ statusId: 2, trackingNumber: null });
    expect(h.sandbox.advanceOrder(id, 17)).toMatchObject({ statusId: 17 });
    h.sandbox.advanceOrder(id, 4);
    const order = await h.client.getOrder(id);
    expect(order).toMatchObject({ orderStatusId: 4, courierServiceName: 'DPDNEXT' });
    expect(order?.trackingNumber).toMatch(/^WT\d{9}GB$/);
    expect(order?.trackingUrl).toBe(`https://track.dpd.co.uk/parcels/${order?.trackingNumber}`);
    expect(isDespatched(order?.orderStatusId ?? 0)).toBe(true);
  });

  it('advances on the clock: one step per stepMs of sandbox time', async () => {
    await start(true);
    const id = createdId(await h.client.createOrder(orderInput()));
    clock += STEP;
    expect((await h.client.getOrder(id))?.orderStatusId).toBe(2);
    clock += STEP;
    expect((await h.client.getOrder(id))?.orderStatusId).toBe(17);
    clock += 5 * STEP;
    const despatched = await h.client.getOrder(id);
    expect(despatched?.orderStatusId).toBe(4);
    // Despatched at the step's time, not when we looked.
    expect(despatched?.despatchDate?.getTime()).toBe(Date.parse('2026-07-01T09:03:00Z'));
  });

  it('advances every order of an account with one control call', async () => {
    await start();
    const ids = [createdId(await h.client.createOrder(orderInput())), createdId(await h.client.createOrder(orderInput()))];
    expect(h.sandbox.advanceAllOrders(h.account.accountId, 17)).toEqual({ moved: 2 });
    expect(h.sandbox.advanceAllOrders(h.account.accountId, 2)).toEqual({ moved: 0 });
    for (const id of ids) expect((await h.client.getOrder(id))?.orderStatusId).toBe(17);
  });

  it('cancels while NEW; refuses after PRINTED with Success:false and a message', async () => {
    await start();
    const fresh = createdId(await h.client.createOrder(orderInput()));
    expect(await h.client.cancelOrder(fresh)).toEqual({ success: true, message: `Order ${fresh} cancelled` });
    expect((await h.client.getOrder(fresh))?.orderStatusId).toBe(3);
    expect(await h.client.cancelOrder(fresh)).toEqual({ success: false, message: `Order ${fresh} is already cancelled` });

    const printed = createdId(await h.client.createOrder(orderInput()));
    h.sandbox.advanceOrder(printed, 2);
    expect(await h.client.cancelOrder(printed)).toEqual({
      success: false,
      message: `Order ${printed} cannot be cancelled because its status is PRINTED`,
    });
    expect((await h.client.getOrder(printed))?.orderStatusId).toBe(2);
  });

  it('lists the order statuses by id', async () => {
    await start();
    const statuses = await h.client.getOrderStatuses();
    expect(statuses).toHaveLength(23);
    expect(statuses.find((s) => s.id === 17)).toEqual({ id: 17, name: 'PICKED' });
  });

  it('serves courier services, warehouses and products (paged and searched)', async () => {
    await start();
    expect((await h.client.listCourierServices()).map((s) => s.name)).toEqual(['RM24', 'RM48', 'EXP', 'DPDNEXT']);
    expect(await h.client.listWarehouses()).toEqual([{ id: 1, name: 'Whistl Doncaster', code: 'DON' }]);
    const page = await h.client.listProducts({ limit: 1 });
    expect(page).toMatchObject({ hasMore: true, items: [{ sku: 'TSHIRTBLK', bundle: false }] });
    const all: string[] = [];
    for await (const product of h.client.iterateProducts({ limit: 1 })) all.push(product.sku);
    expect(all).toEqual(['TSHIRTBLK', 'MUG01']);
    expect((await h.client.searchProducts('mug')).map((p) => p.sku)).toEqual(['MUG01']);
  });
});
