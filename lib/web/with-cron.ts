import 'server-only';
import { safeEqual } from '../crypto';
import { getDb, type Db } from '../db/client';
import { getEnv } from '../env';
import { runJob, type JobSummary } from '../jobs/run-job';
import { jsonError, jsonResponse } from './http';

/**
 * The one wrapper for cron routes: Bearer CRON_SECRET (constant-time, fail closed), then the job
 * through runJob (a JobRun row per call), answered with its JSON summary.
 */
export function withCron(job: string, run: (db: Db) => Promise<JobSummary>) {
  return async (request: Request): Promise<Response> => {
    const header = request.headers.get('authorization') ?? '';
    const token = header.match(/^Bearer\s+(.+)$/i)?.[1] ?? '';
    if (!token || !safeEqual(token, getEnv().CRON_SECRET)) return jsonError(401, 'Cron calls need Authorization: Bearer <CRON_SECRET>');
    const db = await getDb();
    const { ok, summary } = await runJob(db, job, () => run(db));
    return jsonResponse({ job, ok, ...summary }, ok ? 200 : 500);
  };
}
