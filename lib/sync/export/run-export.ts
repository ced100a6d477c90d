import type { DbClient } from '../../db/types';
import { claimDueOrders, hasDueOrders } from './claim';
import type { ExportDeps } from './deps';
import { prefetchOrders } from './prefetch';
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
  /** Orders processed at the same time. */
  concurrency?: number;
  /** Orders claimed at a time: their BigCommerce reads are batched (see prefetchOrders). */
  claimSize?: number;
  /** Most claims one run makes (default: until nothing is due). */
  maxClaims?: number;
}

/**
 * Processes due order records until none are left, the batch limit or the time budget.
 * Claims are modest (25 rows): big enough that a backlog is read from BigCommerce a listing at
 * a time, small enough that a slow batch never holds many orders hostage for long.
 */
export async function runExportBatch(db: DbClient, deps: ExportDeps, options: ExportRunOptions = {}): Promise<ExportRunSummary> {
  const maxOrders = options.maxOrders ?? 200;
  const timeBudgetMs = options.timeBudgetMs ?? 25_000;
  const concurrency = options.concurrency ?? 4;
  const claimSize = options.claimSize ?? 25;
  const maxClaims = options.maxClaims ?? Infinity;
  const started = Date.now();
  const outcomes: Record<ExportOutcome, number> = { exported: 0, held: 0, skipped: 0, retry: 0, failed: 0, cancelled: 0, waiting: 0 };
  let claimedTotal = 0;
  let stoppedEarly = false;
  let lastClaimFull = false;
  for (let claims = 0; ; claims += 1) {
    if (claimedTotal >= maxOrders || Date.now() - started > timeBudgetMs) {
      stoppedEarly = true;
      break;
    }
    if (claims >= maxClaims) {
      // More may be due: the claim was full, or orders arrived (or were re-queued) meanwhile.
      stoppedEarly = lastClaimFull || (await hasDueOrders(db, deps.now()));
      break;
    }
    const size = Math.min(claimSize, maxOrders - claimedTotal);
    const claimed = await claimDueOrders(db, deps.now(), size);
    if (claimed.length === 0) break;
    claimedTotal += claimed.length;
    lastClaimFull = claimed.length === size;
    const prefetched = await prefetchOrders(deps, claimed);
    const results = await mapWithConcurrency(claimed, concurrency, (c) => processClaimedOrder(db, deps, c, prefetched.get(c.id)));
    for (const outcome of results) outcomes[outcome] += 1;
  }
  return { claimed: claimedTotal, outcomes, stoppedEarly, durationMs: Date.now() - started };
}

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
