import { z } from 'zod';
import { getAudit, runAudit, startAudit, storeAuditVendors } from '@/lib/sync/audit/run-audit';
import { AUDIT_DEFAULT_DAYS, AUDIT_MAX_DAYS } from '@/lib/sync/audit/types';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';
import { runAfterResponse } from '../after-response';

export const dynamic = 'force-dynamic';

const startSchema = z.strictObject({ days: z.number().int().min(1).max(AUDIT_MAX_DAYS).default(AUDIT_DEFAULT_DAYS) });

/** The latest audit: progress while RUNNING, then its report. */
export const GET = withSession(async ({ db, session }) => jsonResponse({ audit: await getAudit(db, session.store.id) }), {
  roles: ['OPS', 'CX', 'FINANCE'],
});

/** Starts an audit ({days}) or returns the one running; the work continues after the answer. */
export const POST = withSession(
  async ({ db, session, request }) => {
    const storeId = session.store.id;
    const { days } = await parseJsonBody(request, startSchema);
    const { auditId, started } = await startAudit(db, storeId, days);
    if (started) runAfterResponse(() => runAudit(db, storeId, auditId, storeAuditVendors(db, storeId)));
    return jsonResponse({ audit: await getAudit(db, storeId, auditId), started }, 202);
  },
  { roles: ['OPS'] },
);
