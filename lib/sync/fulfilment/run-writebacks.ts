import type { DbClient } from '../../db/types';
import type { ExportDeps } from '../export/deps';
import { claimDueWriteBacks } from './claim-writebacks';
import { processWriteBack, type WriteBackOutcome } from './process-writeback';

export interface WriteBackRunSummary {
  claimed: number;
  outcomes: Record<WriteBackOutcome, number>;
  stoppedEarly: boolean;
  durationMs: number;
}

/** Processes due write-backs until none are left, the batch limit or the time budget. */
export async function runWriteBacks(
  db: DbClient,
  deps: ExportDeps,
  options: { maxShipments?: number; timeBudgetMs?: number; concurrency?: number } = {},
): Promise<WriteBackRunSummary> {
  const max = options.maxShipments ?? 200;
  const timeBudgetMs = options.timeBudgetMs ?? 25_000;
  const concurrency = options.concurrency ?? 4;
  const started = Date.now();
  const outcomes: Record<WriteBackOutcome, number> = { shipped: 0, 'already-shipped': 0, 'nothing-to-ship': 0, drift: 0, retry: 0, waiting: 0, failed: 0 };
  let claimedTotal = 0;
  let stoppedEarly = false;
  for (;;) {
    if (claimedTotal >= max || Date.now() - started > timeBudgetMs) {
      stoppedEarly = true;
      break;
    }
    const claimed = await claimDueWriteBacks(db, deps.now(), Math.min(concurrency, max - claimedTotal));
    if (claimed.length === 0) break;
    claimedTotal += claimed.length;
    const results = await Promise.all(claimed.map((c) => processWriteBack(db, deps, c)));
    for (const outcome of results) outcomes[outcome] += 1;
  }
  return { claimed: claimedTotal, outcomes, stoppedEarly, durationMs: Date.now() - started };
}
