import { z } from 'zod';
import type { DbClient } from '../db/types';
import { ExceptionType, OwnerTeam } from '../generated/prisma/enums';
import { ownerFor } from '../sync/rules';
import { recordAudit } from '../sync/panel/record-audit';
import { requeueOrders } from '../sync/queue';

/** The store's order-export settings: which statuses export, the hold window, numbering, owners. */
export const BC_ORDER_STATUSES: Record<number, string> = {
  0: 'Incomplete', 1: 'Pending', 2: 'Shipped', 3: 'Partially Shipped', 4: 'Refunded', 5: 'Cancelled', 6: 'Declined',
  7: 'Awaiting Payment', 8: 'Awaiting Pickup', 9: 'Awaiting Shipment', 10: 'Completed', 11: 'Awaiting Fulfillment',
  12: 'Manual Verification Required', 13: 'Disputed', 14: 'Partially Refunded',
};

/** Statuses that mean "not paid" or "already finished": exporting them would ship the wrong parcels. */
const NEVER_EXPORT = new Set([0, 2, 4, 5, 6, 7, 10, 14]);

export const exportSettingsSchema = z
  .object({
    exportStatusIds: z
      .array(z.number().int().min(0).max(14))
      .min(1, 'Choose at least one status that sends orders to Whistl')
      .refine((ids) => ids.every((id) => !NEVER_EXPORT.has(id)), 'Unpaid, cancelled, refunded or finished statuses cannot trigger export'),
    holdMinutes: z.number().int().min(0, 'The hold window cannot be negative').max(7 * 24 * 60, 'The hold window is at most 7 days'),
    orderNumberFormat: z
      .string()
      .trim()
      .max(40, 'At most 40 characters')
      .refine((f) => f.includes('{orderId}'), 'Must contain {orderId}')
      .refine((f) => /^[A-Za-z0-9{}_-]+$/.test(f), 'Letters, digits, -, _ and the {orderId}/{storeHash} placeholders only'),
    exceptionOwners: z.partialRecord(z.enum(ExceptionType), z.enum(OwnerTeam)),
  })
  .strict();

export type ExportSettingsInput = z.infer<typeof exportSettingsSchema>;

export interface ExportSettingsView extends ExportSettingsInput {
  statuses: Array<{ id: number; name: string; allowed: boolean }>;
  owners: Record<ExceptionType, OwnerTeam>;
}

export async function getExportSettings(db: DbClient, storeId: string): Promise<ExportSettingsView> {
  const s = await db.storeSettings.upsert({ where: { storeId }, create: { storeId }, update: {} });
  const overrides = (s.exceptionOwners ?? {}) as Record<string, OwnerTeam>;
  return {
    exportStatusIds: s.exportStatusIds,
    holdMinutes: s.holdMinutes,
    orderNumberFormat: s.orderNumberFormat,
    exceptionOwners: overrides,
    statuses: Object.entries(BC_ORDER_STATUSES).map(([id, name]) => ({ id: Number(id), name, allowed: !NEVER_EXPORT.has(Number(id)) })),
    owners: Object.fromEntries(Object.values(ExceptionType).map((type) => [type, ownerFor(type, overrides)])) as Record<ExceptionType, OwnerTeam>,
  };
}

/** Saves (audited). Orders skipped for their status get another look under the new statuses. */
export async function saveExportSettings(db: DbClient, storeId: string, input: ExportSettingsInput, actorEmail: string): Promise<ExportSettingsView> {
  const before = await getExportSettings(db, storeId);
  await db.storeSettings.update({
    where: { storeId },
    data: {
      exportStatusIds: [...new Set(input.exportStatusIds)].sort((a, b) => a - b),
      holdMinutes: input.holdMinutes,
      orderNumberFormat: input.orderNumberFormat,
      exceptionOwners: input.exceptionOwners,
    },
  });
  for (const type of Object.values(ExceptionType)) {
    await db.syncException.updateMany({ where: { storeId, status: 'OPEN', type }, data: { ownerTeam: ownerFor(type, input.exceptionOwners) } });
  }
  await recordAudit(db, storeId, {
    actorEmail,
    action: 'export-settings.save',
    entity: 'StoreSettings',
    entityId: storeId,
    before: { exportStatusIds: before.exportStatusIds, holdMinutes: before.holdMinutes, orderNumberFormat: before.orderNumberFormat, exceptionOwners: before.exceptionOwners },
    after: input,
  });
  const skipped = await db.orderSync.findMany({ where: { storeId, state: 'SKIPPED', bcStatusId: { in: input.exportStatusIds } }, select: { id: true } });
  await requeueOrders(db, storeId, skipped.map((r) => r.id), 'Export statuses changed');
  return getExportSettings(db, storeId);
}
