import { deleteChannel } from '@/lib/sync/alerts/channels';
import { panelErrorResponse, routeId } from '@/lib/sync/panel/errors';
import { jsonResponse } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

export const DELETE = withSession(
  async ({ db, session }, params) => {
    try {
      await deleteChannel(db, session.store.id, routeId(params), session.user.email);
      return jsonResponse({ deleted: true });
    } catch (error) {
      return panelErrorResponse(error) ?? Promise.reject(error);
    }
  },
  { roles: ['ADMIN'] },
);
