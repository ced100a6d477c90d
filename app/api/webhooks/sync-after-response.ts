import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { syncSoon, type SyncKind } from '@/lib/jobs/sync-soon';
import { runAfterResponse } from '../after-response';

/**
 * With SYNC_AFTER_WEBHOOK=1 (the default) the work a webhook queued starts once the 200 has been
 * sent, so a paid order reaches Whistl in seconds rather than at the next cron tick.
 */
export function syncAfterResponse(kind: SyncKind): void {
  if (getEnv().SYNC_AFTER_WEBHOOK !== '1') return;
  runAfterResponse(() => syncSoon(kind, getDb));
}
