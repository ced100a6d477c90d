import type { DbClient } from '../db/types';
import { defaultExportDeps } from '../sync/export/deps';
import { pollDespatches } from '../sync/fulfilment/poll-despatches';
import { runWriteBacks } from '../sync/fulfilment/run-writebacks';

/** Poll despatches webhooks missed (plus stuck and drift checks), then create due shipments. */
export async function fulfilmentJob(db: DbClient) {
  const deps = defaultExportDeps(db);
  const poll = await pollDespatches(db, deps, { timeBudgetMs: 20_000 });
  const writeBacks = await runWriteBacks(db, deps, { maxShipments: 200, timeBudgetMs: 25_000 });
  return { poll, writeBacks };
}
