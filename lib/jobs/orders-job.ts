import type { DbClient } from '../db/types';
import { defaultExportDeps } from '../sync/export/deps';
import { runExportBatch } from '../sync/export/run-export';
import { sweepStores } from '../sync/export/sweep';

/** Sweep for orders webhooks missed, then export what is due: bounded for a cron call. */
export async function ordersJob(db: DbClient) {
  const deps = defaultExportDeps(db);
  // Each store is swept at most once a minute however often the job runs: every sweep re-lists the
  // overlap window, so sweeping on every tick would spend the store's API budget for nothing.
  const sweep = await sweepStores(db, deps, { timeBudgetMs: 20_000, minIntervalMs: 60_000 });
  const exportRun = await runExportBatch(db, deps, { maxOrders: 200, timeBudgetMs: 25_000 });
  return { sweep, export: exportRun };
}
