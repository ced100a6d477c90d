import { z } from 'zod';
import { ExceptionType, OwnerTeam } from '../../generated/prisma/enums';

/** Who fixes each kind of exception unless the store says otherwise. */
export const DEFAULT_EXCEPTION_OWNERS: Record<ExceptionType, OwnerTeam> = {
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
};

const ownerTeamSchema = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
  z.enum(OwnerTeam),
);

/** Strict shape for saving the setting: exception type -> team, every key optional. */
export const ownerOverridesSchema = z.partialRecord(z.enum(ExceptionType), z.enum(OwnerTeam));
export type OwnerOverrides = z.infer<typeof ownerOverridesSchema>;

/**
 * Reads the stored overrides leniently: anything that is not an object yields no overrides, and
 * an unknown type or team drops only that entry ("ops" is read as OPS).
 */
export function parseOwnerOverrides(overrides: unknown): OwnerOverrides {
  const object = z.record(z.string(), z.unknown()).safeParse(overrides);
  if (!object.success) return {};
  const result: OwnerOverrides = {};
  for (const type of Object.values(ExceptionType)) {
    if (!Object.hasOwn(object.data, type)) continue;
    const team = ownerTeamSchema.safeParse(object.data[type]);
    if (team.success) result[type] = team.data;
  }
  return result;
}

/** The team that owns an exception of this type: the store's override when valid, else the default. */
export function ownerFor(type: ExceptionType, overrides: unknown): OwnerTeam {
  return parseOwnerOverrides(overrides)[type] ?? DEFAULT_EXCEPTION_OWNERS[type];
}
