import { panelErrorResponse } from '@/lib/sync/panel/errors';
import { getSkuRules } from '@/lib/sync/panel/get-sku-rules';
import { saveSkuRules } from '@/lib/sync/panel/save-sku-rules';
import { skuRulesSchema } from '@/lib/sync/panel/schemas';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

export const GET = withSession(async ({ db, session }) => jsonResponse({ rules: await getSkuRules(db, session.store.id) }), { roles: ['OPS', 'CX'] });

/** Saves the rules and the whole alias list; re-queues orders held on SKU exceptions. */
export const PUT = withSession(
  async ({ db, session, request }) => {
    const input = await parseJsonBody(request, skuRulesSchema);
    try {
      return jsonResponse(await saveSkuRules(db, session.store.id, { ...input, actorEmail: session.user.email }));
    } catch (error) {
      return panelErrorResponse(error) ?? Promise.reject(error);
    }
  },
  { roles: ['OPS'] },
);
