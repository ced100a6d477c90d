import { z } from 'zod';
import type { DbClient } from '../../db/types';
import { MAX_BUFFER, MAX_FULL_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from './policy';

export const inventorySettingsSchema = z
  .object({
    inventorySyncEnabled: z.boolean(),
    inventoryIntervalMinutes: z.number().int().min(MIN_INTERVAL_MINUTES, 'The sync runs at most once a minute').max(MAX_INTERVAL_MINUTES),
    inventoryFullIntervalMinutes: z.number().int().min(MIN_INTERVAL_MINUTES).max(MAX_FULL_INTERVAL_MINUTES),
    defaultStockBuffer: z.number().int().min(0).max(MAX_BUFFER),
    stockFigure: z.enum(['LEVEL', 'TOTAL_STOCK_LEVEL']),
    stuckStateHours: z.number().int().min(1).max(24 * 30),
  })
  .strict()
  .refine((s) => s.inventoryFullIntervalMinutes >= s.inventoryIntervalMinutes, {
    message: 'The full reconciliation cannot run more often than the delta sync',
    path: ['inventoryFullIntervalMinutes'],
  });
export type InventorySettings = z.infer<typeof inventorySettingsSchema>;

export async function getInventorySettings(db: DbClient, storeId: string): Promise<InventorySettings> {
  const s = await db.storeSettings.findUnique({ where: { storeId } });
  return {
    inventorySyncEnabled: s?.inventorySyncEnabled ?? true,
    inventoryIntervalMinutes: s?.inventoryIntervalMinutes ?? 5,
    inventoryFullIntervalMinutes: s?.inventoryFullIntervalMinutes ?? 360,
    defaultStockBuffer: s?.defaultStockBuffer ?? 0,
    stockFigure: s?.stockFigure ?? 'LEVEL',
    stuckStateHours: s?.stuckStateHours ?? 24,
  };
}

/**
 * Saves the inventory settings (audited). A change to the buffer or the stock figure changes
 * every SKU's target, so the next run is made a full reconciliation.
 */
export async function saveInventorySettings(db: DbClient, storeId: string, input: InventorySettings, actorEmail: string): Promise<InventorySettings> {
  const before = await getInventorySettings(db, storeId);
  await db.storeSettings.upsert({ where: { storeId }, create: { storeId, ...input }, update: { ...input } });
  if (before.defaultStockBuffer !== input.defaultStockBuffer || before.stockFigure !== input.stockFigure) {
    await db.store.update({ where: { id: storeId }, data: { lastFullStockSyncAt: null } });
  }
  await db.auditLog.create({ data: { storeId, actorEmail, action: 'inventory.settings.save', entity: 'StoreSettings', entityId: storeId, before, after: input } });
  return getInventorySettings(db, storeId);
}
