import type { DbClient } from '../db/types';
import { fulfilmentJob } from './fulfilment-job';
import { inventoryJob } from './inventory-job';
import { monitorJob } from './monitor-job';
import { ordersJob } from './orders-job';
import { runJob, type JobSummary } from './run-job';

/**
 * For a single self-hosted instance that has no outside cron: runs the same jobs the cron
 * endpoints run, on timers, never overlapping itself. Several instances may all run it safely
 * (work is claimed with SKIP LOCKED), but one outside scheduler is the norm when scaled out.
 */
export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(db: DbClient): Promise<JobSummary>;
}

export const SCHEDULED_JOBS: ScheduledJob[] = [
  { name: 'orders', everyMs: 60_000, run: ordersJob },
  { name: 'fulfilment', everyMs: 60_000, run: fulfilmentJob },
  // Each store has its own inventory schedule; this only checks who is due.
  { name: 'inventory', everyMs: 60_000, run: inventoryJob },
  // Drift, dispatch cutoff risk and alerts (deduplicated, so every minute is safe).
  { name: 'monitor', everyMs: 60_000, run: (db) => monitorJob(db) },
];

export function startInProcessScheduler(getDb: () => Promise<DbClient>, jobs: ScheduledJob[] = SCHEDULED_JOBS): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    return setInterval(() => {
      if (running) return;
      running = true;
      getDb()
        .then((db) => runJob(db, job.name, () => job.run(db)))
        .catch((error: unknown) => console.error(`[scheduler] ${job.name} could not start:`, error))
        .finally(() => {
          running = false;
        });
    }, job.everyMs);
  });
  console.log(`[scheduler] in-process scheduler running: ${jobs.map((j) => `${j.name} every ${j.everyMs / 1000}s`).join(', ')}`);
  return () => timers.forEach(clearInterval);
}
