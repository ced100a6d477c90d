import type { DbClient } from '../db/types';

export type JobSummary = Record<string, unknown>;

/**
 * Runs one scheduled job and leaves a JobRun row either way, so the dashboard can show the last
 * good run and spot a job that is late or failing. Used by the cron routes and the in-process
 * scheduler alike.
 */
export async function runJob(db: DbClient, job: string, run: () => Promise<JobSummary>): Promise<{ ok: boolean; summary: JobSummary }> {
  const jobRun = await db.jobRun.create({ data: { job } });
  try {
    const summary = await run();
    await db.jobRun.update({ where: { id: jobRun.id }, data: { finishedAt: new Date(), ok: true, summary: summary as object } });
    return { ok: true, summary };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[job ${job}] failed:`, error);
    await db.jobRun.update({ where: { id: jobRun.id }, data: { finishedAt: new Date(), ok: false, summary: { error: message } } });
    return { ok: false, summary: { error: message } };
  }
}
