import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { decryptSecret, encryptSecret } from '../../crypto';
import type { DbClient } from '../../db/types';
import { OwnerTeam, type AlertChannelKind } from '../../generated/prisma/enums';
import { PanelNotFoundError } from '../panel/errors';
import { recordAudit } from '../panel/record-audit';

/**
 * Where each owner team's alerts go. A Slack webhook URL is a secret (anyone holding it can post
 * to the channel), so targets are encrypted at rest; the panel sees only a label (the URL's host,
 * or the email address).
 */
export interface AlertChannelView {
  id: string;
  ownerTeam: OwnerTeam;
  kind: AlertChannelKind;
  label: string;
  enabled: boolean;
  createdAt: string;
}

/** The decrypted channel, for sending only. */
export interface AlertChannelTarget {
  id: string;
  ownerTeam: OwnerTeam;
  kind: AlertChannelKind;
  label: string;
  target: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const webhookUrlSchema = z
  .url('Paste the full webhook URL, e.g. https://hooks.slack.com/services/…')
  .max(1000)
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  }, 'The webhook URL must use https');

export const createChannelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('SLACK'), ownerTeam: z.enum(OwnerTeam), url: webhookUrlSchema }).strict(),
  z.object({ kind: z.literal('EMAIL'), ownerTeam: z.enum(OwnerTeam), email: z.email('Enter one email address').max(320) }).strict(),
]);
export type CreateChannelInput = z.infer<typeof createChannelSchema>;

export class AlertChannelNotFoundError extends PanelNotFoundError {
  override name = 'AlertChannelNotFoundError';
}

const targetContext = (storeId: string, channelId: string) => `alert-channel:${storeId}:${channelId}`;

function view(row: { id: string; ownerTeam: OwnerTeam; kind: AlertChannelKind; label: string; enabled: boolean; createdAt: Date }): AlertChannelView {
  return { id: row.id, ownerTeam: row.ownerTeam, kind: row.kind, label: row.label, enabled: row.enabled, createdAt: row.createdAt.toISOString() };
}

export async function listChannels(db: DbClient, storeId: string): Promise<AlertChannelView[]> {
  const rows = await db.alertChannel.findMany({ where: { storeId }, orderBy: [{ ownerTeam: 'asc' }, { createdAt: 'asc' }] });
  return rows.map(view);
}

export async function createChannel(db: DbClient, storeId: string, input: CreateChannelInput, actorEmail: string): Promise<AlertChannelView> {
  const id = randomUUID();
  const target = input.kind === 'SLACK' ? input.url : input.email.toLowerCase();
  const label = input.kind === 'SLACK' ? `Webhook at ${new URL(input.url).host}` : target;
  const row = await db.alertChannel.create({
    data: { id, storeId, ownerTeam: input.ownerTeam, kind: input.kind, label, targetEnc: encryptSecret(target, targetContext(storeId, id)) },
  });
  await recordAudit(db, storeId, { actorEmail, action: 'alert-channel.create', entity: 'AlertChannel', entityId: id, before: null, after: { ownerTeam: row.ownerTeam, kind: row.kind, label } });
  return view(row);
}

export async function deleteChannel(db: DbClient, storeId: string, channelId: string, actorEmail: string): Promise<void> {
  const row = await db.alertChannel.findFirst({ where: { id: channelId, storeId } });
  if (!row) throw new AlertChannelNotFoundError('No such alert channel in this store');
  await db.alertChannel.delete({ where: { id: row.id } });
  await recordAudit(db, storeId, { actorEmail, action: 'alert-channel.delete', entity: 'AlertChannel', entityId: row.id, before: { ownerTeam: row.ownerTeam, kind: row.kind, label: row.label }, after: null });
}

/** Enabled channels with their targets decrypted; a channel that no longer decrypts is reported, not thrown. */
export async function loadChannelTargets(
  db: DbClient,
  storeId: string,
  filter: { channelId?: string } = {},
): Promise<{ targets: AlertChannelTarget[]; unreadable: Array<{ id: string; label: string }> }> {
  const rows = await db.alertChannel.findMany({ where: { storeId, enabled: true, ...(filter.channelId ? { id: filter.channelId } : {}) }, orderBy: { createdAt: 'asc' } });
  const targets: AlertChannelTarget[] = [];
  const unreadable: Array<{ id: string; label: string }> = [];
  for (const row of rows) {
    try {
      targets.push({ id: row.id, ownerTeam: row.ownerTeam, kind: row.kind, label: row.label, target: decryptSecret(row.targetEnc, targetContext(storeId, row.id)) });
    } catch {
      unreadable.push({ id: row.id, label: row.label });
    }
  }
  return { targets, unreadable };
}
