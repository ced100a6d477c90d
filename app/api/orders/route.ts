import { orderSearchSchema } from '@/lib/sync/panel/schemas';
import { searchOrders } from '@/lib/sync/panel/search-orders';
import { jsonResponse, parseQuery } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** ?q=<order id, name or email>&state=&page=&pageSize= */
export const GET = withSession(
  async ({ db, session, request }) => jsonResponse(await searchOrders(db, session.store.id, parseQuery(request, orderSearchSchema))),
  { roles: ['OPS', 'CX', 'FINANCE'] },
);
