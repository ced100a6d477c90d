import { describe, expect, it } from 'vitest';
import { computeTarget, effectiveBuffer, freeStockOf } from '@/lib/sync/inventory/compute-target';
import { planPushes, type PlanRow } from '@/lib/sync/inventory/plan-pushes';

describe('computeTarget', () => {
  it('takes the store buffer and in-flight units off Whistl free stock', () => {
    expect(computeTarget({ whistlFree: 50, defaultBuffer: 2, bufferOverride: null, inFlight: 3 })).toEqual({ buffer: 2, target: 45 });
  });
  it('a per-SKU override wins over the store default (zero included)', () => {
    expect(computeTarget({ whistlFree: 50, defaultBuffer: 2, bufferOverride: 10, inFlight: 0 }).target).toBe(40);
    expect(computeTarget({ whistlFree: 50, defaultBuffer: 2, bufferOverride: 0, inFlight: 0 }).target).toBe(50);
    expect(effectiveBuffer(3, null)).toBe(3);
  });
  it('is never negative', () => {
    expect(computeTarget({ whistlFree: 4, defaultBuffer: 2, bufferOverride: null, inFlight: 5 }).target).toBe(0);
    expect(computeTarget({ whistlFree: -3, defaultBuffer: 0, bufferOverride: null, inFlight: 0 }).target).toBe(0);
  });
  it('has no target without a Whistl figure', () => {
    expect(computeTarget({ whistlFree: null, defaultBuffer: 0, bufferOverride: null, inFlight: 0 }).target).toBeNull();
  });
  it('reads the figure the store chose', () => {
    expect(freeStockOf({ level: 7, totalStockLevel: 9 }, 'LEVEL')).toBe(7);
    expect(freeStockOf({ level: 7, totalStockLevel: 9 }, 'TOTAL_STOCK_LEVEL')).toBe(9);
  });
});

const row = (i: number, over: Partial<PlanRow> = {}): PlanRow => ({
  whistlSku: `SKU${i}`, bcSku: `SKU${i}`, trackingMode: i % 2 ? 'variant' : 'product', productId: 1000 + i, variantId: 5000 + i, target: 10, lastPushed: 5, orphan: 'NONE', ...over,
});

describe('planPushes', () => {
  it('does not push targets equal to what was last pushed, nor orphans', () => {
    const plan = planPushes([row(1, { lastPushed: 10 }), row(2), row(3, { orphan: 'WHISTL_ONLY' }), row(4, { target: null })]);
    expect(plan.unchanged).toBe(1);
    expect(plan.batches.flat().map((p) => p.whistlSku)).toEqual(['SKU2']);
  });
  it('uses the identifier the tracking mode needs', () => {
    const [variant, product] = planPushes([row(1), row(2)]).batches.flat();
    expect(variant?.item).toEqual({ locationId: 1, quantity: 10, variantId: 5001 });
    expect(product?.item).toEqual({ locationId: 1, quantity: 10, productId: 1002 });
  });
  it('blocks items whose tracking mode is unknown or off', () => {
    const plan = planPushes([row(1, { trackingMode: null }), row(2, { trackingMode: 'none' })]);
    expect(plan.batches).toEqual([]);
    expect(plan.blocked).toHaveLength(2);
  });
  it('chunks 5,000 changes into 3 requests of at most 2,000', () => {
    const plan = planPushes(Array.from({ length: 5000 }, (_, i) => row(i)));
    expect(plan.batches.map((b) => b.length)).toEqual([2000, 2000, 1000]);
    expect(plan.changed).toBe(5000);
  });
});
