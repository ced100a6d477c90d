import { cutoffSettingsSchema, getCutoffSettings, saveCutoffSettings } from '@/lib/sync/cutoff/cutoff-settings';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** Everyone sees the collection time (the dashboard counts down to it); admins and ops change it. */
export const GET = withSession(async ({ db, session }) => jsonResponse(await getCutoffSettings(db, session.store.id)));

export const PUT = withSession(
  async ({ db, session, request }) => {
    const input = await parseJsonBody(request, cutoffSettingsSchema);
    return jsonResponse(await saveCutoffSettings(db, session.store.id, input, session.user.email));
  },
  { roles: ['OPS'] },
);
