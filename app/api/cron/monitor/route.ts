import { monitorJob } from '@/lib/jobs/monitor-job';
import { withCron } from '@/lib/web/with-cron';

export const dynamic = 'force-dynamic';
export const maxDuration = 60;

const handler = withCron('monitor', (db) => monitorJob(db));

export const GET = handler;
export const POST = handler;
