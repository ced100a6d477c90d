/**
 * Next.js calls register() once per server process. With IN_PROCESS_SCHEDULER=1, `npm start`
 * also runs the sync jobs on timers, so a single self-hosted instance needs no outside cron.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.IN_PROCESS_SCHEDULER !== '1') return;
  const [{ startInProcessScheduler }, { getDb }] = await Promise.all([import('./lib/jobs/scheduler'), import('./lib/db/client')]);
  startInProcessScheduler(getDb);
}
