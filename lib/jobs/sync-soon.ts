import type { DbClient } from '../db/types';
import { defaultExportDeps } from '../sync/export/deps';
import { runExportBatch } from '../sync/export/run-export';
import { runWriteBacks } from '../sync/fulfilment/run-writebacks';

export type SyncKind = 'export' | 'writeback';

const RUNS: Record<SyncKind, (db: DbClient) => Promise<unknown>> = {
  export: (db) => runExportBatch(db, defaultExportDeps(db), { maxOrders: 500, timeBudgetMs: 25_000 }),
  writeback: (db) => runWriteBacks(db, defaultExportDeps(db), { maxShipments: 500, timeBudgetMs: 25_000 }),
};

interface Lane {
  running: Promise<void> | null;
  again: boolean;
}

const lanes: Record<SyncKind, Lane> = { export: { running: null, again: false }, writeback: { running: null, again: false } };

/**
 * Starts the work a webhook has just queued, instead of leaving it for the next cron tick.
 * Process-local and coalescing: while a run is going, more requests only ask it to go round once
 * more, so a burst of webhooks becomes a few runs, each claiming everything that piled up (which
 * lets the export read a backlog with one listing). Nothing depends on it for correctness: the
 * work is rows in Postgres, claimed with SKIP LOCKED, and the cron takes whatever is left.
 * Never rejects; failures are per row (the exception queue) or logged.
 */
export function syncSoon(kind: SyncKind, getDb: () => Promise<DbClient>): Promise<void> {
  const lane = lanes[kind];
  lane.again = true;
  lane.running ??= (async () => {
    try {
      while (lane.again) {
        lane.again = false;
        await RUNS[kind](await getDb());
      }
    } catch (error) {
      console.error(`[sync] ${kind} run after a webhook failed (the next cron tick retries):`, error);
    } finally {
      lane.running = null;
    }
  })();
  return lane.running;
}
