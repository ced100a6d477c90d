import { listDeliveries } from '@/lib/sync/alerts/list-deliveries';
import { jsonResponse } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** The latest alert deliveries, failures included with their reason. */
export const GET = withSession(async ({ db, session }) => jsonResponse(await listDeliveries(db, session.store.id, new Date())), { roles: ['OPS'] });
