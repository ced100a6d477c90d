import { describe, expect, it } from 'vitest';
import { ExceptionType } from '@/lib/generated/prisma/enums';
import { DEFAULT_EXCEPTION_OWNERS, ownerFor, ownerOverridesSchema, parseOwnerOverrides, RUNBOOK } from '@/lib/sync/rules';

describe('exception owners', () => {
  it('has the agreed defaults for every type', () => {
    expect(DEFAULT_EXCEPTION_OWNERS).toEqual({
      UNMAPPED_SHIPPING: 'OPS',
      INVALID_SKU: 'MERCHANDISING',
      MISSING_SKU: 'MERCHANDISING',
      INVALID_ADDRESS: 'CX',
      WHISTL_REJECTED: 'OPS',
      EXPORT_FAILED: 'OPS',
      CANCEL_FAILED: 'OPS',
      WHISTL_STUCK: 'OPS',
      STATUS_DRIFT: 'CX',
      WRITEBACK_FAILED: 'OPS',
      STOCK_PUSH_FAILED: 'MERCHANDISING',
    });
  });

  it.each([undefined, null, 'OPS', 42, ['CX'], true])('falls back to defaults for overrides %j', (overrides) => {
    for (const type of Object.values(ExceptionType)) {
      expect(ownerFor(type, overrides)).toBe(DEFAULT_EXCEPTION_OWNERS[type]);
    }
  });

  it('applies a valid override for its type only', () => {
    const overrides = { INVALID_ADDRESS: 'OPS', EXPORT_FAILED: 'FINANCE' };
    expect(ownerFor('INVALID_ADDRESS', overrides)).toBe('OPS');
    expect(ownerFor('EXPORT_FAILED', overrides)).toBe('FINANCE');
    expect(ownerFor('INVALID_SKU', overrides)).toBe('MERCHANDISING');
  });

  it('drops invalid entries but keeps the valid ones', () => {
    const overrides = { INVALID_SKU: 'WAREHOUSE', MISSING_SKU: 3, UNMAPPED_SHIPPING: ' cx ', NOT_A_TYPE: 'OPS' };
    expect(parseOwnerOverrides(overrides)).toEqual({ UNMAPPED_SHIPPING: 'CX' });
    expect(ownerFor('INVALID_SKU', overrides)).toBe('MERCHANDISING');
    expect(ownerFor('UNMAPPED_SHIPPING', overrides)).toBe('CX');
  });

  it('ignores inherited properties', () => {
    const overrides = Object.create({ INVALID_ADDRESS: 'FINANCE' }) as object;
    expect(ownerFor('INVALID_ADDRESS', overrides)).toBe('CX');
  });

  it('offers a strict schema for saving', () => {
    expect(ownerOverridesSchema.safeParse({ INVALID_ADDRESS: 'OPS' }).success).toBe(true);
    expect(ownerOverridesSchema.safeParse({ INVALID_ADDRESS: 'ops' }).success).toBe(false);
    expect(ownerOverridesSchema.safeParse({ NOT_A_TYPE: 'OPS' }).success).toBe(false);
  });
});

describe('runbook', () => {
  it('explains every exception type and points at a panel page', () => {
    for (const type of Object.values(ExceptionType)) {
      const entry = RUNBOOK[type];
      expect(entry.title.length).toBeGreaterThan(0);
      expect(entry.meaning.length).toBeGreaterThan(20);
      expect(entry.fix.length).toBeGreaterThan(20);
      expect(entry.fixPage).toMatch(/^\/[a-z-]*$/);
    }
    expect(RUNBOOK.UNMAPPED_SHIPPING.fixPage).toBe('/shipping-mappings');
    expect(RUNBOOK.INVALID_SKU.fixPage).toBe('/sku-rules');
  });
});
