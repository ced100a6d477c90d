import { previewSkuForStore } from '@/lib/sync/panel/preview-sku';
import { previewSkuSchema } from '@/lib/sync/panel/schemas';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** One SKU through the given (unsaved) rules, or the saved ones: every step and the result. */
export const POST = withSession(
  async ({ db, session, request }) => {
    const { sku, rules } = await parseJsonBody(request, previewSkuSchema);
    return jsonResponse({ preview: await previewSkuForStore(db, session.store.id, sku, rules) });
  },
  { roles: ['OPS', 'CX'] },
);
