import { describe, expect, it } from 'vitest';
import { GET, PUT } from '@/app/api/settings/export/route';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { json, seedOrder, seedStore } from './panel-support';

const { db } = setupTestDatabase();

const put = (token: string, body: unknown) => panelRequest(PUT, token, '/api/settings/export', { method: 'PUT', body: JSON.stringify(body) });
const valid = { exportStatusIds: [11, 9], holdMinutes: 15, orderNumberFormat: 'BC-{orderId}', exceptionOwners: { INVALID_ADDRESS: 'OPS' } };

describe('order export settings', () => {
  it('defaults to Awaiting Fulfillment, no hold, the plain order id and built-in owners', async () => {
    const store = await seedStore(db(), 'expset1');
    const { status, body } = await json<Record<string, unknown>>(panelRequest(GET, store.tokens.CX, '/api/settings/export'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ exportStatusIds: [11], holdMinutes: 0, orderNumberFormat: '{orderId}', owners: { UNMAPPED_SHIPPING: 'OPS', INVALID_ADDRESS: 'CX' } });
  });

  it('an admin saves them: audited, open exceptions re-owned, skipped orders in a new status re-queued', async () => {
    const store = await seedStore(db(), 'expset2');
    const { order: skipped } = await seedOrder(db(), store.storeId, 501, [], { state: 'SKIPPED' });
    await db().orderSync.update({ where: { id: skipped.id }, data: { bcStatusId: 9 } });
    const { order: other } = await seedOrder(db(), store.storeId, 502, [], { state: 'SKIPPED' });
    await db().orderSync.update({ where: { id: other.id }, data: { bcStatusId: 1 } });
    await seedOrder(db(), store.storeId, 503, [{ type: 'INVALID_ADDRESS', reasonKey: 'address:1:zip' }]);

    const saved = await json<Record<string, unknown>>(put(store.tokens.ADMIN, valid));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ exportStatusIds: [9, 11], holdMinutes: 15, orderNumberFormat: 'BC-{orderId}' });

    const audit = await db().auditLog.findFirstOrThrow({ where: { storeId: store.storeId, action: 'export-settings.save' } });
    expect(audit.actorEmail).toBe(store.emails.ADMIN);
    expect(audit.before).toMatchObject({ exportStatusIds: [11] });
    expect((await db().orderSync.findUniqueOrThrow({ where: { id: skipped.id } })).state).toBe('PENDING');
    expect((await db().orderSync.findUniqueOrThrow({ where: { id: other.id } })).state).toBe('SKIPPED');
    expect((await db().syncException.findFirstOrThrow({ where: { storeId: store.storeId, type: 'INVALID_ADDRESS' } })).ownerTeam).toBe('OPS');
  });

  it('refuses unsafe or malformed settings with the reason, and non-admins', async () => {
    const store = await seedStore(db(), 'expset3');
    const cancelled = await json<{ details: Array<{ message: string }> }>(put(store.tokens.ADMIN, { ...valid, exportStatusIds: [5] }));
    expect(cancelled.status).toBe(400);
    expect(cancelled.body.details[0]?.message).toMatch(/cannot trigger export/);
    expect((await json(put(store.tokens.ADMIN, { ...valid, orderNumberFormat: 'ORDER' }))).status).toBe(400);
    expect((await json(put(store.tokens.ADMIN, { ...valid, holdMinutes: -5 }))).status).toBe(400);
    expect((await json(put(store.tokens.ADMIN, { ...valid, exceptionOwners: { INVALID_ADDRESS: 'NOBODY' } }))).status).toBe(400);
    expect((await json(put(store.tokens.OPS, valid))).status).toBe(403);
    expect((await db().storeSettings.findUniqueOrThrow({ where: { storeId: store.storeId } })).exportStatusIds).toEqual([11]);
  });
});
