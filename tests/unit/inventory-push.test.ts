import { describe, expect, it } from 'vitest';
import { BigCommerceValidationError } from '@/lib/bigcommerce/api/errors';
import type { InventoryAdjustmentInput } from '@/lib/bigcommerce/api/types';
import type { PlannedPush } from '@/lib/sync/inventory/plan-pushes';
import { failingItems, pushAdjustments } from '@/lib/sync/inventory/push-adjustments';
import { inventoryRunDue } from '@/lib/sync/inventory/run-inventory-sync';

const push = (i: number): PlannedPush => ({ whistlSku: `S${i}`, target: i, item: { locationId: 1, quantity: i, variantId: 100 + i } });
const rejection = (title: string, errors: Record<string, string> = {}) =>
  new BigCommerceValidationError({ status: 422, method: 'PUT', path: '/v3/inventory/adjustments/absolute', details: { title, type: undefined, errors } });

describe('failingItems', () => {
  it('reads "Item with <identifier>" sentences of the title', () => {
    const failing = failingItems(rejection('[Item with variant_id 102 is tracked by product, please update stock by product id, Item with variant_id 104 not found]'), [push(1), push(2), push(3), push(4)]);
    expect([...failing.keys()]).toEqual([1, 3]);
  });
  it('reads items.<index> field errors', () => {
    expect([...failingItems(rejection('JSON data is missing or invalid', { 'items.2.quantity': 'bad' }), [push(1), push(2), push(3)]).keys()]).toEqual([2]);
  });
});

describe('pushAdjustments', () => {
  it('retries a rejected batch without the named items; the rest are pushed', async () => {
    const sent: InventoryAdjustmentInput[] = [];
    const inventory = {
      async setAbsolute(input: InventoryAdjustmentInput) {
        sent.push(input);
        if (input.items.some((item) => item.variantId === 102)) throw rejection('[Item with variant_id 102 is tracked by product, please update stock by product id]');
        return { transactionIds: ['t'] };
      },
    };
    const outcome = await pushAdjustments(inventory, [[push(1), push(2), push(3)], [push(4)]]);
    expect(outcome.requests).toBe(3);
    expect(outcome.pushed.map((p) => p.whistlSku)).toEqual(['S1', 'S3', 'S4']);
    expect(outcome.failed.map((f) => f.push.whistlSku)).toEqual(['S2']);
    expect(sent[1]?.items).toHaveLength(2);
  });
  it('an outage stops further batches and fails their items without sending them', async () => {
    let calls = 0;
    const inventory = {
      async setAbsolute(): Promise<{ transactionIds: string[] }> {
        calls += 1;
        throw new Error('socket hang up');
      },
    };
    const outcome = await pushAdjustments(inventory, [[push(1)], [push(2)]]);
    expect(calls).toBe(1);
    expect(outcome.failed).toHaveLength(2);
    expect(outcome.stoppedBy).toMatch(/socket hang up/);
  });
});

describe('inventoryRunDue', () => {
  const settings = { inventoryIntervalMinutes: 5, inventoryFullIntervalMinutes: 360 };
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  it('first run is full; then delta on its interval; full on the slower one', () => {
    expect(inventoryRunDue({ stockWatermark: null, lastFullStockSyncAt: null }, settings, new Date())).toBe('full');
    expect(inventoryRunDue({ stockWatermark: at(2), lastFullStockSyncAt: at(2) }, settings, new Date())).toBeNull();
    expect(inventoryRunDue({ stockWatermark: at(5), lastFullStockSyncAt: at(60) }, settings, new Date())).toBe('delta');
    expect(inventoryRunDue({ stockWatermark: at(1), lastFullStockSyncAt: at(361) }, settings, new Date())).toBe('full');
  });
});
