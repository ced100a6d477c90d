import { describe, expect, it } from 'vitest';
import { classifyRejection } from '@/lib/whistl';
import { contractRejectionTemplates, fill } from './contract-messages';

describe('classifyRejection: every message on the contract page', () => {
  const templates = contractRejectionTemplates();

  it('finds the six templates on the contract page', () => {
    expect(templates).toEqual([
      "Order with OrderNumber 'X' already exists",
      "Order with ExternalOrderReference 'X' already exists",
      "Product with SKU 'X' not found",
      "Courier Service 'X' not found",
      "Invalid PostCode 'X' for Country 'GB'",
      '<Field> is required',
    ]);
  });

  const expected = [
    { kind: 'duplicate', field: 'OrderNumber', value: 'BC-1001' },
    { kind: 'duplicate', field: 'ExternalOrderReference', value: 'BC-1001' },
    { kind: 'rejected', reason: 'UNKNOWN_SKU', sku: 'BC-1001' },
    { kind: 'rejected', reason: 'UNKNOWN_SERVICE', service: 'BC-1001' },
    { kind: 'rejected', reason: 'BAD_POSTCODE', postcode: 'BC-1001', country: 'GB' },
    { kind: 'rejected', reason: 'MISSING_FIELD', field: 'Town' },
  ];

  it.each(templates.map((template, i) => [template, expected[i]] as const))('classifies %s', (template, outcome) => {
    const message = fill(template, 'BC-1001', 'Town');
    expect(classifyRejection(message)).toEqual({ ...outcome, message });
  });

  it('keeps values that contain spaces and quotes intact', () => {
    expect(classifyRejection("Product with SKU 'RED SHIRT L' not found")).toMatchObject({ sku: 'RED SHIRT L' });
    expect(classifyRejection("Invalid PostCode 'ZZ9 9ZZZ' for Country 'GB'")).toMatchObject({ postcode: 'ZZ9 9ZZZ' });
  });

  it('is tolerant of case (the live wording is undocumented)', () => {
    expect(classifyRejection("order with orderNumber 'A1' already exists.")).toMatchObject({ kind: 'duplicate', field: 'OrderNumber', value: 'A1' });
  });

  it('accepts a trailing full stop, a prefix, or unquoted values', () => {
    expect(classifyRejection("Invalid PostCode 'AB1 2CD' for Country 'GB'.")).toMatchObject({ reason: 'BAD_POSTCODE', postcode: 'AB1 2CD', country: 'GB' });
    expect(classifyRejection('Error: Product with SKU ABC1 not found')).toMatchObject({ reason: 'UNKNOWN_SKU', sku: 'ABC1' });
    expect(classifyRejection('Order with ExternalOrderReference s1:42 already exists.')).toMatchObject({
      kind: 'duplicate',
      field: 'ExternalOrderReference',
      value: 's1:42',
    });
    expect(classifyRejection('PostCode is required.')).toMatchObject({ reason: 'MISSING_FIELD', field: 'PostCode' });
  });

  it('anything else is OTHER with the message kept', () => {
    expect(classifyRejection("Warehouse 'NOPE' not found")).toEqual({ kind: 'rejected', reason: 'OTHER', message: "Warehouse 'NOPE' not found" });
  });
});
