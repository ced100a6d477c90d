import type { DbClient } from '../../db/types';
import type { OwnerTeam } from '../../generated/prisma/enums';
import { loadChannelTargets, type AlertChannelTarget } from './channels';
import { sendEmail, type SmtpConfig } from './send-email';
import { sendSlack } from './send-slack';
import { loadSmtpConfig } from './smtp-settings';
import { ALERT_POLICY, type AlertMessage, type DueAlert } from './types';

/** How messages leave; tests swap in a local webhook or nodemailer's JSON transport. */
export interface AlertSenders {
  slack(url: string, message: AlertMessage, options: { timeoutMs: number }): Promise<void>;
  email(smtp: SmtpConfig, to: string, message: AlertMessage, options: { timeoutMs: number }): Promise<void>;
}

export const defaultSenders: AlertSenders = {
  slack: (url, message, options) => sendSlack(url, message, options),
  email: (smtp, to, message, options) => sendEmail(smtp, to, message, options),
};

export interface DeliveryOptions {
  now: Date;
  senders?: AlertSenders;
  timeoutMs?: number;
}

export interface DeliverySummary {
  due: number;
  sent: number;
  failed: number;
  /** Already sent on that channel within the alert's window (or failed a moment ago). */
  suppressed: number;
  /** Alerts for a team with no channel (and no ops channel to fall back on). */
  unrouted: number;
}

/**
 * Sends due alerts to their team's channels (ops channels when the team has none), at most once
 * per dedupe key and channel within the alert's window, and records every attempt as an
 * AlertDelivery, SENT or FAILED with the reason, so failed alerts show in the panel. Several
 * alerts for one channel in one tick go out as one message.
 */
export async function deliverAlerts(db: DbClient, storeId: string, alerts: DueAlert[], options: DeliveryOptions): Promise<DeliverySummary> {
  const summary: DeliverySummary = { due: alerts.length, sent: 0, failed: 0, suppressed: 0, unrouted: 0 };
  if (alerts.length === 0) return summary;
  const { targets, unreadable } = await loadChannelTargets(db, storeId);
  for (const channel of unreadable) {
    await record(db, storeId, channel.id, { dedupeKey: 'channel-unreadable', urgency: 'IMMEDIATE', subject: `Alert channel ${channel.label} cannot be read`, body: '' }, 'The stored target could not be decrypted (APP_ENCRYPTION_KEY changed?): delete the channel and add it again.', options.now);
  }
  const byTeam = new Map<OwnerTeam, AlertChannelTarget[]>();
  for (const target of targets) byTeam.set(target.ownerTeam, [...(byTeam.get(target.ownerTeam) ?? []), target]);

  const pending = new Map<string, { channel: AlertChannelTarget; alerts: DueAlert[] }>();
  for (const alert of alerts) {
    const channels = byTeam.get(alert.team) ?? byTeam.get('OPS') ?? [];
    if (channels.length === 0) summary.unrouted += 1;
    for (const channel of channels) {
      if (await alreadyDelivered(db, storeId, channel.id, alert, options.now)) {
        summary.suppressed += 1;
        continue;
      }
      const entry = pending.get(channel.id) ?? { channel, alerts: [] };
      entry.alerts.push(alert);
      pending.set(channel.id, entry);
    }
  }

  let smtp: SmtpConfig | null | undefined;
  for (const { channel, alerts: batch } of pending.values()) {
    if (channel.kind === 'EMAIL' && smtp === undefined) smtp = await loadSmtpConfig(db, storeId).catch(() => null);
    const error = await sendToChannel(channel, combine(batch), smtp ?? null, options);
    for (const alert of batch) await record(db, storeId, channel.id, alert, error, options.now);
    if (error) summary.failed += batch.length;
    else summary.sent += batch.length;
  }
  return summary;
}

/** Sends one message to one channel; the failure reason, or null when it went. Never throws. */
export async function sendToChannel(channel: AlertChannelTarget, message: AlertMessage, smtp: SmtpConfig | null, options: DeliveryOptions): Promise<string | null> {
  const senders = options.senders ?? defaultSenders;
  const timeoutMs = options.timeoutMs ?? ALERT_POLICY.sendTimeoutMs;
  try {
    if (channel.kind === 'SLACK') await senders.slack(channel.target, message, { timeoutMs });
    else if (!smtp) return 'Email is not set up: enter the SMTP server under Settings > Alerts.';
    else await senders.email(smtp, channel.target, message, { timeoutMs });
    return null;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // The target is a secret for webhooks: make sure no error carries it.
    return text.split(channel.target).join('[webhook URL]').slice(0, 500);
  }
}

export async function record(
  db: DbClient,
  storeId: string,
  channelId: string | null,
  alert: Pick<DueAlert, 'dedupeKey' | 'urgency' | 'subject' | 'body'>,
  error: string | null,
  now: Date,
): Promise<void> {
  await db.alertDelivery.create({
    data: { storeId, channelId, dedupeKey: alert.dedupeKey, urgency: alert.urgency, subject: alert.subject, body: alert.body, status: error ? 'FAILED' : 'SENT', error, createdAt: now },
  });
}

async function alreadyDelivered(db: DbClient, storeId: string, channelId: string, alert: DueAlert, now: Date): Promise<boolean> {
  const seen = await db.alertDelivery.findFirst({
    where: {
      storeId,
      channelId,
      dedupeKey: alert.dedupeKey,
      OR: [
        { status: 'SENT', createdAt: { gt: new Date(now.getTime() - alert.windowMs) } },
        { status: 'FAILED', createdAt: { gt: new Date(now.getTime() - ALERT_POLICY.failedRetryMs) } },
      ],
    },
    select: { id: true },
  });
  return seen !== null;
}

/** One message for one or more alerts. */
export function combine(alerts: DueAlert[]): AlertMessage {
  const [first] = alerts;
  if (!first) return { subject: '', text: '' };
  if (alerts.length === 1) return { subject: `[Whistl] ${first.subject}`, text: first.body };
  const urgent = alerts.filter((a) => a.urgency === 'IMMEDIATE').length;
  return {
    subject: `[Whistl] ${alerts.length} alerts${urgent ? ` (${urgent} urgent)` : ''}: ${first.subject}`,
    text: alerts.map((a) => `• ${a.subject}\n${a.body}`).join('\n\n'),
  };
}
