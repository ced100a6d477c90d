import { panelErrorResponse, routeId } from '@/lib/sync/panel/errors';
import { saveShippingMapping } from '@/lib/sync/panel/save-shipping-mapping';
import { saveMappingSchema } from '@/lib/sync/panel/schemas';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** Maps one method ({courierService: "RM24"}) or unmaps it ({courierService: null}). */
export const PUT = withSession(
  async ({ db, session, request }, params) => {
    try {
      const id = routeId(params);
      const { courierService } = await parseJsonBody(request, saveMappingSchema);
      return jsonResponse(await saveShippingMapping(db, session.store.id, id, { courierService, actorEmail: session.user.email }));
    } catch (error) {
      return panelErrorResponse(error) ?? Promise.reject(error);
    }
  },
  { roles: ['OPS'] },
);
