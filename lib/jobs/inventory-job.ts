import type { DbClient } from '../db/types';
import { defaultInventoryDeps } from '../sync/inventory/deps';
import { runDueInventorySyncs } from '../sync/inventory/run-inventory-sync';

/** Stock from Whistl to BigCommerce for every store whose schedule is due. */
export async function inventoryJob(db: DbClient) {
  return { ...(await runDueInventorySyncs(db, defaultInventoryDeps(db), { timeBudgetMs: 40_000, maxStores: 20 })) };
}
