import { reconcile, storeDay } from '@/lib/sync/finance/reconcile';
import { rangeOf, reconciliationQuerySchema } from '@/lib/sync/finance/query';
import { reconciliationCsv, reconciliationFileName } from '@/lib/sync/finance/reconciliation-csv';
import { parseQuery } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** The reconciliation as a CSV download: ?report=mismatches (default) or days, with the same range query. */
export const GET = withSession(
  async ({ db, session, request }) => {
    const query = parseQuery(request, reconciliationQuerySchema);
    const { timeZone, today } = await storeDay(db, session.store.id, new Date());
    const range = rangeOf(query, today, timeZone);
    const report = query.report ?? 'mismatches';
    const rec = await reconcile(db, session.store.id, { ...range, timeZone });
    return new Response(reconciliationCsv(rec, report), {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${reconciliationFileName(session.store.hash, rec, report)}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  },
  { roles: ['FINANCE', 'OPS'] },
);
