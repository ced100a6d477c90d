import { after } from 'next/server';
import { getLatestCatalogScan, runCatalogScan, startCatalogScan } from '@/lib/sync/panel/run-catalog-scan';
import { storeVendors } from '@/lib/sync/panel/vendor-sources';
import { jsonResponse } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** The latest catalog scan: progress while RUNNING, then its lists. */
export const GET = withSession(async ({ db, session }) => jsonResponse({ scan: await getLatestCatalogScan(db, session.store.id) }), {
  roles: ['OPS', 'CX'],
});

/** Starts a scan (or returns the one running) and keeps working after the answer. */
export const POST = withSession(
  async ({ db, session }) => {
    const storeId = session.store.id;
    const { scanId, started } = await startCatalogScan(db, storeId);
    if (started) inBackground(() => runCatalogScan(db, storeId, scanId, storeVendors(db, storeId)));
    return jsonResponse({ scan: await getLatestCatalogScan(db, storeId), started }, 202);
  },
  { roles: ['OPS'] },
);

/** `after()` keeps the work alive past the response; outside a Next request (tests) it just runs. */
function inBackground(task: () => Promise<void>): void {
  try {
    after(task);
  } catch {
    void task();
  }
}
