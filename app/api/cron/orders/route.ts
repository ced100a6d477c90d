import { ordersJob } from '@/lib/jobs/orders-job';
import { withCron } from '@/lib/web/with-cron';

export const dynamic = 'force-dynamic';
export const maxDuration = 60;

const handler = withCron('orders', ordersJob);

export const GET = handler;
export const POST = handler;
