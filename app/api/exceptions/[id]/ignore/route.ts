import { panelErrorResponse, routeId } from '@/lib/sync/panel/errors';
import { ignoreException } from '@/lib/sync/panel/ignore-exception';
import { ignoreExceptionSchema } from '@/lib/sync/panel/schemas';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

export const POST = withSession(
  async ({ db, session, request }, params) => {
    try {
      const id = routeId(params);
      const { note } = await parseJsonBody(request, ignoreExceptionSchema);
      return jsonResponse(await ignoreException(db, session.store.id, id, { note, actorEmail: session.user.email }));
    } catch (error) {
      return panelErrorResponse(error) ?? Promise.reject(error);
    }
  },
  { roles: ['OPS'] },
);
