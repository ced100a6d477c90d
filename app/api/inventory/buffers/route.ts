import { saveBuffers, saveBuffersSchema } from '@/lib/sync/inventory/save-buffers';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** Per-SKU buffer overrides (null clears one). Ops edit. */
export const PUT = withSession(
  async ({ db, session, request }) => {
    const input = await parseJsonBody(request, saveBuffersSchema);
    return jsonResponse(await saveBuffers(db, session.store.id, input, session.user.email));
  },
  { roles: ['OPS'] },
);
