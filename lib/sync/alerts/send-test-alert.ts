import type { DbClient } from '../../db/types';
import { AlertChannelNotFoundError, loadChannelTargets } from './channels';
import { record, sendToChannel, type DeliveryOptions } from './deliver';
import { loadSmtpConfig } from './smtp-settings';
import type { DueAlert } from './types';

export interface TestAlertResult {
  channelId: string;
  label: string;
  ok: boolean;
  error: string | null;
}

/** "Send test alert": one message to one channel (or every enabled one), recorded like any delivery, never deduplicated. */
export async function sendTestAlert(db: DbClient, storeId: string, channelId: string | undefined, actorEmail: string, options: DeliveryOptions): Promise<TestAlertResult[]> {
  const { targets, unreadable } = await loadChannelTargets(db, storeId, channelId ? { channelId } : {});
  if (channelId && targets.length === 0 && unreadable.length === 0) throw new AlertChannelNotFoundError('No such enabled alert channel in this store');
  const smtp = targets.some((t) => t.kind === 'EMAIL') ? await loadSmtpConfig(db, storeId).catch(() => null) : null;
  const results: TestAlertResult[] = unreadable.map((c) => ({ channelId: c.id, label: c.label, ok: false, error: 'The stored target could not be decrypted: delete the channel and add it again.' }));
  for (const channel of targets) {
    const alert: DueAlert = {
      team: channel.ownerTeam,
      dedupeKey: `test:${options.now.getTime()}`,
      windowMs: 0,
      urgency: 'TEST',
      subject: 'Test alert from the Whistl connector',
      body: `${actorEmail} sent this test. Alerts for the ${channel.ownerTeam.toLowerCase()} team will arrive here.`,
    };
    const error = await sendToChannel(channel, { subject: `[Whistl] ${alert.subject}`, text: alert.body }, smtp, options);
    await record(db, storeId, channel.id, alert, error, options.now);
    results.push({ channelId: channel.id, label: channel.label, ok: error === null, error });
  }
  return results;
}
