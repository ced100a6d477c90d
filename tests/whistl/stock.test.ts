import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createdId, orderInput, startHarness, type Harness } from './harness';

describe('stock levels and the UpdatedSince feed', () => {
  let h: Harness;
  let clock = 0;
  beforeEach(async () => {
    clock = Date.parse('2026-01-10T12:00:00Z');
    h = await startHarness(
      { now: () => clock },
      {
        warehouses: [
          { id: 1, name: 'Doncaster', code: 'DON' },
          { id: 2, name: 'Tamworth', code: 'TAM' },
        ],
        products: [
          { sku: 'TSHIRTBLK', stockByWarehouse: { '1': 20, '2': 5 } },
          { sku: 'MUG01', stock: 4 },
        ],
      },
    );
  });
  afterEach(async () => {
    await h.sandbox.close();
  });

  it('Level is free stock (allocations taken off); TotalStockLevel is on hand until despatch', async () => {
    const id = createdId(await h.client.createOrder(orderInput({ items: [{ sku: 'TSHIRTBLK', quantity: 3 }] })));
    expect(await h.client.getStockLevels({ warehouseId: 1, sku: 'TSHIRTBLK' })).toEqual([
      expect.objectContaining({ sku: 'TSHIRTBLK', warehouseId: 1, level: 17, totalStockLevel: 20 }),
    ]);
    h.sandbox.advanceOrder(id, 4);
    expect(await h.client.getStockLevels({ warehouseId: 1, sku: 'TSHIRTBLK' })).toEqual([
      expect.objectContaining({ level: 17, totalStockLevel: 17 }),
    ]);
  });

  it('a cancelled order gives its allocation back', async () => {
    const id = createdId(await h.client.createOrder(orderInput({ items: [{ sku: 'MUG01', quantity: 4 }] })));
    expect((await h.client.getStockLevels({ warehouseId: 1, sku: 'MUG01' }))[0]?.level).toBe(0);
    await h.client.cancelOrder(id);
    expect((await h.client.getStockLevels({ warehouseId: 1, sku: 'MUG01' }))[0]?.level).toBe(4);
  });

  it('blank WarehouseId gives one row per warehouse; WarehouseId=0 sums them', async () => {
    const perWarehouse = await h.client.getStockLevels({ sku: 'TSHIRTBLK' });
    expect(perWarehouse.map((r) => [r.warehouseId, r.level])).toEqual([
      [1, 20],
      [2, 5],
    ]);
    const summed = await h.client.getStockLevels({ warehouseId: 0, sku: 'TSHIRTBLK' });
    expect(summed.map((r) => [r.warehouseId, r.level, r.totalStockLevel])).toEqual([[0, 25, 25]]);
  });

  it('an order beyond free stock waits ONBACKORDER and becomes NEW when stock arrives', async () => {
    const id = createdId(await h.client.createOrder(orderInput({ items: [{ sku: 'MUG01', quantity: 6 }] })));
    expect((await h.client.getOrder(id))?.orderStatusId).toBe(9);
    expect((await h.client.getStockLevels({ warehouseId: 1, sku: 'MUG01' }))[0]?.level).toBe(4);
    h.sandbox.setStock(h.account.accountId, [{ sku: 'MUG01', onHand: 10 }]);
    expect((await h.client.getOrder(id))?.orderStatusId).toBe(1);
    expect((await h.client.getStockLevels({ warehouseId: 1, sku: 'MUG01' }))[0]).toMatchObject({ level: 4, totalStockLevel: 10 });
  });

  it('UpdatedSince returns only rows whose stock changed since the date (UK local on the wire)', async () => {
    const before = new Date(clock);
    clock += 5 * 60_000;
    const after = new Date(clock);
    expect((await h.client.getStockUpdatedSince(after)).map((r) => r.sku)).toEqual([]);

    h.sandbox.setStock(h.account.accountId, [{ sku: 'MUG01', onHand: 9 }]);
    const changed = await h.client.getStockUpdatedSince(after);
    expect(changed).toEqual([expect.objectContaining({ sku: 'MUG01', warehouseId: 1, level: 9, totalStockLevel: 9 })]);
    expect(changed[0]?.lastUpdated?.toISOString()).toBe(after.toISOString());

    clock += 60_000;
    await h.client.createOrder(orderInput({ items: [{ sku: 'TSHIRTBLK', quantity: 1 }], warehouseId: 2 }));
    const sinceOrder = await h.client.getStockUpdatedSince(new Date(clock));
    expect(sinceOrder.map((r) => [r.sku, r.warehouseId, r.level])).toEqual([['TSHIRTBLK', 2, 4]]);
    expect((await h.client.getStockUpdatedSince(before)).length).toBe(3);
  });

  it('the FromDate sent is UK local time (GMT in January)', async () => {
    const urls: string[] = [];
    const spy: typeof fetch = (url, init) => {
      urls.push(String(url));
      return fetch(url, init);
    };
    await h.makeClient({ fetch: spy }).getStockUpdatedSince(new Date('2026-01-10T12:00:00Z'));
    await h.makeClient({ fetch: spy }).getStockUpdatedSince(new Date('2026-06-10T12:00:00Z'));
    expect(urls.map((u) => new URL(u).searchParams.get('FromDate'))).toEqual(['2026-01-10T12:00:00', '2026-06-10T13:00:00']);
  });

  it('a missing FromDate is a 400', async () => {
    const response = await fetch(`${h.sandbox.url}/api/Product/StockLevels/UpdatedSince`, {
      headers: { 'ms-apikey': h.account.apiKeys[0] ?? '' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ Message: 'FromDate is required' });
  });
});
