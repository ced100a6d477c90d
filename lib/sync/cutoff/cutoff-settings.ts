import { z } from 'zod';
import type { DbClient } from '../../db/types';
import { recordAudit } from '../panel/record-audit';
import { nextCutoff, parseCutoffTime } from './cutoff';
import { isValidTimeZone } from '../../time/zoned-time';

/** The store's last collection time and time zone, read and saved from Settings. */
export const cutoffSettingsSchema = z
  .object({
    cutoffTime: z
      .string()
      .trim()
      .refine((t) => parseCutoffTime(t) !== null, 'Use 24-hour HH:MM, e.g. 15:30')
      .nullable(),
    timeZone: z.string().trim().refine(isValidTimeZone, 'Not a time zone we know; use a name like Europe/London'),
  })
  .strict();

export type CutoffSettingsInput = z.infer<typeof cutoffSettingsSchema>;

export interface CutoffSettingsView {
  cutoffTime: string | null;
  timeZone: string;
  /** The next collection under these settings, or null when no cutoff is set. */
  nextCutoffAt: string | null;
  msLeft: number | null;
}

export async function getCutoffSettings(db: DbClient, storeId: string, now: Date = new Date()): Promise<CutoffSettingsView> {
  const s = await db.storeSettings.upsert({ where: { storeId }, create: { storeId }, update: {}, select: { cutoffTime: true, timeZone: true } });
  const next = nextCutoff(s, now);
  return { cutoffTime: s.cutoffTime, timeZone: s.timeZone, nextCutoffAt: next?.cutoffAt.toISOString() ?? null, msLeft: next?.msLeft ?? null };
}

/** Saves (audited). The time zone also sets the calendar days of the dashboard and reconciliation. */
export async function saveCutoffSettings(db: DbClient, storeId: string, input: CutoffSettingsInput, actorEmail: string): Promise<CutoffSettingsView> {
  const before = await getCutoffSettings(db, storeId);
  const cutoffTime = input.cutoffTime === null || input.cutoffTime === '' ? null : input.cutoffTime;
  await db.storeSettings.update({ where: { storeId }, data: { cutoffTime, timeZone: input.timeZone } });
  await recordAudit(db, storeId, {
    actorEmail,
    action: 'cutoff-settings.save',
    entity: 'StoreSettings',
    entityId: storeId,
    before: { cutoffTime: before.cutoffTime, timeZone: before.timeZone },
    after: { cutoffTime, timeZone: input.timeZone },
  });
  return getCutoffSettings(db, storeId);
}
