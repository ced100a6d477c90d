import { describe, expect, it } from 'vitest';
import { GET as csvGET } from '@/app/api/finance/reconciliation/csv/route';
import { GET } from '@/app/api/finance/reconciliation/route';
import type { Reconciliation } from '@/lib/sync/finance/reconcile';
import { ORDER_STATUS } from '@/lib/whistl/statuses';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { json, seedOrder, seedStore } from './panel-support';

const { db } = setupTestDatabase();

interface OrderSeed {
  bcOrderId: number;
  state?: 'PENDING' | 'HELD' | 'EXPORTED' | 'CANCELLED' | 'SKIPPED' | 'FAILED';
  bcStatusId: number | null;
  total: string | null;
  created: string;
  links?: Array<{ whistlOrderId: number; statusId: number | null; createdAt: string }>;
  shipments?: Array<{ whistlOrderId: number; despatchedAt: string; state: 'PENDING' | 'DONE' | 'FAILED'; lastError?: string }>;
  quantityDrift?: number;
}

async function order(storeId: string, seed: OrderSeed) {
  const { order: row } = await seedOrder(db(), storeId, seed.bcOrderId, [], { state: seed.state ?? 'EXPORTED' });
  await db().orderSync.update({
    where: { id: row.id },
    data: { bcStatusId: seed.bcStatusId, orderTotal: seed.total, bcDateCreated: new Date(seed.created), exportedAt: seed.links?.length ? new Date(seed.links[0]!.createdAt) : null },
  });
  for (const [i, link] of (seed.links ?? []).entries()) {
    await db().whistlOrderLink.create({
      data: { storeId, orderSyncId: row.id, orderAddressId: i + 1, orderNumber: `W${link.whistlOrderId}`, externalRef: `${storeId}-${link.whistlOrderId}`, whistlOrderId: link.whistlOrderId, whistlStatusId: link.statusId, createdAt: new Date(link.createdAt) },
    });
  }
  for (const s of seed.shipments ?? []) {
    await db().shipmentWriteBack.create({
      data: { storeId, orderSyncId: row.id, whistlOrderId: s.whistlOrderId, orderAddressId: 1, despatchedAt: new Date(s.despatchedAt), state: s.state, lastError: s.lastError ?? null },
    });
  }
  if (seed.quantityDrift) {
    await db().syncException.create({
      data: { storeId, orderSyncId: row.id, type: 'STATUS_DRIFT', ownerTeam: 'OPS', reasonKey: `drift:quantity:${seed.quantityDrift}`, message: `Whistl order ${seed.quantityDrift} despatched quantities that disagree: TEE: ordered 2, despatched 1` },
    });
  }
  return row;
}

describe('finance reconciliation', () => {
  it('reconciles the autumn change day (25 h) in London, with each mismatch by kind', async () => {
    const store = await seedStore(db(), 'fin1');
    const other = await seedStore(db(), 'fin2');
    const sid = store.storeId;
    // 2026-10-25 in London runs from 2026-10-24T23:00Z to 2026-10-26T00:00Z.
    // Sent and despatched, shipment written back: no mismatch.
    await order(sid, { bcOrderId: 1, bcStatusId: 2, total: '10.10', created: '2026-10-24T23:30:00Z', links: [{ whistlOrderId: 901, statusId: ORDER_STATUS.DESPATCHED, createdAt: '2026-10-24T23:40:00Z' }], shipments: [{ whistlOrderId: 901, despatchedAt: '2026-10-25T14:00:00Z', state: 'DONE' }] });
    // Created 23:30 GMT on the 25th: still the 25th. Held: in BigCommerce, not in Whistl.
    await order(sid, { bcOrderId: 2, state: 'HELD', bcStatusId: 11, total: '20.20', created: '2026-10-25T23:30:00Z' });
    // Despatched, write-back failed: despatched not shipped.
    await order(sid, { bcOrderId: 3, bcStatusId: 11, total: '0.30', created: '2026-10-25T09:00:00Z', links: [{ whistlOrderId: 903, statusId: ORDER_STATUS.DESPATCHED, createdAt: '2026-10-25T09:05:00Z' }], shipments: [{ whistlOrderId: 903, despatchedAt: '2026-10-25T16:00:00Z', state: 'FAILED', lastError: 'BigCommerce said 422' }] });
    // Cancelled in BigCommerce, still live at Whistl.
    await order(sid, { bcOrderId: 4, bcStatusId: 5, total: '40.00', created: '2026-10-25T10:00:00Z', links: [{ whistlOrderId: 904, statusId: ORDER_STATUS.AWAITINGPICKING, createdAt: '2026-10-25T10:05:00Z' }] });
    // Cancelled in Whistl only.
    await order(sid, { bcOrderId: 5, bcStatusId: 11, total: '=cmd|calc', created: '2026-10-25T11:00:00Z', links: [{ whistlOrderId: 905, statusId: ORDER_STATUS.CANCELLED, createdAt: '2026-10-25T11:05:00Z' }] });
    // Quantity difference found at write-back.
    await order(sid, { bcOrderId: 6, bcStatusId: 2, total: '6.00', created: '2026-10-25T12:00:00Z', links: [{ whistlOrderId: 906, statusId: ORDER_STATUS.DESPATCHED, createdAt: '2026-10-25T12:05:00Z' }], shipments: [{ whistlOrderId: 906, despatchedAt: '2026-10-25T17:00:00Z', state: 'DONE' }], quantityDrift: 906 });
    // Not counted: skipped (nothing to ship), a status that does not export, the day before and after.
    await order(sid, { bcOrderId: 7, state: 'SKIPPED', bcStatusId: 11, total: '7.00', created: '2026-10-25T12:00:00Z' });
    await order(sid, { bcOrderId: 8, state: 'SKIPPED', bcStatusId: 7, total: '8.00', created: '2026-10-25T12:00:00Z' });
    await order(sid, { bcOrderId: 9, state: 'PENDING', bcStatusId: 11, total: '9.00', created: '2026-10-24T22:59:59Z' });
    await order(sid, { bcOrderId: 10, state: 'PENDING', bcStatusId: 11, total: '10.00', created: '2026-10-26T00:00:00Z' });
    // Created the day before, despatched on the 25th: counts for Whistl despatches on the 25th only.
    await order(sid, { bcOrderId: 11, bcStatusId: 2, total: '11.00', created: '2026-10-24T12:00:00Z', links: [{ whistlOrderId: 911, statusId: ORDER_STATUS.DESPATCHED, createdAt: '2026-10-24T12:05:00Z' }], shipments: [{ whistlOrderId: 911, despatchedAt: '2026-10-25T08:00:00Z', state: 'DONE' }] });
    // Another store's order on the same day.
    await order(other.storeId, { bcOrderId: 2, state: 'HELD', bcStatusId: 11, total: '999.00', created: '2026-10-25T12:00:00Z' });

    const { status, body } = await json<Reconciliation>(panelRequest(GET, store.tokens.FINANCE, '/api/finance/reconciliation?date=2026-10-25'));
    expect(status).toBe(200);
    expect(body.timeZone).toBe('Europe/London');
    expect(body.days).toHaveLength(1);
    const day = body.days[0]!;
    expect(day.start).toBe('2026-10-24T23:00:00.000Z');
    expect(day.end).toBe('2026-10-26T00:00:00.000Z');
    // Orders 1, 2, 3, 5, 6 (4 cancelled; 7, 8 skipped; 9, 10 other days; 11 the day before).
    expect(day.bigcommerce).toMatchObject({ orders: 5, cancelled: 1, withoutTotal: 1 });
    expect(day.bigcommerce.revenue).toBe('36.60'); // 10.10 + 20.20 + 0.30 + 6.00 (order 5's total is not money)
    expect(day.sentToWhistl).toEqual({ orders: 4, revenue: '16.40' });
    expect(day.whistl).toEqual({ ordersCreated: 5, bcOrdersCreated: 5, despatched: 4, bcOrdersDespatched: 4, despatchedRevenue: '27.40' });
    expect(day.mismatches).toEqual({ IN_BC_NOT_IN_WHISTL: 1, DESPATCHED_NOT_SHIPPED: 1, CANCELLED_ONE_SIDE: 2, QUANTITY_DIFFERENCE: 1 });
    expect(body.mismatches.map((m) => [m.kind, m.bcOrderId])).toEqual([
      ['IN_BC_NOT_IN_WHISTL', 2],
      ['DESPATCHED_NOT_SHIPPED', 3],
      ['CANCELLED_ONE_SIDE', 4],
      ['CANCELLED_ONE_SIDE', 5],
      ['QUANTITY_DIFFERENCE', 6],
    ]);
    expect(body.mismatches.find((m) => m.bcOrderId === 3)?.detail).toContain('BigCommerce said 422');
    expect(body.mismatches.find((m) => m.bcOrderId === 5)?.detail).toContain('Cancelled in Whistl');

    // The same data seen from UTC: order 2 (23:30 UTC on the 25th) is still the 25th, order 1 (23:30 UTC on the 24th) is not.
    await db().storeSettings.update({ where: { storeId: sid }, data: { timeZone: 'UTC' } });
    const utc = await json<Reconciliation>(panelRequest(GET, store.tokens.OPS, '/api/finance/reconciliation?date=2026-10-25'));
    expect(utc.body.days[0]!.bigcommerce.orders).toBe(4);
    await db().storeSettings.update({ where: { storeId: sid }, data: { timeZone: 'Europe/London' } });

    // A range: one row per day.
    const range = await json<Reconciliation>(panelRequest(GET, store.tokens.ADMIN, '/api/finance/reconciliation?from=2026-10-24&to=2026-10-26'));
    expect(range.body.days.map((d) => [d.date, d.bigcommerce.orders])).toEqual([
      ['2026-10-24', 2], // orders 9 (23:59:59 BST) and 11
      ['2026-10-25', 5],
      ['2026-10-26', 1],
    ]);

    // CSV: an attachment, escaped, formulas defused.
    const res = await panelRequest(csvGET, store.tokens.FINANCE, '/api/finance/reconciliation/csv?date=2026-10-25');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="whistl-reconciliation-mismatches-fin1-2026-10-25.csv"');
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('date,kind,kind_label,bc_order_id,connector_state,bc_status,whistl_orders,order_total,detail');
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.includes(',5,'))).toContain(",'=cmd|calc,");
    expect(text).not.toMatch(/,=/);
    const days = await panelRequest(csvGET, store.tokens.OPS, '/api/finance/reconciliation/csv?from=2026-10-24&to=2026-10-26&report=days');
    expect(days.headers.get('content-disposition')).toContain('whistl-reconciliation-days-fin1-2026-10-24_to_2026-10-26.csv');
    expect((await days.text()).trimEnd().split('\r\n')).toHaveLength(4);
  });

  it('refuses customer service (403) and bad ranges (400)', async () => {
    const store = await seedStore(db(), 'fin3');
    expect((await panelRequest(GET, store.tokens.CX, '/api/finance/reconciliation')).status).toBe(403);
    expect((await panelRequest(csvGET, store.tokens.CX, '/api/finance/reconciliation/csv')).status).toBe(403);
    expect((await panelRequest(GET, null, '/api/finance/reconciliation')).status).toBe(401);
    for (const role of ['ADMIN', 'OPS', 'FINANCE'] as const) expect((await panelRequest(GET, store.tokens[role], '/api/finance/reconciliation')).status).toBe(200);
    expect((await panelRequest(GET, store.tokens.FINANCE, '/api/finance/reconciliation?date=2026-02-30')).status).toBe(400);
    expect((await panelRequest(GET, store.tokens.FINANCE, '/api/finance/reconciliation?from=2026-03-02&to=2026-03-01')).status).toBe(400);
    expect((await panelRequest(GET, store.tokens.FINANCE, '/api/finance/reconciliation?from=2025-01-01&to=2026-01-01')).status).toBe(400);
    expect((await panelRequest(csvGET, store.tokens.FINANCE, '/api/finance/reconciliation/csv?report=everything')).status).toBe(400);
    expect((await panelRequest(GET, store.tokens.FINANCE, '/api/finance/reconciliation?storeId=x')).status).toBe(400);
  });

  it('counts the spring change day (23 h) without losing orders at its edges', async () => {
    const store = await seedStore(db(), 'fin4');
    // 2026-03-29 in London: 00:00Z (00:00 GMT) to 23:00Z (00:00 BST on the 30th).
    await order(store.storeId, { bcOrderId: 1, state: 'PENDING', bcStatusId: 11, total: '1.00', created: '2026-03-29T00:00:00Z' });
    await order(store.storeId, { bcOrderId: 2, state: 'PENDING', bcStatusId: 11, total: '2.00', created: '2026-03-29T22:59:59Z' });
    await order(store.storeId, { bcOrderId: 3, state: 'PENDING', bcStatusId: 11, total: '3.00', created: '2026-03-29T23:00:00Z' });
    const { body } = await json<Reconciliation>(panelRequest(GET, store.tokens.FINANCE, '/api/finance/reconciliation?from=2026-03-29&to=2026-03-30'));
    expect(body.days.map((d) => [d.date, d.bigcommerce.orders, d.bigcommerce.revenue])).toEqual([
      ['2026-03-29', 2, '3.00'],
      ['2026-03-30', 1, '3.00'],
    ]);
    expect(body.mismatches.map((m) => [m.day, m.bcOrderId, m.kind])).toEqual([
      ['2026-03-29', 1, 'IN_BC_NOT_IN_WHISTL'],
      ['2026-03-29', 2, 'IN_BC_NOT_IN_WHISTL'],
      ['2026-03-30', 3, 'IN_BC_NOT_IN_WHISTL'],
    ]);
  });
});
