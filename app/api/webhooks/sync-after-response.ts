import { after } from 'next/server';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { syncSoon, type SyncKind } from '@/lib/jobs/sync-soon';

/**
 * With SYNC_AFTER_WEBHOOK=1 (the default) the work a webhook queued starts once the 200 has been
 * sent, so a paid order reaches Whistl in seconds rather than at the next cron tick. `after`
 * keeps a serverless function alive until the run ends; outside a Next request (a test harness
 * calling the handler) the run simply starts at once.
 */
export function syncAfterResponse(kind: SyncKind): void {
  if (getEnv().SYNC_AFTER_WEBHOOK !== '1') return;
  const run = () => syncSoon(kind, getDb);
  try {
    after(run);
  } catch {
    void run();
  }
}
