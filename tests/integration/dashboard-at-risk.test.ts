import { describe, expect, it } from 'vitest';
import { listAtRiskOrders } from '@/lib/sync/cutoff/cutoff';
import { ORDER_STATUS } from '@/lib/whistl/statuses';
import { setupTestDatabase } from '../setup/db';
import { seedOrder, seedStore } from './panel-support';

const { db } = setupTestDatabase();

async function link(storeId: string, orderSyncId: string, whistlOrderId: number, whistlStatusId: number | null, orderAddressId = 1) {
  await db().whistlOrderLink.create({
    data: { storeId, orderSyncId, orderAddressId, orderNumber: `W${whistlOrderId}`, externalRef: `ref-${whistlOrderId}`, whistlOrderId, whistlStatusId },
  });
}

describe('listAtRiskOrders', () => {
  it('lists exceptions, unexported and unpicked orders of this store only, oldest first', async () => {
    const store = await seedStore(db(), 'risk1');
    const other = await seedStore(db(), 'risk2');
    const now = new Date('2026-07-01T10:00:00Z');
    await db().storeSettings.update({ where: { storeId: store.storeId }, data: { cutoffTime: '15:00', timeZone: 'Europe/London' } });
    await db().storeSettings.update({ where: { storeId: other.storeId }, data: { cutoffTime: '15:00' } });

    const held = await seedOrder(db(), store.storeId, 101, [{ type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:x', message: 'No courier for "Saturday"' }]);
    const pending = await seedOrder(db(), store.storeId, 102, [], { state: 'PENDING' });
    const unpicked = await seedOrder(db(), store.storeId, 103, [], { state: 'EXPORTED' });
    await link(store.storeId, unpicked.order.id, 9103, ORDER_STATUS.AWAITINGPICKING);
    const picked = await seedOrder(db(), store.storeId, 104, [], { state: 'EXPORTED' });
    await link(store.storeId, picked.order.id, 9104, ORDER_STATUS.PICKED);
    const despatched = await seedOrder(db(), store.storeId, 105, [], { state: 'EXPORTED' });
    await link(store.storeId, despatched.order.id, 9105, ORDER_STATUS.DESPATCHED);
    // Status not updated yet, but the despatch was already recorded as a write-back.
    const shipped = await seedOrder(db(), store.storeId, 106, [], { state: 'EXPORTED' });
    await link(store.storeId, shipped.order.id, 9106, ORDER_STATUS.NEW);
    await db().shipmentWriteBack.create({ data: { storeId: store.storeId, orderSyncId: shipped.order.id, whistlOrderId: 9106, orderAddressId: 1, state: 'DONE' } });
    const stuck = await seedOrder(db(), store.storeId, 107, [{ type: 'WHISTL_STUCK', reasonKey: 'stuck:9107' }], { state: 'EXPORTED' });
    await link(store.storeId, stuck.order.id, 9107, ORDER_STATUS.HOLDING);
    const unread = await seedOrder(db(), store.storeId, 108, [], { state: 'EXPORTED' });
    await link(store.storeId, unread.order.id, 9108, null);
    await seedOrder(db(), store.storeId, 109, [], { state: 'CANCELLED' });
    await seedOrder(db(), store.storeId, 110, [], { state: 'SKIPPED' });
    const cancelling = await seedOrder(db(), store.storeId, 111, [], { state: 'PENDING' });
    await db().orderSync.update({ where: { id: cancelling.order.id }, data: { cancelRequested: true } });
    const cancelledAtWhistl = await seedOrder(db(), store.storeId, 112, [], { state: 'EXPORTED' });
    await link(store.storeId, cancelledAtWhistl.order.id, 9112, ORDER_STATUS.CANCELLED);
    await seedOrder(db(), other.storeId, 201, [], { state: 'PENDING' });

    // Ages: make 102 the oldest.
    await db().orderSync.update({ where: { id: pending.order.id }, data: { bcDateCreated: new Date('2026-06-30T08:00:00Z') } });
    await db().orderSync.update({ where: { id: held.order.id }, data: { bcDateCreated: new Date('2026-07-01T07:00:00Z') } });

    const risk = await listAtRiskOrders(db(), store.storeId, now);
    const byId = Object.fromEntries(risk.map((r) => [r.bcOrderId, r]));
    expect(Object.keys(byId).map(Number).sort()).toEqual([101, 102, 103, 107, 108]);
    expect(risk[0]?.bcOrderId).toBe(102);
    expect(byId[101]).toMatchObject({ reason: 'EXCEPTION', state: 'HELD', exceptionTypes: ['UNMAPPED_SHIPPING'] });
    expect(byId[101]?.detail).toContain('Saturday');
    expect(byId[102]).toMatchObject({ reason: 'NOT_EXPORTED', state: 'PENDING' });
    expect(byId[103]).toMatchObject({ reason: 'NOT_PICKED', state: 'EXPORTED', whistlStatusIds: [ORDER_STATUS.AWAITINGPICKING] });
    expect(byId[103]?.detail).toContain('AWAITINGPICKING');
    expect(byId[107]).toMatchObject({ reason: 'EXCEPTION', state: 'EXPORTED', exceptionTypes: ['WHISTL_STUCK'] });
    expect(byId[108]).toMatchObject({ reason: 'NOT_PICKED', whistlStatusIds: [null] });
  });

  it('is empty when the store has no cutoff', async () => {
    const store = await seedStore(db(), 'risk3');
    await seedOrder(db(), store.storeId, 1, [], { state: 'PENDING' });
    expect(await listAtRiskOrders(db(), store.storeId, new Date())).toEqual([]);
  });
});
