import type { DbClient } from '../../db/types';
import { claimDueOrders } from './claim';
import type { ExportDeps } from './deps';
import { processClaimedOrder, type ExportOutcome } from './process-order';

export interface ExportRunSummary {
  claimed: number;
  outcomes: Record<ExportOutcome, number>;
  /** True when the time budget or batch limit stopped the run with work possibly left. */
  stoppedEarly: boolean;
  durationMs: number;
}

export interface ExportRunOptions {
  /** Most orders one run processes; a cron call must stay short. */
  maxOrders?: number;
  /** Stop claiming new work after this long. */
  timeBudgetMs?: number;
  /** Orders claimed (and processed concurrently) at a time. */
  concurrency?: number;
}

/**
 * Processes due order records until none are left, the batch limit or the time budget.
 * Claims are small (a few rows) so a slow order never holds many others hostage.
 */
export async function runExportBatch(db: DbClient, deps: ExportDeps, options: ExportRunOptions = {}): Promise<ExportRunSummary> {
  const maxOrders = options.maxOrders ?? 200;
  const timeBudgetMs = options.timeBudgetMs ?? 25_000;
  const concurrency = options.concurrency ?? 4;
  const started = Date.now();
  const outcomes: Record<ExportOutcome, number> = { exported: 0, held: 0, skipped: 0, retry: 0, failed: 0, cancelled: 0, waiting: 0 };
  let claimedTotal = 0;
  let stoppedEarly = false;
  for (;;) {
    if (claimedTotal >= maxOrders || Date.now() - started > timeBudgetMs) {
      stoppedEarly = true;
      break;
    }
    const claimed = await claimDueOrders(db, deps.now(), Math.min(concurrency, maxOrders - claimedTotal));
    if (claimed.length === 0) break;
    claimedTotal += claimed.length;
    const results = await Promise.all(claimed.map((c) => processClaimedOrder(db, deps, c)));
    for (const outcome of results) outcomes[outcome] += 1;
  }
  return { claimed: claimedTotal, outcomes, stoppedEarly, durationMs: Date.now() - started };
}
