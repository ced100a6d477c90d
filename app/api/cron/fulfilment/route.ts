import { fulfilmentJob } from '@/lib/jobs/fulfilment-job';
import { withCron } from '@/lib/web/with-cron';

export const dynamic = 'force-dynamic';
export const maxDuration = 60;

const handler = withCron('fulfilment', fulfilmentJob);

export const GET = handler;
export const POST = handler;
