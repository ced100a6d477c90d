import { panelErrorResponse } from '@/lib/sync/panel/errors';
import { findOrderSyncByBcOrderId } from '@/lib/sync/panel/order-by-bc-id';
import { jsonResponse } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** `{ id }` of the order's sync record (for GET /api/orders/{id}), by BigCommerce order id; 404 outside this store. */
export const GET = withSession(
  async ({ db, session }, params) => {
    try {
      const raw = typeof params.bcOrderId === 'string' ? params.bcOrderId : '';
      return jsonResponse(await findOrderSyncByBcOrderId(db, session.store.id, raw));
    } catch (error) {
      return panelErrorResponse(error) ?? Promise.reject(error);
    }
  },
  { roles: ['OPS', 'CX', 'FINANCE'] },
);
