import { panelErrorResponse, routeId } from '@/lib/sync/panel/errors';
import { getOrderTimeline } from '@/lib/sync/panel/get-order-timeline';
import { jsonResponse } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** One order's sync timeline, Whistl orders, exceptions and raw errors. */
export const GET = withSession(
  async ({ db, session }, params) => {
    try {
      return jsonResponse(await getOrderTimeline(db, session.store.id, routeId(params)));
    } catch (error) {
      return panelErrorResponse(error) ?? Promise.reject(error);
    }
  },
  { roles: ['OPS', 'CX', 'FINANCE'] },
);
