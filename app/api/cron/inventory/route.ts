import { inventoryJob } from '@/lib/jobs/inventory-job';
import { withCron } from '@/lib/web/with-cron';

export const dynamic = 'force-dynamic';
export const maxDuration = 60;

const handler = withCron('inventory', inventoryJob);

export const GET = handler;
export const POST = handler;
