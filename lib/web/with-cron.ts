import 'server-only';
import { safeEqual } from '../crypto';
import { getDb, type Db } from '../db/client';
import { getEnv } from '../env';
import { jsonError, jsonResponse } from './http';

/**
 * The one wrapper for cron routes: Bearer CRON_SECRET (constant-time, fail closed), a JobRun row
 * per call (for "last good run" and lateness), errors captured into the summary.
 */
export function withCron(job: string, run: (db: Db) => Promise<Record<string, unknown>>) {
  return async (request: Request): Promise<Response> => {
    const header = request.headers.get('authorization') ?? '';
    const token = header.match(/^Bearer\s+(.+)$/i)?.[1] ?? '';
    if (!token || !safeEqual(token, getEnv().CRON_SECRET)) return jsonError(401, 'Cron calls need Authorization: Bearer <CRON_SECRET>');
    const db = await getDb();
    const jobRun = await db.jobRun.create({ data: { job } });
    try {
      const summary = await run(db);
      await db.jobRun.update({ where: { id: jobRun.id }, data: { finishedAt: new Date(), ok: true, summary: summary as object } });
      return jsonResponse({ job, ok: true, ...summary });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[cron ${job}] failed:`, error);
      await db.jobRun.update({ where: { id: jobRun.id }, data: { finishedAt: new Date(), ok: false, summary: { error: message } } });
      return jsonResponse({ job, ok: false, error: message }, 500);
    }
  };
}
