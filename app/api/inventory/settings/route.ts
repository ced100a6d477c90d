import { getInventorySettings, inventorySettingsSchema, saveInventorySettings } from '@/lib/sync/inventory/save-inventory-settings';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

export const GET = withSession(async ({ db, session }) => jsonResponse(await getInventorySettings(db, session.store.id)), { roles: ['OPS', 'CX'] });

export const PUT = withSession(
  async ({ db, session, request }) => {
    const input = await parseJsonBody(request, inventorySettingsSchema);
    return jsonResponse(await saveInventorySettings(db, session.store.id, input, session.user.email));
  },
  { roles: ['OPS'] },
);
