import { saveDefaultCourierService } from '@/lib/sync/panel/save-default-courier-service';
import { saveDefaultServiceSchema } from '@/lib/sync/panel/schemas';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** The explicit default service for unmapped methods; null = strict (hold such orders). */
export const PUT = withSession(
  async ({ db, session, request }) => {
    const { courierService } = await parseJsonBody(request, saveDefaultServiceSchema);
    return jsonResponse(await saveDefaultCourierService(db, session.store.id, { courierService, actorEmail: session.user.email }));
  },
  { roles: ['OPS'] },
);
