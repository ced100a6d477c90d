import type { DbClient } from '../db/types';
import { defaultExportDeps } from '../sync/export/deps';
import { runExportBatch } from '../sync/export/run-export';
import { runWriteBacks } from '../sync/fulfilment/run-writebacks';

export type SyncKind = 'export' | 'writeback';

/**
 * One round of each kind; true when it left work behind and should go round again. An export
 * round is a single claim (up to 25 orders read with one listing): looping inside the round would
 * claim the one or two orders that arrived meanwhile, each read on its own.
 */
const RUNS: Record<SyncKind, (db: DbClient) => Promise<boolean>> = {
  export: async (db) => (await runExportBatch(db, defaultExportDeps(db), { maxClaims: 1, timeBudgetMs: 25_000 })).stoppedEarly,
  writeback: async (db) => (await runWriteBacks(db, defaultExportDeps(db), { maxShipments: 500, timeBudgetMs: 25_000 })).stoppedEarly,
};

/**
 * Shortest time between the starts of two rounds. An export round reads every order it claims
 * with one listing, so at peak a second's wait turns several single reads into one call: the
 * store's API budget (5 requests/s on the Standard plan) then fits exports and write-backs
 * together. A quiet store is not delayed: its first webhook starts a round at once. Shipments
 * cannot be batched (one create each), so write-backs never wait.
 */
export const MIN_ROUND_INTERVAL_MS: Record<SyncKind, number> = { export: 1_000, writeback: 0 };

interface Lane {
  running: Promise<void> | null;
  again: boolean;
  lastRoundStartedAt: number;
}

const lanes: Record<SyncKind, Lane> = {
  export: { running: null, again: false, lastRoundStartedAt: 0 },
  writeback: { running: null, again: false, lastRoundStartedAt: 0 },
};

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
        const wait = lane.lastRoundStartedAt + MIN_ROUND_INTERVAL_MS[kind] - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        lane.again = false;
        lane.lastRoundStartedAt = Date.now();
        if (await RUNS[kind](await getDb())) lane.again = true;
      }
    } catch (error) {
      console.error(`[sync] ${kind} run after a webhook failed (the next cron tick retries):`, error);
    } finally {
      lane.running = null;
    }
  })();
  return lane.running;
}
