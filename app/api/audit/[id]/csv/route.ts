import { auditReportCsv } from '@/lib/sync/audit/csv';
import { getAudit } from '@/lib/sync/audit/run-audit';
import { panelErrorResponse, routeId } from '@/lib/sync/panel/errors';
import { jsonError } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** A finished audit's report as CSV (one row per finding item). */
export const GET = withSession(
  async ({ db, session }, params) => {
    try {
      const audit = await getAudit(db, session.store.id, routeId(params));
      if (!audit) return jsonError(404, 'No such audit in this store');
      if (!audit.report) return jsonError(409, 'This audit has no report (it is still running or failed)');
      const day = audit.finishedAt?.slice(0, 10) ?? 'report';
      return new Response(auditReportCsv(audit.report), {
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="whistl-audit-${day}.csv"`,
          'cache-control': 'no-store',
        },
      });
    } catch (error) {
      return panelErrorResponse(error) ?? Promise.reject(error);
    }
  },
  { roles: ['OPS', 'CX', 'FINANCE'] },
);
