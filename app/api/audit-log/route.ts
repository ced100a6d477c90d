import { auditLogQuerySchema, listAuditLog } from '@/lib/sync/panel/list-audit-log';
import { jsonError, jsonResponse } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** GET /api/audit-log?page=1&pageSize=25&action=shipping-mapping — admins only, this store only. */
export const GET = withSession(
  async ({ db, session, request }) => {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const query = auditLogQuerySchema.safeParse(params);
    if (!query.success) return jsonError(400, 'The page or filter is not valid', query.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
    return jsonResponse(await listAuditLog(db, session.store.id, query.data));
  },
  { roles: ['ADMIN'] },
);
