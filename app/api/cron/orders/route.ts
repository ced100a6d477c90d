import { defaultExportDeps } from '@/lib/sync/export/deps';
import { runExportBatch } from '@/lib/sync/export/run-export';
import { sweepStores } from '@/lib/sync/export/sweep';
import { withCron } from '@/lib/web/with-cron';

export const dynamic = 'force-dynamic';
export const maxDuration = 60;

/** Sweep for orders webhooks missed, then export what is due: bounded, with a JSON summary. */
const handler = withCron('orders', async (db) => {
  const deps = defaultExportDeps(db);
  const sweep = await sweepStores(db, deps, { timeBudgetMs: 20_000 });
  const exportRun = await runExportBatch(db, deps, { maxOrders: 200, timeBudgetMs: 25_000 });
  return { sweep, export: exportRun };
});

export const GET = handler;
export const POST = handler;
