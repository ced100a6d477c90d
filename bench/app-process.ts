/**
 * The app process of the benchmark: what a deployed connector instance runs, and nothing else.
 * Forked by bench/app-client.ts with the parent's exec arguments (`--conditions=react-server
 * --import tsx`) and an environment naming the bench database, the simulators and APP_URL.
 *
 * - Listens on BENCH_APP_PORT with a webhook receiver that hands deliveries to the real route
 *   handlers (app/api/webhooks/...), counting them.
 * - Answers the parent's IPC requests (see bench/app-protocol.ts): the in-process scheduler with
 *   the real jobs, inventory runs at a shifted clock, resource usage, limiter stats, shutdown.
 *
 * Its RSS is what the 512 MB target is about: the simulators and the bench driver live in the parent.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { POST as bigCommerceWebhookPOST } from '@/app/api/webhooks/bigcommerce/route';
import { POST as whistlWebhookPOST } from '@/app/api/webhooks/whistl/[storeHash]/[secret]/route';
import { getStoreRateLimiter } from '@/lib/bigcommerce/api';
import { disconnectDb, getDb } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import { fulfilmentJob } from '@/lib/jobs/fulfilment-job';
import { inventoryJob } from '@/lib/jobs/inventory-job';
import { ordersJob } from '@/lib/jobs/orders-job';
import type { JobSummary } from '@/lib/jobs/run-job';
import { startInProcessScheduler, type ScheduledJob } from '@/lib/jobs/scheduler';
import { defaultInventoryDeps } from '@/lib/sync/inventory/deps';
import { runDueInventorySyncs } from '@/lib/sync/inventory/run-inventory-sync';
import type { AppCommandName, AppCommands, AppJobName, AppReady, AppReply, AppRequest, AppUsage, WebhookCounts } from './app-protocol';
import { round, sleep, waitForJobsToFinish } from './metrics';

if (!process.send) {
  console.error('[app] bench/app-process.ts must be started by the bench with child_process.fork (it needs an IPC channel)');
  process.exit(2);
}

const JOBS: Record<AppJobName, (db: DbClient) => Promise<JobSummary>> = {
  orders: ordersJob,
  fulfilment: fulfilmentJob,
  inventory: inventoryJob,
};

// ---------------------------------------------------------------------------------------------
// Webhook receiver
// ---------------------------------------------------------------------------------------------

const webhooks: WebhookCounts = { bigcommerce: 0, whistl: 0, non2xx: 0 };
const WHISTL_PATH = /^\/api\/webhooks\/whistl\/([^/]+)\/([^/]+)\/?$/;

function startReceiver(port: number): Promise<Server> {
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      let handled: Promise<Response>;
      const whistlMatch = WHISTL_PATH.exec(path);
      if (whistlMatch) {
        webhooks.whistl += 1;
        const params = Promise.resolve({ storeHash: decodeURIComponent(whistlMatch[1] ?? ''), secret: decodeURIComponent(whistlMatch[2] ?? '') });
        handled = whistlWebhookPOST(new Request(`http://localhost${path}`, { method: 'POST', body, headers }), { params });
      } else if (path === '/api/webhooks/bigcommerce') {
        webhooks.bigcommerce += 1;
        handled = bigCommerceWebhookPOST(new Request('http://localhost/api/webhooks/bigcommerce', { method: 'POST', body, headers }));
      } else {
        handled = Promise.resolve(new Response('not found', { status: 404 }));
      }
      handled.then(
        async (response) => {
          if (response.status >= 300) webhooks.non2xx += 1;
          res.writeHead(response.status, { 'content-type': 'application/json' });
          res.end(await response.text());
        },
        (error: unknown) => {
          webhooks.non2xx += 1;
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  return new Promise((resolve, reject) => {
    receiver.once('error', reject);
    receiver.listen(port, '127.0.0.1', () => resolve(receiver));
  });
}

// ---------------------------------------------------------------------------------------------
// Resource usage (this process only)
// ---------------------------------------------------------------------------------------------

const MB = 1024 * 1024;

function readVmHwmBytes(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Resets VmHWM to the current RSS (Linux >= 4.0). Returns whether it worked. */
function resetVmHwm(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

const usageState = {
  since: Date.now(),
  cpu: process.cpuUsage(),
  peakRss: 0,
  peakHeap: 0,
  vmHwmSinceReset: false,
};

function sampleUsage(): void {
  const m = process.memoryUsage();
  usageState.peakRss = Math.max(usageState.peakRss, m.rss);
  usageState.peakHeap = Math.max(usageState.peakHeap, m.heapUsed);
}

function resetUsage(): AppUsage {
  usageState.since = Date.now();
  usageState.cpu = process.cpuUsage();
  usageState.peakRss = 0;
  usageState.peakHeap = 0;
  usageState.vmHwmSinceReset = resetVmHwm();
  sampleUsage();
  return currentUsage();
}

function currentUsage(): AppUsage {
  const rss = process.memoryUsage().rss;
  sampleUsage();
  const cpu = process.cpuUsage(usageState.cpu);
  const wallMs = Date.now() - usageState.since;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const vmHwm = readVmHwmBytes();
  return {
    rssMb: round(rss / MB, 1),
    peakRssMb: round(Math.max(usageState.peakRss, vmHwm ?? 0) / MB, 1),
    sampledPeakRssMb: round(usageState.peakRss / MB, 1),
    vmHwmMb: vmHwm === null ? null : round(vmHwm / MB, 1),
    vmHwmSinceReset: usageState.vmHwmSinceReset,
    peakHeapMb: round(usageState.peakHeap / MB, 1),
    cpuSeconds: round(cpuSeconds, 2),
    cpuCores: round(cpuSeconds / Math.max(0.001, wallMs / 1000), 2),
    wallMs,
  };
}

// ---------------------------------------------------------------------------------------------
// Scheduler
// ---------------------------------------------------------------------------------------------

let scheduler: { stop(): void; ticksStarted: number; runsEnded: number } | undefined;

function startScheduler(args: AppCommands['startScheduler'][0]): AppCommands['startScheduler'][1] {
  if (scheduler) throw new Error('the scheduler is already running (stopScheduler first)');
  const state = { stop: () => undefined as void, ticksStarted: 0, runsEnded: 0 };
  const jobs: ScheduledJob[] = args.jobs.map(({ name, everyMs }) => {
    const run = JOBS[name];
    if (!run) throw new Error(`unknown job ${String(name)} (known: ${Object.keys(JOBS).join(', ')})`);
    if (!Number.isFinite(everyMs) || everyMs <= 0) throw new Error(`job ${name}: everyMs must be > 0`);
    return {
      name,
      everyMs,
      run: async (db) => {
        try {
          return await run(db);
        } finally {
          state.runsEnded += 1;
        }
      },
    };
  });
  // The scheduler asks for the database at the start of every tick: count ticks there, so a tick
  // that fired just before stopScheduler is waited for even before its JobRun row exists.
  state.stop = startInProcessScheduler(() => {
    state.ticksStarted += 1;
    return getDb();
  }, jobs);
  scheduler = state;
  return { started: jobs.map((j) => `${j.name} every ${j.everyMs} ms`) };
}

async function stopScheduler(): Promise<AppCommands['stopScheduler'][1]> {
  const started = Date.now();
  const state = scheduler;
  if (!state) return { waitedMs: 0, allFinished: true };
  state.stop();
  scheduler = undefined;
  const deadline = Date.now() + 120_000;
  while (state.runsEnded < state.ticksStarted && Date.now() < deadline) await sleep(100);
  // Then every JobRun row closed (runJob writes finishedAt after the job function returns).
  const allFinished = (await waitForJobsToFinish(await getDb(), Math.max(1_000, deadline - Date.now()))) && state.runsEnded >= state.ticksStarted;
  return { waitedMs: Date.now() - started, allFinished };
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

let server: Server | undefined;

const handlers: { [K in AppCommandName]: (args: AppCommands[K][0]) => Promise<AppCommands[K][1]> | AppCommands[K][1] } = {
  startScheduler,
  stopScheduler,
  runInventory: async ({ offsetMs, storeId }) => {
    const db = await getDb();
    const deps = { ...defaultInventoryDeps(db), now: () => new Date(Date.now() + offsetMs) };
    const summary = await runDueInventorySyncs(db, deps, { timeBudgetMs: 600_000, maxStores: 20 });
    const run = summary.runs.find((r) => r.storeId === storeId);
    if (!run) throw new Error(`the inventory sync of store ${storeId} was not due (${JSON.stringify(summary)})`);
    if (run.error) throw new Error(`the inventory sync of ${run.storeHash} failed: ${run.error}`);
    return run;
  },
  resetUsage: () => resetUsage(),
  usage: () => currentUsage(),
  limiterStats: ({ hash }) => getStoreRateLimiter(hash).stats(),
  webhookCounts: () => ({ ...webhooks }),
  shutdown: async () => {
    scheduler?.stop();
    scheduler = undefined;
    await disconnectDb();
    const s = server;
    server = undefined;
    if (s) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
    return { ok: true };
  },
};

function reply(message: AppReply): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected || !process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

process.on('message', (raw: unknown) => {
  const request = raw as AppRequest;
  if (typeof request?.id !== 'number' || typeof request.cmd !== 'string') return;
  const handler = handlers[request.cmd] as ((args: unknown) => unknown) | undefined;
  void (async () => {
    let message: AppReply;
    try {
      if (!handler) throw new Error(`unknown command ${request.cmd}`);
      message = { id: request.id, ok: true, result: await handler(request.args ?? {}) };
    } catch (error) {
      message = { id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    await reply(message);
    if (request.cmd === 'shutdown' && message.ok) process.exit(0);
  })();
});

// The parent went away: nothing to serve any more.
process.on('disconnect', () => {
  console.error('[app] the bench driver disconnected; exiting');
  process.exit(1);
});

async function main() {
  const port = Number(process.env.BENCH_APP_PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`BENCH_APP_PORT must be a port number (got ${String(process.env.BENCH_APP_PORT)})`);
  // Fail fast on a bad environment or an unreachable database, before saying ready.
  const db = await getDb();
  await db.$queryRaw`SELECT 1`;
  server = await startReceiver(port);
  resetUsage();
  setInterval(sampleUsage, 200).unref();
  const ready: AppReady = { ready: true, port: (server.address() as AddressInfo).port, pid: process.pid };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error('[app] could not start:', error);
  process.exit(1);
});
