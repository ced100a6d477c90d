import { getDashboardSummary } from '@/lib/sync/dashboard-summary';
import { jsonResponse } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

export const GET = withSession(async ({ db, session }) => jsonResponse(await getDashboardSummary(db, session.store.id)));
