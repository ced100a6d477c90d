/**
 * One fault-matrix runner, run as its own process so the matrix can SIGKILL it at any moment:
 * loops the same jobs the cron endpoints and the in-process scheduler run (orders, fulfilment,
 * inventory) against DATABASE_URL and the simulators named in the environment, until SIGTERM or
 * until the parent goes away.
 *
 *   node --conditions=react-server --import tsx tests/faults/worker.ts
 *
 * (`react-server` makes the `server-only` marker resolve to its empty module, as it does in Next.)
 */
import { disconnectDb, getDb } from '../../lib/db/client';
import { fulfilmentJob } from '../../lib/jobs/fulfilment-job';
import { inventoryJob } from '../../lib/jobs/inventory-job';
import { ordersJob } from '../../lib/jobs/orders-job';
import { runJob } from '../../lib/jobs/run-job';

const pauseMs = Number(process.env.FAULTS_WORKER_PAUSE_MS ?? '500');
let stopping = false;

process.on('SIGTERM', () => {
  stopping = true;
});
// Started with an IPC channel: when the parent dies, so does the runner.
process.on('disconnect', () => process.exit(0));

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  const db = await getDb();
  let loops = 0;
  process.send?.({ kind: 'ready', pid: process.pid });
  while (!stopping) {
    await runJob(db, 'orders', () => ordersJob(db));
    await runJob(db, 'fulfilment', () => fulfilmentJob(db));
    await runJob(db, 'inventory', () => inventoryJob(db));
    loops += 1;
    process.send?.({ kind: 'loop', loops });
    await sleep(pauseMs * (0.5 + Math.random()));
  }
  await disconnectDb();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[fault worker] crashed:', error);
    process.exit(1);
  },
);
