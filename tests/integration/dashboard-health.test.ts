import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/dashboard/route';
import { GET as cutoffGET, PUT as cutoffPUT } from '@/app/api/settings/cutoff/route';
import type { DashboardSummary } from '@/lib/sync/dashboard-summary';
import { ORDER_STATUS } from '@/lib/whistl/statuses';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { hoursAgo, json, seedOrder, seedStore } from './panel-support';

const { db } = setupTestDatabase();

afterEach(() => {
  vi.useRealTimers();
});

describe('dashboard health', () => {
  it('tells the truth about the store: every figure equals a count over its own rows', async () => {
    const store = await seedStore(db(), 'dh1');
    const other = await seedStore(db(), 'dh2');
    const now = new Date();
    await db().storeSettings.update({ where: { storeId: store.storeId }, data: { cutoffTime: '23:59', timeZone: 'Europe/London' } });

    const exported = await seedOrder(db(), store.storeId, 1, [], { state: 'EXPORTED' });
    await db().orderSync.update({ where: { id: exported.order.id }, data: { exportedAt: now } });
    await db().whistlOrderLink.create({ data: { storeId: store.storeId, orderSyncId: exported.order.id, orderAddressId: 1, orderNumber: 'W1', externalRef: 'dh1-1', whistlOrderId: 501, whistlStatusId: ORDER_STATUS.DESPATCHED } });
    await db().shipmentWriteBack.create({ data: { storeId: store.storeId, orderSyncId: exported.order.id, whistlOrderId: 501, orderAddressId: 1, state: 'PENDING', despatchedAt: now } });
    const old = await seedOrder(db(), store.storeId, 2, [], { state: 'EXPORTED' });
    await db().orderSync.update({ where: { id: old.order.id }, data: { exportedAt: hoursAgo(24 * 3) } });
    await db().shipmentWriteBack.create({ data: { storeId: store.storeId, orderSyncId: old.order.id, whistlOrderId: 502, orderAddressId: 1, state: 'FAILED', despatchedAt: hoursAgo(24 * 3) } });
    await seedOrder(db(), store.storeId, 3, [], { state: 'PENDING' });
    await seedOrder(db(), store.storeId, 4, [], { state: 'EXPORTING' });
    await seedOrder(db(), store.storeId, 5, [{ type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:x', createdAt: hoursAgo(5) }]);
    await seedOrder(db(), store.storeId, 6, [{ type: 'EXPORT_FAILED', reasonKey: 'export' }], { state: 'FAILED' });
    // Another store's rows must not show.
    const foreign = await seedOrder(db(), other.storeId, 9, [{ type: 'INVALID_ADDRESS', reasonKey: 'address:1:zip' }]);
    await db().orderSync.update({ where: { id: foreign.order.id }, data: { exportedAt: now } });
    await db().shipmentWriteBack.create({ data: { storeId: other.storeId, orderSyncId: foreign.order.id, whistlOrderId: 909, orderAddressId: 1, state: 'PENDING' } });
    await seedOrder(db(), other.storeId, 10, [], { state: 'PENDING' });

    await db().inventoryRun.create({ data: { storeId: store.storeId, kind: 'delta', startedAt: new Date(now.getTime() - 120_000), finishedAt: new Date(now.getTime() - 110_000), ok: true, lagMs: 45_000 } });
    await db().inventoryRun.create({ data: { storeId: other.storeId, kind: 'delta', startedAt: new Date(now.getTime() - 10_000), finishedAt: now, ok: true, lagMs: 1 } });
    await db().jobRun.create({ data: { job: 'orders', startedAt: new Date(now.getTime() - 30_000), finishedAt: new Date(now.getTime() - 29_000), ok: true } });
    await db().jobRun.create({ data: { job: 'fulfilment', startedAt: hoursAgo(1), finishedAt: hoursAgo(1), ok: true } });
    await db().jobRun.create({ data: { job: 'inventory', startedAt: hoursAgo(0.01), finishedAt: hoursAgo(0.01), ok: true } });
    await db().jobRun.create({ data: { job: 'inventory', startedAt: new Date(now.getTime() - 1000), finishedAt: now, ok: false } });

    const { status, body } = await json<DashboardSummary>(panelRequest(GET, store.tokens.CX, '/api/dashboard'));
    expect(status).toBe(200);

    // Cross-check against the database directly.
    const sid = store.storeId;
    const count = (where: object) => db().orderSync.count({ where: { storeId: sid, ...where } });
    expect(body.waitingToExport).toBe(await count({ state: { in: ['PENDING', 'EXPORTING'] } }));
    expect(body.waitingToExport).toBe(2);
    expect(body.orders).toEqual({ EXPORTED: 2, PENDING: 1, EXPORTING: 1, HELD: 1, FAILED: 1 });
    expect(body.exportedToday).toBe(1);
    expect(body.openExceptionsTotal).toBe(await db().syncException.count({ where: { storeId: sid, status: 'OPEN' } }));
    const unmapped = body.openExceptions.find((e) => e.type === 'UNMAPPED_SHIPPING');
    expect(unmapped).toMatchObject({ ownerTeam: 'OPS', count: 1 });
    expect(Math.round((now.getTime() - new Date(unmapped!.oldestAt).getTime()) / 3_600_000)).toBe(5);
    expect(body.openExceptions.some((e) => e.type === 'INVALID_ADDRESS')).toBe(false);
    expect(body.writeBacks).toMatchObject({ pending: 1, failed: 1 });
    expect(body.inventory.lastRunLagMs).toBe(45_000);
    expect(body.inventory.lagMs).toBeGreaterThanOrEqual(120_000);

    const jobs = Object.fromEntries(body.jobs.map((j) => [j.job, j]));
    expect(jobs.orders).toMatchObject({ status: 'ok', late: false, lastRunOk: true });
    expect(jobs.fulfilment).toMatchObject({ status: 'late', late: true });
    expect(jobs.inventory).toMatchObject({ status: 'failing', lastRunOk: false, late: false });
    expect(jobs.monitor).toMatchObject({ status: 'never', late: true, lastGoodAt: null });

    // Trends: 14 store-local days ending today; today's figures match the rows above.
    expect(body.trends.days).toHaveLength(14);
    const last = body.trends.days.length - 1;
    expect(body.trends.exports[last]).toBe(1);
    expect(body.trends.exports.reduce((a, b) => a + b, 0)).toBe(2);
    expect(body.trends.despatches[last]).toBe(1);
    expect(body.trends.despatches.reduce((a, b) => a + b, 0)).toBe(2);
    expect(body.trends.exceptions.reduce((a, b) => a + b, 0)).toBe(2);
    expect(body.trends.syncLagMs[last]).toBe(45_000);

    // Cutoff at 23:59 London: every unfinished order of this store is at risk, nothing of the other.
    expect(body.cutoff.cutoffTime).toBe('23:59');
    expect(body.cutoff.msLeft).toBeGreaterThan(0);
    expect(body.cutoff.atRisk.map((o) => o.bcOrderId).sort()).toEqual([3, 4, 5, 6]);
    expect(body.cutoff.atRiskByReason).toEqual({ EXCEPTION: 2, NOT_EXPORTED: 2, NOT_PICKED: 0 });
  });

  it('counts "today" in the store time zone', async () => {
    vi.useFakeTimers({ now: new Date('2026-07-01T23:30:00Z'), toFake: ['Date'] });
    const store = await seedStore(db(), 'dh3');
    // 23:30 UTC on 1 July is 00:30 on 2 July in London: exported 23:10 UTC (00:10 BST) is today,
    // exported 22:50 UTC (23:50 BST on 1 July) is yesterday.
    const a = await seedOrder(db(), store.storeId, 1, [], { state: 'EXPORTED' });
    await db().orderSync.update({ where: { id: a.order.id }, data: { exportedAt: new Date('2026-07-01T23:10:00Z') } });
    const b = await seedOrder(db(), store.storeId, 2, [], { state: 'EXPORTED' });
    await db().orderSync.update({ where: { id: b.order.id }, data: { exportedAt: new Date('2026-07-01T22:50:00Z') } });
    const { body } = await json<DashboardSummary>(panelRequest(GET, store.tokens.ADMIN, '/api/dashboard'));
    expect(body.today).toBe('2026-07-02');
    expect(body.exportedToday).toBe(1);
    expect(body.trends.exports.slice(-2)).toEqual([1, 1]);

    await db().storeSettings.update({ where: { storeId: store.storeId }, data: { timeZone: 'UTC' } });
    const utc = await json<DashboardSummary>(panelRequest(GET, store.tokens.ADMIN, '/api/dashboard'));
    expect(utc.body.today).toBe('2026-07-01');
    expect(utc.body.exportedToday).toBe(2);
  });

  it('cutoff settings: everyone reads, admin and ops save (audited), bad values are a 400', async () => {
    const store = await seedStore(db(), 'dh4');
    const read = await json<{ cutoffTime: string | null; timeZone: string }>(panelRequest(cutoffGET, store.tokens.FINANCE, '/api/settings/cutoff'));
    expect(read.body).toMatchObject({ cutoffTime: null, timeZone: 'Europe/London' });

    const put = (token: string, body: unknown) => panelRequest(cutoffPUT, token, '/api/settings/cutoff', { method: 'PUT', body: JSON.stringify(body) });
    expect((await put(store.tokens.CX, { cutoffTime: '15:00', timeZone: 'Europe/London' })).status).toBe(403);
    expect((await put(store.tokens.FINANCE, { cutoffTime: '15:00', timeZone: 'Europe/London' })).status).toBe(403);
    const bad = await json<{ details: Array<{ field: string }> }>(put(store.tokens.ADMIN, { cutoffTime: '25:00', timeZone: 'Mars/Base' }));
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d) => d.field).sort()).toEqual(['cutoffTime', 'timeZone']);

    const saved = await json<{ cutoffTime: string; timeZone: string; nextCutoffAt: string }>(put(store.tokens.OPS, { cutoffTime: '16:30', timeZone: 'Europe/Dublin' }));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ cutoffTime: '16:30', timeZone: 'Europe/Dublin' });
    expect(new Date(saved.body.nextCutoffAt).getTime()).toBeGreaterThan(Date.now());
    const audit = await db().auditLog.findFirst({ where: { storeId: store.storeId, action: 'cutoff-settings.save' } });
    expect(audit?.actorEmail).toBe(store.emails.OPS);

    const cleared = await json<{ cutoffTime: string | null; nextCutoffAt: string | null }>(put(store.tokens.ADMIN, { cutoffTime: null, timeZone: 'Europe/London' }));
    expect(cleared.body).toMatchObject({ cutoffTime: null, nextCutoffAt: null });
  });
});
