import { exportSettingsSchema, getExportSettings, saveExportSettings } from '@/lib/stores/export-settings';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

export const GET = withSession(async ({ db, session }) => jsonResponse(await getExportSettings(db, session.store.id)), { roles: ['OPS', 'CX', 'FINANCE'] });

export const PUT = withSession(
  async ({ db, session, request }) => {
    const input = await parseJsonBody(request, exportSettingsSchema);
    return jsonResponse(await saveExportSettings(db, session.store.id, input, session.user.email));
  },
  { roles: ['ADMIN'] },
);
