import { z } from 'zod';
import { decryptSecret, encryptSecret } from '../../crypto';
import type { DbClient } from '../../db/types';
import { recordAudit } from '../panel/record-audit';
import type { SmtpConfig } from './send-email';

/** The store's outgoing mail server for email alerts. The password is write-only. */
export interface SmtpSettingsView {
  host: string | null;
  port: number | null;
  user: string | null;
  from: string | null;
  hasPassword: boolean;
  configured: boolean;
}

export const smtpSettingsSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'Enter the SMTP server, e.g. smtp.example.com')
      .max(253)
      .regex(/^[A-Za-z0-9.-]+$/, 'A host name or IP address only, e.g. smtp.example.com'),
    port: z.number().int().min(1).max(65535),
    user: z.string().trim().max(320).optional(),
    /** Omitted or empty: keep the stored password. */
    password: z.string().max(500).optional(),
    clearPassword: z.boolean().optional(),
    from: z.email('The sender must be an email address').max(320),
  })
  .strict();
export type SmtpSettingsInput = z.infer<typeof smtpSettingsSchema>;

const passwordContext = (storeId: string) => `smtp-password:${storeId}`;

export async function getSmtpSettings(db: DbClient, storeId: string): Promise<SmtpSettingsView> {
  const s = await db.storeSettings.findUnique({ where: { storeId }, select: { smtpHost: true, smtpPort: true, smtpUser: true, smtpFrom: true, smtpPasswordEnc: true } });
  return {
    host: s?.smtpHost ?? null,
    port: s?.smtpPort ?? null,
    user: s?.smtpUser ?? null,
    from: s?.smtpFrom ?? null,
    hasPassword: Boolean(s?.smtpPasswordEnc),
    configured: Boolean(s?.smtpHost && s.smtpPort && s.smtpFrom),
  };
}

export async function saveSmtpSettings(db: DbClient, storeId: string, input: SmtpSettingsInput, actorEmail: string): Promise<SmtpSettingsView> {
  const before = await getSmtpSettings(db, storeId);
  const passwordChange = input.password ? { smtpPasswordEnc: encryptSecret(input.password, passwordContext(storeId)) } : input.clearPassword ? { smtpPasswordEnc: null } : {};
  const data = { smtpHost: input.host, smtpPort: input.port, smtpUser: input.user || null, smtpFrom: input.from, ...passwordChange };
  await db.storeSettings.upsert({ where: { storeId }, create: { storeId, ...data }, update: data });
  const after = await getSmtpSettings(db, storeId);
  await recordAudit(db, storeId, {
    actorEmail,
    action: 'smtp-settings.save',
    entity: 'StoreSettings',
    entityId: storeId,
    before,
    // Never the password itself: only that it changed.
    after: { ...after, ...(input.password || input.clearPassword ? { passwordChanged: true } : {}) },
  });
  return after;
}

/** The settings with the password decrypted, for sending; null when email is not set up. */
export async function loadSmtpConfig(db: DbClient, storeId: string): Promise<SmtpConfig | null> {
  const s = await db.storeSettings.findUnique({ where: { storeId }, select: { smtpHost: true, smtpPort: true, smtpUser: true, smtpFrom: true, smtpPasswordEnc: true } });
  if (!s?.smtpHost || !s.smtpPort || !s.smtpFrom) return null;
  return {
    host: s.smtpHost,
    port: s.smtpPort,
    user: s.smtpUser,
    password: s.smtpPasswordEnc ? decryptSecret(s.smtpPasswordEnc, passwordContext(storeId)) : null,
    from: s.smtpFrom,
  };
}
