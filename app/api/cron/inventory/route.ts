import { defaultInventoryDeps } from '@/lib/sync/inventory/deps';
import { runDueInventorySyncs } from '@/lib/sync/inventory/run-inventory-sync';
import { withCron } from '@/lib/web/with-cron';

export const dynamic = 'force-dynamic';
export const maxDuration = 60;

/** Stock from Whistl to BigCommerce for every store whose schedule is due: bounded, JSON summary. */
const handler = withCron('inventory', async (db) => {
  const summary = await runDueInventorySyncs(db, defaultInventoryDeps(db), { timeBudgetMs: 40_000, maxStores: 20 });
  return { ...summary };
});

export const GET = handler;
export const POST = handler;
