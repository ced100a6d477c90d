import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/dashboard/route';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { json, seedOrder, seedStore } from './panel-support';

const { db } = setupTestDatabase();

describe('dashboard summary', () => {
  it("counts the store's own orders by state and open exceptions by type and owner", async () => {
    const store = await seedStore(db(), 'dash1');
    const other = await seedStore(db(), 'dash2');
    await seedOrder(db(), store.storeId, 1, [], { state: 'EXPORTED' });
    await db().orderSync.updateMany({ where: { storeId: store.storeId, bcOrderId: 1 }, data: { exportedAt: new Date() } });
    await seedOrder(db(), store.storeId, 2, [], { state: 'PENDING' });
    await seedOrder(db(), store.storeId, 3, [
      { type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:x' },
      { type: 'INVALID_SKU', reasonKey: 'sku:A-1' },
    ]);
    await seedOrder(db(), store.storeId, 4, [{ type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:x' }]);
    await seedOrder(db(), other.storeId, 9, [{ type: 'INVALID_ADDRESS', reasonKey: 'address:1:zip' }]);

    const { status, body } = await json<{ orders: Record<string, number>; exportedToday: number; openExceptions: Array<{ type: string; count: number; ownerTeam: string }> }>(
      panelRequest(GET, store.tokens.FINANCE, '/api/dashboard'),
    );
    expect(status).toBe(200);
    expect(body.orders).toEqual({ EXPORTED: 1, PENDING: 1, HELD: 2 });
    expect(body.exportedToday).toBe(1);
    expect(body.openExceptions.map((e) => [e.type, e.ownerTeam, e.count])).toEqual([
      ['UNMAPPED_SHIPPING', 'OPS', 2],
      ['INVALID_SKU', 'MERCHANDISING', 1],
    ]);
  });
});
