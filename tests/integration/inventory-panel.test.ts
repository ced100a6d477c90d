import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as cronGET } from '@/app/api/cron/inventory/route';
import { GET as listGET } from '@/app/api/inventory/route';
import { PUT as buffersPUT } from '@/app/api/inventory/buffers/route';
import { GET as settingsGET, PUT as settingsPUT } from '@/app/api/inventory/settings/route';
import { createSession } from '@/lib/auth/session';
import type { AppRole } from '@/lib/db/types';
import type { InventoryListView } from '@/lib/sync/inventory/list-inventory';
import { setupTestDatabase } from '../setup/db';

const { db } = setupTestDatabase();
const APP = 'http://localhost:3000';
const ROLES: AppRole[] = ['ADMIN', 'OPS', 'CX', 'FINANCE'];

async function seedStore(hash: string) {
  const store = await db().store.create({ data: { hash } });
  await db().storeSettings.create({ data: { storeId: store.id, defaultStockBuffer: 2 } });
  const tokens = {} as Record<AppRole, string>;
  for (const role of ROLES) {
    const user = await db().user.create({ data: { bcUserId: randomInt(1_000_000, 2_000_000_000), email: `${role.toLowerCase()}@${hash}.test` } });
    await db().storeUser.create({ data: { storeId: store.id, userId: user.id, role } });
    tokens[role] = await createSession(db(), { storeId: store.id, userId: user.id }, process.env.SESSION_SECRET!);
  }
  return { storeId: store.id, tokens };
}

function call(handler: (r: Request) => Promise<Response>, token: string | null, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (init.body) headers.set('content-type', 'application/json');
  return handler(new Request(`${APP}${path}`, { ...init, headers }));
}

let a: Awaited<ReturnType<typeof seedStore>>;
let b: Awaited<ReturnType<typeof seedStore>>;

beforeAll(async () => {
  a = await seedStore('invpanela');
  b = await seedStore('invpanelb');
  const startedAt = new Date(Date.now() - 60_000);
  await db().inventoryRun.create({ data: { storeId: a.storeId, kind: 'delta', startedAt, finishedAt: new Date(), ok: true, read: 4, changed: 1, pushed: 1, requests: 1, lagMs: 1200 } });
  const row = { storeId: a.storeId, trackingMode: 'variant', bcProductId: 1 };
  await db().inventorySku.createMany({
    data: [
      { ...row, whistlSku: 'PUSHED1', bcSku: 'PUSHED1', bcVariantId: 11, whistlFree: 10, target: 8, lastPushed: 8, pushedAt: new Date() },
      { ...row, whistlSku: 'OLD1', bcSku: 'OLD1', bcVariantId: 12, whistlFree: 10, target: 8, lastPushed: 8, pushedAt: new Date(Date.now() - 3_600_000) },
      { ...row, whistlSku: 'FAIL1', bcSku: 'FAIL1', bcVariantId: 13, whistlFree: 5, target: 3, lastPushed: 1, lastError: 'rejected' },
      { ...row, whistlSku: 'OVER1', bcSku: 'OVER1', bcVariantId: 14, whistlFree: 9, bufferOverride: 4, target: 5, lastPushed: 5, pushedAt: new Date(Date.now() - 3_600_000) },
      { storeId: a.storeId, whistlSku: 'ORPHAN1', whistlFree: 3, orphan: 'WHISTL_ONLY' },
      { storeId: b.storeId, whistlSku: 'OTHERSTORE', bcSku: 'OTHERSTORE', whistlFree: 1 },
    ],
  });
});

describe('inventory panel API', () => {
  it('lists per-SKU figures with filters, the sync lag and the last good run, scoped to the session store', async () => {
    const all = (await (await call(listGET, a.tokens.CX, '/api/inventory')).json()) as InventoryListView;
    expect(all.counts).toEqual({ all: 5, changed: 2, failed: 1, orphaned: 1, buffer: 1 });
    expect(all.items.map((i) => i.whistlSku)).not.toContain('OTHERSTORE');
    expect(all.lastGoodRun).toMatchObject({ pushed: 1, lagMs: 1200 });
    expect(all.syncLagMs).toBeGreaterThanOrEqual(60_000);
    const over = all.items.find((i) => i.whistlSku === 'OVER1');
    expect(over).toMatchObject({ buffer: 4, bufferOverride: 4 });
    expect(all.items.find((i) => i.whistlSku === 'OLD1')).toMatchObject({ buffer: 2, bufferOverride: null });

    const changed = (await (await call(listGET, a.tokens.OPS, '/api/inventory?filter=changed')).json()) as InventoryListView;
    expect(changed.items.map((i) => i.whistlSku).sort()).toEqual(['FAIL1', 'PUSHED1']);
    const orphaned = (await (await call(listGET, a.tokens.OPS, '/api/inventory?filter=orphaned')).json()) as InventoryListView;
    expect(orphaned.items.map((i) => i.whistlSku)).toEqual(['ORPHAN1']);
    const search = (await (await call(listGET, a.tokens.OPS, '/api/inventory?q=fail')).json()) as InventoryListView;
    expect(search.items.map((i) => i.whistlSku)).toEqual(['FAIL1']);
    expect((await call(listGET, a.tokens.OPS, '/api/inventory?filter=nope')).status).toBe(400);
  });

  it('reads for OPS, CX and ADMIN; not FINANCE; not without a session', async () => {
    expect((await call(listGET, a.tokens.FINANCE, '/api/inventory')).status).toBe(403);
    expect((await call(listGET, null, '/api/inventory')).status).toBe(401);
    expect((await call(listGET, a.tokens.ADMIN, '/api/inventory')).status).toBe(200);
  });

  it('buffer overrides: OPS edits (audited), CX cannot, another store\'s SKU is unknown', async () => {
    const body = JSON.stringify({ buffers: [{ whistlSku: 'OLD1', buffer: 7 }, { whistlSku: 'OVER1', buffer: null }, { whistlSku: 'OTHERSTORE', buffer: 1 }] });
    expect((await call(buffersPUT, a.tokens.CX, '/api/inventory/buffers', { method: 'PUT', body })).status).toBe(403);
    const response = await call(buffersPUT, a.tokens.OPS, '/api/inventory/buffers', { method: 'PUT', body });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ saved: 2, unknown: ['OTHERSTORE'] });
    const rows = await db().inventorySku.findMany({ where: { whistlSku: { in: ['OLD1', 'OVER1', 'OTHERSTORE'] } }, orderBy: { whistlSku: 'asc' } });
    expect(rows.map((r) => [r.whistlSku, r.bufferOverride])).toEqual([['OLD1', 7], ['OTHERSTORE', null], ['OVER1', null]]);
    expect(await db().auditLog.count({ where: { storeId: a.storeId, action: 'inventory.buffer.save' } })).toBe(2);
    const bad = await call(buffersPUT, a.tokens.OPS, '/api/inventory/buffers', { method: 'PUT', body: JSON.stringify({ buffers: [{ whistlSku: 'OLD1', buffer: -1 }] }) });
    expect(bad.status).toBe(400);
  });

  it('inventory settings: validated (minimum 1 minute), a buffer change makes the next run a full one', async () => {
    const current = await (await call(settingsGET, a.tokens.CX, '/api/inventory/settings')).json();
    expect(current).toMatchObject({ inventoryIntervalMinutes: 5, inventoryFullIntervalMinutes: 360, defaultStockBuffer: 2, stockFigure: 'LEVEL', inventorySyncEnabled: true });
    const next = { ...current, inventoryIntervalMinutes: 0 };
    expect((await call(settingsPUT, a.tokens.OPS, '/api/inventory/settings', { method: 'PUT', body: JSON.stringify(next) })).status).toBe(400);
    expect((await call(settingsPUT, a.tokens.OPS, '/api/inventory/settings', { method: 'PUT', body: JSON.stringify({ ...current, inventoryFullIntervalMinutes: 2, inventoryIntervalMinutes: 3 }) })).status).toBe(400);
    expect((await call(settingsPUT, a.tokens.CX, '/api/inventory/settings', { method: 'PUT', body: JSON.stringify(current) })).status).toBe(403);
    await db().store.update({ where: { id: a.storeId }, data: { lastFullStockSyncAt: new Date(), stockWatermark: new Date() } });
    const saved = await call(settingsPUT, a.tokens.OPS, '/api/inventory/settings', { method: 'PUT', body: JSON.stringify({ ...current, defaultStockBuffer: 3, stockFigure: 'TOTAL_STOCK_LEVEL' }) });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ defaultStockBuffer: 3, stockFigure: 'TOTAL_STOCK_LEVEL' });
    expect((await db().store.findUniqueOrThrow({ where: { id: a.storeId } })).lastFullStockSyncAt).toBeNull();
  });

  it('the cron route needs the cron secret and answers a JSON summary', async () => {
    expect((await cronGET(new Request(`${APP}/api/cron/inventory`))).status).toBe(401);
    const response = await cronGET(new Request(`${APP}/api/cron/inventory`, { headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } }));
    expect(response.status).toBe(200);
    // Neither store has Whistl connected: nothing is due.
    expect(await response.json()).toMatchObject({ job: 'inventory', ok: true, storesDue: 0, runs: [] });
  });
});
