import { reconcile, storeDay } from '@/lib/sync/finance/reconcile';
import { rangeOf, reconciliationQuerySchema } from '@/lib/sync/finance/query';
import { jsonResponse, parseQuery } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** ?date=YYYY-MM-DD or ?from=&to= (store time zone; default today). Finance and ops (and admins). */
export const GET = withSession(
  async ({ db, session, request }) => {
    const query = parseQuery(request, reconciliationQuerySchema);
    const { timeZone, today } = await storeDay(db, session.store.id, new Date());
    const range = rangeOf(query, today, timeZone);
    return jsonResponse(await reconcile(db, session.store.id, { ...range, timeZone }));
  },
  { roles: ['FINANCE', 'OPS'] },
);
