import { beforeAll, describe, expect, it } from 'vitest';
import { POST as ignorePOST } from '@/app/api/exceptions/[id]/ignore/route';
import { POST as retryPOST } from '@/app/api/exceptions/retry/route';
import { GET as listGET } from '@/app/api/exceptions/route';
import type { ExceptionGroup, ExceptionList } from '@/lib/sync/panel/list-exceptions';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { hoursAgo, json, seedOrder, seedStore, type SeededStore } from './panel-support';

const { db } = setupTestDatabase();
let a: SeededStore;
let b: SeededStore;

const list = (token: string, query = '') => json<ExceptionList>(panelRequest(listGET, token, `/api/exceptions${query}`));
const retry = (token: string, exceptionIds: string[]) =>
  json<{ orders: number; requeued: number }>(panelRequest(retryPOST, token, '/api/exceptions/retry', { method: 'POST', body: JSON.stringify({ exceptionIds }) }));
const ignore = (token: string, id: string, body: unknown) =>
  json<{ exception: { status: string; note: string; resolvedBy: string }; orderState: string | null; error?: string }>(
    panelRequest(ignorePOST, token, `/api/exceptions/${id}/ignore`, { method: 'POST', body: JSON.stringify(body) }, { id }),
  );
const orderIds = (groups: ExceptionGroup[]) => groups.map((g) => g.order?.bcOrderId).sort();

beforeAll(async () => {
  a = await seedStore(db(), 'panelexca');
  b = await seedStore(db(), 'panelexcb');
});

describe('GET /api/exceptions', () => {
  beforeAll(async () => {
    await seedOrder(db(), a.storeId, 101, [
      { type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:saturday courier', createdAt: hoursAgo(5) },
      { type: 'INVALID_SKU', reasonKey: 'sku:TEE-RED/L', createdAt: hoursAgo(5) },
    ]);
    await seedOrder(db(), a.storeId, 102, [{ type: 'INVALID_ADDRESS', reasonKey: 'address:zip', ownerTeam: 'CX' }]);
    await seedOrder(db(), a.storeId, 103, [{ type: 'WHISTL_REJECTED', reasonKey: 'whistl:rejected', status: 'RESOLVED' }]);
    await seedOrder(db(), b.storeId, 901, [{ type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:saturday courier' }]);
  });

  it('lists open exceptions grouped by order, every reason with its runbook, only for the session store', async () => {
    const { status, body } = await list(a.tokens.OPS);
    expect(status).toBe(200);
    expect(orderIds(body.groups)).toEqual([101, 102]);
    const first = body.groups.find((g) => g.order?.bcOrderId === 101)!;
    expect(first.order).toMatchObject({ customerName: 'Customer 101', state: 'HELD' });
    expect(first.exceptions.map((e) => e.type).sort()).toEqual(['INVALID_SKU', 'UNMAPPED_SHIPPING']);
    const shipping = first.exceptions.find((e) => e.type === 'UNMAPPED_SHIPPING')!;
    expect(shipping.runbook.fixHref).toBe('/shipping-mappings');
    expect(shipping.runbook.meaning.length).toBeGreaterThan(20);
    expect(shipping.runbook.fix.length).toBeGreaterThan(20);
    // Oldest first.
    expect(body.groups[0]?.order?.bcOrderId).toBe(101);
  });

  it('filters by type, owner, age and status', async () => {
    expect(orderIds((await list(a.tokens.OPS, '?type=INVALID_ADDRESS')).body.groups)).toEqual([102]);
    expect(orderIds((await list(a.tokens.OPS, '?owner=CX')).body.groups)).toEqual([102]);
    expect(orderIds((await list(a.tokens.OPS, '?owner=MERCHANDISING')).body.groups)).toEqual([101]);
    const old = await list(a.tokens.OPS, '?olderThanHours=4');
    expect(orderIds(old.body.groups)).toEqual([101]);
    expect(old.body.groups[0]?.exceptions).toHaveLength(2);
    expect((await list(a.tokens.OPS, '?olderThanHours=24')).body.groups).toEqual([]);
    expect(orderIds((await list(a.tokens.OPS, '?status=RESOLVED')).body.groups)).toEqual([103]);
    expect((await list(a.tokens.OPS, '?type=NOPE')).status).toBe(400);
  });

  it('exceptions without an order stand alone; fixes made on the order link to its timeline', async () => {
    const stock = await db().syncException.create({
      data: { storeId: a.storeId, type: 'STOCK_PUSH_FAILED', ownerTeam: 'OPS', reasonKey: 'stock:TEE1', message: 'Stock push failed for TEE1' },
    });
    await seedOrder(db(), a.storeId, 104, [{ type: 'WHISTL_REJECTED', reasonKey: 'whistl:rejected' }]);
    const { body } = await list(a.tokens.OPS, '?owner=OPS');
    const lone = body.groups.find((g) => g.key === stock.id)!;
    expect(lone.order).toBeNull();
    expect(lone.exceptions[0]?.runbook.fixHref).toBe('/inventory');
    const rejected = body.groups.find((g) => g.order?.bcOrderId === 104)!;
    expect(rejected.exceptions[0]?.runbook).toMatchObject({ fixHref: '/orders?q=104', fixLabel: 'Open the order' });
    // Retrying an exception with no order re-queues nothing.
    expect((await retry(a.tokens.OPS, [stock.id])).body).toEqual({ orders: 0, requeued: 0 });
    await db().syncException.deleteMany({ where: { id: { in: [stock.id, ...rejected.exceptions.map((e) => e.id)] } } });
  });

  it('roles: OPS and CX read, FINANCE cannot; CX cannot act', async () => {
    expect((await list(a.tokens.CX)).status).toBe(200);
    expect((await list(a.tokens.ADMIN)).status).toBe(200);
    expect((await list(a.tokens.FINANCE)).status).toBe(403);
    const someId = (await list(a.tokens.OPS)).body.groups[0]!.exceptions[0]!.id;
    expect((await retry(a.tokens.CX, [someId])).status).toBe(403);
    expect((await ignore(a.tokens.CX, someId, { note: 'x' })).status).toBe(403);
  });
});

describe('retry and ignore', () => {
  it('retry re-queues the order (PENDING, with a timeline event)', async () => {
    const { order, exceptions } = await seedOrder(db(), a.storeId, 201, [{ type: 'EXPORT_FAILED', reasonKey: 'export' }], { state: 'FAILED' });
    const { status, body } = await retry(a.tokens.OPS, [exceptions[0]!.id]);
    expect(status).toBe(200);
    expect(body).toEqual({ orders: 1, requeued: 1 });
    const after = await db().orderSync.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
    expect(after.state).toBe('PENDING');
    expect(after.events.map((e) => e.kind)).toEqual(['REQUEUED']);
    expect(after.events[0]?.message).toContain(a.emails.OPS);
  });

  it('bulk retry re-queues every selected order once', async () => {
    const one = await seedOrder(db(), a.storeId, 211, [
      { type: 'INVALID_SKU', reasonKey: 'sku:A/1' },
      { type: 'INVALID_SKU', reasonKey: 'sku:A/2' },
    ]);
    const two = await seedOrder(db(), a.storeId, 212, [{ type: 'INVALID_ADDRESS', reasonKey: 'address:zip' }]);
    const untouched = await seedOrder(db(), a.storeId, 213, [{ type: 'INVALID_ADDRESS', reasonKey: 'address:zip' }]);
    const ids = [...one.exceptions, ...two.exceptions].map((e) => e.id);
    expect((await retry(a.tokens.OPS, ids)).body).toEqual({ orders: 2, requeued: 2 });
    const states = await db().orderSync.findMany({ where: { id: { in: [one.order.id, two.order.id, untouched.order.id] } }, orderBy: { bcOrderId: 'asc' } });
    expect(states.map((s) => s.state)).toEqual(['PENDING', 'PENDING', 'HELD']);
    expect((await retry(a.tokens.OPS, [])).status).toBe(400);
  });

  it('ignore needs a note; the last open exception ignored sets the order aside', async () => {
    const { order, exceptions } = await seedOrder(db(), a.storeId, 221, [
      { type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:collect in person' },
      { type: 'INVALID_ADDRESS', reasonKey: 'address:zip' },
    ]);
    const [first, second] = exceptions;
    expect((await ignore(a.tokens.OPS, first!.id, {})).status).toBe(400);
    expect((await ignore(a.tokens.OPS, first!.id, { note: '   ' })).status).toBe(400);

    const once = await ignore(a.tokens.OPS, first!.id, { note: 'Customer collects it from the shop' });
    expect(once.status).toBe(200);
    expect(once.body.exception).toMatchObject({ status: 'IGNORED', note: 'Customer collects it from the shop', resolvedBy: a.emails.OPS });
    expect(once.body.orderState).toBe('HELD');
    expect((await db().orderSync.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('HELD');

    const twice = await ignore(a.tokens.OPS, second!.id, { note: 'Handled by phone' });
    expect(twice.body.orderState).toBe('IGNORED');
    const after = await db().orderSync.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
    expect(after.state).toBe('IGNORED');
    expect(after.events.map((e) => e.kind)).toEqual(['IGNORED']);
    expect(after.events[0]?.message).toContain('Handled by phone');
    expect(await db().auditLog.count({ where: { storeId: a.storeId, action: 'exception.ignore' } })).toBe(2);

    expect((await ignore(a.tokens.OPS, second!.id, { note: 'again' })).status).toBe(409);
    // Ignored exceptions leave the open queue and show under their status.
    expect(orderIds((await list(a.tokens.OPS)).body.groups)).not.toContain(221);
    expect(orderIds((await list(a.tokens.OPS, '?status=IGNORED')).body.groups)).toContain(221);
  });

  it("store A cannot retry or ignore store B's exceptions", async () => {
    const theirs = await seedOrder(db(), b.storeId, 931, [{ type: 'INVALID_SKU', reasonKey: 'sku:B/1' }]);
    const id = theirs.exceptions[0]!.id;
    expect((await retry(a.tokens.OPS, [id])).body).toEqual({ orders: 0, requeued: 0 });
    expect((await ignore(a.tokens.OPS, id, { note: 'not mine' })).status).toBe(404);
    expect((await ignore(a.tokens.OPS, 'not-a-uuid', { note: 'x' })).status).toBe(404);
    const still = await db().syncException.findUniqueOrThrow({ where: { id }, include: { orderSync: true } });
    expect(still.status).toBe('OPEN');
    expect(still.orderSync?.state).toBe('HELD');
    expect(orderIds((await list(a.tokens.OPS)).body.groups)).not.toContain(931);
  });
});
