import { beforeAll, describe, expect, it } from 'vitest';
import { GET as orderGET } from '@/app/api/orders/[id]/route';
import { GET as ordersGET } from '@/app/api/orders/route';
import type { OrderTimelineView } from '@/lib/sync/panel/get-order-timeline';
import type { OrderSearchResult } from '@/lib/sync/panel/search-orders';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { json, seedOrder, seedStore, type SeededStore } from './panel-support';

const { db } = setupTestDatabase();
let a: SeededStore;
let b: SeededStore;
let exported: string;
let theirs: string;

const search = (token: string, query: string) => json<OrderSearchResult>(panelRequest(ordersGET, token, `/api/orders${query}`));
const ids = (result: OrderSearchResult) => result.orders.map((o) => o.bcOrderId);

beforeAll(async () => {
  a = await seedStore(db(), 'panelorda');
  b = await seedStore(db(), 'panelordb');
  for (let n = 0; n < 30; n++) await seedOrder(db(), a.storeId, 1000 + n, [], { state: 'EXPORTED' });
  exported = (await seedOrder(db(), a.storeId, 5001, [], { customerName: 'Ada Lovelace', customerEmail: 'Ada.L@Example.co.uk', state: 'EXPORTED' })).order.id;
  await seedOrder(db(), a.storeId, 5002, [{ type: 'INVALID_ADDRESS', reasonKey: 'address:zip' }], { customerName: 'Grace Hopper', customerEmail: 'grace@example.com' });
  theirs = (await seedOrder(db(), b.storeId, 5003, [], { customerName: 'Ada Byron', customerEmail: 'ada@b.example' })).order.id;

  await db().whistlOrderLink.create({
    data: { storeId: a.storeId, orderSyncId: exported, orderAddressId: 11, orderNumber: '5001', externalRef: 'bc-panelorda-5001', whistlOrderId: 777, whistlStatusId: 1 },
  });
  const events = [
    { kind: 'RECEIVED', message: 'Order received from BigCommerce' },
    { kind: 'VALIDATED', message: 'All rules passed' },
    { kind: 'EXPORT_ERROR', message: 'Whistl timed out', detail: { status: 504, body: 'Gateway Timeout' } },
    { kind: 'EXPORTED', message: 'Created Whistl order 777' },
  ];
  for (const [index, event] of events.entries()) {
    await db().orderSyncEvent.create({ data: { storeId: a.storeId, orderSyncId: exported, ...event, createdAt: new Date(Date.now() - (10 - index) * 1000) } });
  }
  await db().orderSync.update({ where: { id: exported }, data: { lastError: 'Whistl timed out (504)' } });
});

describe('GET /api/orders', () => {
  it('searches by order id, customer name or email, case-insensitively, in the session store only', async () => {
    expect(ids((await search(a.tokens.CX, '?q=5001')).body)).toEqual([5001]);
    expect(ids((await search(a.tokens.CX, '?q=ada')).body)).toEqual([5001]);
    expect(ids((await search(a.tokens.CX, '?q=EXAMPLE.CO.UK')).body)).toEqual([5001]);
    expect(ids((await search(a.tokens.CX, '?q=hopper')).body)).toEqual([5002]);
    expect(ids((await search(a.tokens.CX, '?q=5003')).body)).toEqual([]);
    const held = (await search(a.tokens.OPS, '?q=grace')).body.orders[0]!;
    expect(held).toMatchObject({ state: 'HELD', openExceptions: 1 });
  });

  it('pages, newest order first, and filters by state', async () => {
    const first = (await search(a.tokens.FINANCE, '?pageSize=10')).body;
    expect(first.total).toBe(32);
    expect(ids(first)).toEqual([5002, 5001, 1029, 1028, 1027, 1026, 1025, 1024, 1023, 1022]);
    const last = (await search(a.tokens.FINANCE, '?pageSize=10&page=4')).body;
    expect(ids(last)).toEqual([1001, 1000]);
    expect(ids((await search(a.tokens.OPS, '?state=HELD')).body)).toEqual([5002]);
    expect((await search(a.tokens.OPS, '?pageSize=1000')).status).toBe(400);
    expect((await search(a.tokens.OPS, '?page=0')).status).toBe(400);
  });
});

describe('GET /api/orders/:id', () => {
  it('shows the timeline in order, the Whistl orders and the raw errors', async () => {
    const { status, body } = await json<OrderTimelineView>(panelRequest(orderGET, a.tokens.CX, `/api/orders/${exported}`, {}, { id: exported }));
    expect(status).toBe(200);
    expect(body.order).toMatchObject({ bcOrderId: 5001, state: 'EXPORTED', lastError: 'Whistl timed out (504)' });
    expect(body.events.map((e) => e.kind)).toEqual(['RECEIVED', 'VALIDATED', 'EXPORT_ERROR', 'EXPORTED']);
    expect(body.events[2]?.detail).toEqual({ status: 504, body: 'Gateway Timeout' });
    expect(body.whistlOrders).toEqual([expect.objectContaining({ orderNumber: '5001', whistlOrderId: 777, whistlStatusId: 1, whistlStatus: 'NEW' })]);
    expect(body.exceptions).toEqual([]);
  });

  it("another store's order is not found, for every role", async () => {
    for (const token of [a.tokens.ADMIN, a.tokens.CX]) {
      expect((await panelRequest(orderGET, token, `/api/orders/${theirs}`, {}, { id: theirs })).status).toBe(404);
    }
    expect((await panelRequest(orderGET, a.tokens.CX, '/api/orders/5003', {}, { id: '5003' })).status).toBe(404);
    expect((await panelRequest(orderGET, null, `/api/orders/${exported}`, {}, { id: exported })).status).toBe(401);
  });
});
