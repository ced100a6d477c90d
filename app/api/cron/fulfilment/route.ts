import { defaultExportDeps } from '@/lib/sync/export/deps';
import { pollDespatches } from '@/lib/sync/fulfilment/poll-despatches';
import { runWriteBacks } from '@/lib/sync/fulfilment/run-writebacks';
import { withCron } from '@/lib/web/with-cron';

export const dynamic = 'force-dynamic';
export const maxDuration = 60;

/** Poll despatches webhooks missed (plus stuck and drift checks), then create due shipments: bounded, JSON summary. */
const handler = withCron('fulfilment', async (db) => {
  const deps = defaultExportDeps(db);
  const poll = await pollDespatches(db, deps, { timeBudgetMs: 20_000 });
  const writeBacks = await runWriteBacks(db, deps, { maxShipments: 200, timeBudgetMs: 25_000 });
  return { poll, writeBacks };
});

export const GET = handler;
export const POST = handler;
