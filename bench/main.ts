/**
 * `npm run bench [-- --small] [-- --compression N] [-- --only peak,catalog,sweep]`
 * Runs the three scenarios against both simulators over HTTP, prints a table and writes
 * bench/results.json. Started by scripts/bench.ts (which adds the react-server condition).
 *
 * Two processes: this one (the driver, both simulators, the simulated warehouse, the database
 * set-up and every metric read from the database and the simulators' counters) and the app
 * process (bench/app-process.ts: webhook receiver, scheduler, inventory runs), whose RSS is what
 * the 512 MB target is about. Needs PostgreSQL (DATABASE_URL, else a local default).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_MAX_OLD_SPACE_MB } from './app-client';
import { runCatalog, type CatalogResult } from './catalog';
import { round, sleep } from './metrics';
import { runPeakHour, type PeakResult } from './peak';
import { runSweepOnly, type SweepResult } from './sweep';
import { installShopStore, startLatencyJitter, startWorld } from './world';

interface Args {
  small: boolean;
  compression: number;
  only: Set<string>;
  orders?: number;
  skus?: number;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const small = argv.includes('--small');
  const compression = Number(value('--compression') ?? 2);
  if (!Number.isFinite(compression) || compression < 1) throw new Error('--compression must be a number >= 1');
  const only = new Set((value('--only') ?? 'peak,catalog,sweep').split(',').map((s) => s.trim()));
  const orders = value('--orders');
  const skus = value('--skus');
  return { small, compression, only, orders: orders ? Number(orders) : undefined, skus: skus ? Number(skus) : undefined };
}

const PEAK_RATE_PER_HOUR = 10_000;
const BC_QUOTA = 150;
const BC_WINDOW_S = 30;
/** The production cadence of the scheduled jobs (lib/jobs/scheduler.ts SCHEDULED_JOBS), simulated seconds. */
const PRODUCTION_TICK_SIM_S = 60;
/** The sweep scenario's tick, real ms (the scenario is not compressed). See the note in buildResults. */
const SWEEP_TICK_MS = 5_000;

function fmt(value: number | undefined, unit = ''): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  return `${value.toLocaleString('en-GB')}${unit}`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const size = {
    orders: args.orders ?? (args.small ? 500 : 10_000),
    skus: args.skus ?? (args.small ? 10_000 : 100_000),
    sweepOrders: args.small ? 500 : 2_000,
  };
  const c = args.compression;
  console.log(`[bench] ${args.small ? 'small' : 'full'} size: ${JSON.stringify(size)}; time compression ${c}x; scenarios ${[...args.only].join(', ')}`);
  const world = await startWorld();
  const baselineRssMb = (await world.app.call('usage', {})).rssMb;
  const benchBaselineRssMb = round(process.memoryUsage().rss / 1024 / 1024, 1);
  console.log(
    `[bench] database: ${world.dbLabel}; app process pid ${world.app.pid} at ${world.appUrl}; ` +
      `RSS after start-up: app ${baselineRssMb} MB, driver + simulators ${benchBaselineRssMb} MB`,
  );
  // A dead app process fails the scenario at once instead of letting it wait for its timeouts (its
  // loops stop on world.app.signal); give it a moment to unwind before the database is dropped.
  const orDied = async <T>(scenario: Promise<T>): Promise<T> => {
    try {
      return await Promise.race([scenario, world.app.died]);
    } catch (error) {
      if (world.app.signal.aborted) await Promise.race([scenario.catch(() => undefined), sleep(15_000)]);
      throw error;
    }
  };
  const jitterHashes: string[] = [];
  const stopJitter = startLatencyJitter(world, () => jitterHashes);

  let peak: PeakResult | undefined;
  let catalog: CatalogResult | undefined;
  let sweep: SweepResult | undefined;
  try {
    if (args.only.has('peak')) {
      const shop = await installShopStore(world, 'benchpeak', { webhooks: true, quota: { requests: BC_QUOTA, windowMs: Math.round((BC_WINDOW_S * 1000) / c) } });
      jitterHashes.push(shop.hash);
      const simMinutes = (size.orders / PEAK_RATE_PER_HOUR) * 60;
      const lagHiSimMinutes = Math.max(1, simMinutes * 0.4);
      peak = await orDied(
        runPeakHour(world, shop, {
          orders: size.orders,
          compression: c,
          ordersPerSimHour: PEAK_RATE_PER_HOUR,
          tickSimSeconds: PRODUCTION_TICK_SIM_S,
        // Pick-pack lag: between 5 % and 40 % of the simulated window, so despatches overlap arrivals.
          despatchLagSimMinutes: [Math.max(0.5, simMinutes * 0.05), lagHiSimMinutes],
          // The last order may wait the whole warehouse lag before it is despatched: the drain covers it.
          drainTimeoutMs: (args.small ? 120_000 : 300_000) + (lagHiSimMinutes * 60_000) / c,
        }),
      );
      console.log(`[bench] peak hour done: ${JSON.stringify({ exported: peak.ordersExported, shipments: peak.shipmentsCreated, drained: peak.drained })}`);
    }
    if (args.only.has('catalog')) {
      jitterHashes.push('benchcatalog');
      catalog = await orDied(runCatalog(world, { skus: size.skus, changeFraction: 0.01 }));
      console.log(`[bench] catalog done: ${JSON.stringify(catalog.tick)}`);
    }
    if (args.only.has('sweep')) {
      const shop = await installShopStore(world, 'benchsweep', { webhooks: true, quota: { requests: BC_QUOTA, windowMs: BC_WINDOW_S * 1000 } });
      jitterHashes.push(shop.hash);
      sweep = await orDied(runSweepOnly(world, shop, { orders: size.sweepOrders, tickMs: SWEEP_TICK_MS, timeoutMs: args.small ? 150_000 : 600_000 }));
      console.log(`[bench] sweep done: ${JSON.stringify({ exported: sweep.exported, bc: sweep.bc.total })}`);
    }
  } finally {
    stopJitter();
    await world.close();
  }

  const results = buildResults(args, size, c, world.dbLabel, { app: baselineRssMb, bench: benchBaselineRssMb }, peak, catalog, sweep);
  const file = path.join(process.cwd(), 'bench', 'results.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results, peak, catalog, sweep);
  console.log(`\n[bench] wrote ${path.relative(process.cwd(), file)}`);
}

type Results = ReturnType<typeof buildResults>;

function buildResults(
  args: Args,
  size: { orders: number; skus: number; sweepOrders: number },
  c: number,
  dbLabel: string,
  startupRssMb: { app: number; bench: number },
  peak: PeakResult | undefined,
  catalog: CatalogResult | undefined,
  sweep: SweepResult | undefined,
) {
  const budgetPerSecond = BC_QUOTA / BC_WINDOW_S;
  const peakPerSecond = PEAK_RATE_PER_HOUR / 3600;
  // Export path: every order list and order read over the orders exported (an upper bound: any
  // write-back that had to read the order is in there too). Write-back: every shipments call over
  // the shipments created.
  const exportCallsPerOrder = peak ? (peak.bc.orderLists + peak.bc.orderReads) / Math.max(1, peak.ordersExported) : undefined;
  const writeBackCallsPerShipment = peak ? peak.bc.shipmentCalls / Math.max(1, peak.shipmentsCreated) : undefined;
  const peakTickMs = peak?.schedulerTickMs ?? Math.round((PRODUCTION_TICK_SIM_S * 1000) / c);
  const notes: string[] = [
    `Time compression ${c}x: orders arrive at ${round(peakPerSecond * c, 2)}/s real (= ${round(peakPerSecond, 2)}/s simulated, 10,000 per simulated hour), ` +
      `the BigCommerce quota window is compressed the same way (150 requests per ${round(30 / c, 2)} s real = 150 per 30 s simulated), ` +
      `the scheduler runs every job on the production cadence, every ${PRODUCTION_TICK_SIM_S} s simulated (${round(peakTickMs / 1000, 2)} s real), and the warehouse lag is compressed too. ` +
      `The app process runs with SYNC_AFTER_WEBHOOK=1, so the paid -> Whistl and despatch -> shipment latencies come from the product's webhook-triggered path; ` +
      `a latency near the tick means the order waited for a scheduled run instead. Simulator latencies ` +
      `(BigCommerce 40-120 ms, Whistl 80-200 ms, re-drawn every 200 ms) and the database are real, and latencies are reported in real ms ` +
      `(a queueing delay of X ms real is X*${c} ms simulated; a network or database delay is not compressed). The product's own timers ` +
      `(retry backoff 30 s+, leases, the sweep's 10-minute overlap) run on the real clock, so under compression they are relatively longer (conservative).`,
    budgetNote(budgetPerSecond, peakPerSecond, exportCallsPerOrder, writeBackCallsPerShipment),
    `Database: ${dbLabel}, a separate server shared by both processes. Two Node processes on a ${os.cpus().length}-core machine shared with other jobs: ` +
      `the app process (bench/app-process.ts: the webhook receiver calling the real route handlers, the in-process scheduler with the real jobs, inventory runs, its own Prisma pool) ` +
      `and the bench process (driver, both simulators holding the catalogs and orders in memory, the simulated warehouse, store installs and metric queries on its own connection). ` +
      `peakRssMb is the app process alone: the highest of RSS sampled every 200 ms and VmHWM (reset at each scenario's start through /proc/self/clear_refs when the kernel allows it; otherwise VmHWM is the lifetime peak, an upper bound). ` +
      `CPU is the app process's too. RSS right after start-up, before any scenario: app ${startupRssMb.app} MB, driver + simulators ${startupRssMb.bench} MB. ` +
      `The app process runs with --max-old-space-size=${APP_MAX_OLD_SPACE_MB}, as npm start sets it for a 512 MB instance (without it V8 sizes the heap from this machine's ${Math.round(os.totalmem() / 2 ** 30)} GB and collects late).`,
  ];
  if (peak) {
    notes.push(
      `Peak latencies count every placed order: one not yet in Whistl (or a despatch not yet written back) when the run ended counts with its age at that moment, a lower bound. ` +
        `Completed orders only: paid -> Whistl p95 ${fmt(peak.completedOnly.paidToWhistlP95Ms)} ms, despatch -> shipment p95 ${fmt(peak.completedOnly.despatchToShipmentP95Ms)} ms. ` +
        `Exported ${peak.ordersExported} of ${peak.ordersPlaced}, shipments ${peak.shipmentsCreated} of ${peak.ordersDespatched} despatched; drained: ${String(peak.drained)}. ` +
        `rateLimited429s counts the 429s BigCommerce served to the store (${peak.bc.served429}); the app's limiter saw ${peak.bc.clientThrottled} and waited for a window ${peak.bc.limiterWaits} times. ` +
        `Store installs (OAuth, webhook registration) run in the bench process before the scenario and are not counted.`,
    );
  }
  if (catalog) {
    notes.push(
      `Catalog full reconciliation: ${catalog.skus.toLocaleString('en-GB')} SKUs = ${catalog.full.catalogPages} catalog pages of 250 + ${catalog.full.adjustments} adjustments of <=2000; ` +
        `at ${BC_QUOTA} requests per ${BC_WINDOW_S} s that is at least ${round(Math.max(0, (catalog.full.catalogPages + catalog.full.adjustments) / BC_QUOTA - 1) * BC_WINDOW_S)} s of quota windows before any latency. ` +
        `The full pass runs on a store's first sync and every inventoryFullIntervalMinutes (default 6 h); the per-tick delta pass is what catalog.passMs measures. ` +
        `Both passes run in the app process (runDueInventorySyncs with the scheduler's clock shifted by the scenario).`,
    );
  }
  if (sweep) {
    notes.push(
      `Sweep scenario: every webhook of the store is dropped and the scheduler runs the orders job alone, every ${round(sweep.tickMs / 1000, 1)} s real (this scenario is not compressed), ` +
        `not on the production 60 s: the orders job exports at most 200 orders per run, so ${sweep.orders} orders would need at least ${Math.ceil(sweep.orders / 200)} runs ` +
        `(${Math.ceil(sweep.orders / 200) * 60} s or more at 60 s), past the scenario's time limit (150 s small, 600 s full) and the small run's 5-minute budget. It measures calls per order, not latency; ` +
        `a shorter tick makes more sweep list calls per order, so the figure is conservative.`,
    );
  }
  return {
    generatedAt: new Date().toISOString(),
    mode: args.small ? 'small' : 'full',
    machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` },
    timeCompression: c,
    baselineRssMb: startupRssMb.app,
    benchProcessBaselineRssMb: startupRssMb.bench,
    scale: { orders: peak?.ordersPlaced ?? 0, skus: catalog?.skus ?? 0, sweepOrders: sweep?.orders ?? 0, requested: size },
    peakHour: peak
      ? {
          bcCallsPerOrder: round(exportCallsPerOrder ?? Number.NaN, 3),
          bcCallsPerShipment: round(writeBackCallsPerShipment ?? Number.NaN, 3),
          bcCallsPerOrderAllFlows: round(peak.bc.total / Math.max(1, peak.ordersExported), 3),
          whistlCallsPerOrder: round(peak.whistl.creates / Math.max(1, peak.ordersExported), 3),
          whistlCallsPerOrderAllFlows: round(peak.whistl.total / Math.max(1, peak.ordersExported), 3),
          paidToWhistlP50Ms: peak.paidToWhistlMs.p50,
          paidToWhistlP95Ms: peak.paidToWhistlMs.p95,
          paidToWhistlP99Ms: peak.paidToWhistlMs.p99,
          despatchToShipmentP50Ms: peak.despatchToShipmentMs.p50,
          despatchToShipmentP95Ms: peak.despatchToShipmentMs.p95,
          paidToWhistlP95MsCompletedOnly: peak.completedOnly.paidToWhistlP95Ms,
          despatchToShipmentP95MsCompletedOnly: peak.completedOnly.despatchToShipmentP95Ms,
          rateLimited429s: peak.bc.served429,
          served429s: peak.bc.served429,
          limiterThrottled: peak.bc.clientThrottled,
          limiterWaitsForWindow: peak.bc.limiterWaits,
          peakRssMb: peak.resources.peakRssMb,
          peakRssDetail: {
            sampledMb: peak.resources.sampledPeakRssMb,
            vmHwmMb: peak.resources.vmHwmMb,
            vmHwmSinceScenarioStart: peak.resources.vmHwmSinceReset,
          },
          peakHeapMb: peak.resources.peakHeapMb,
          benchProcessPeakRssMb: peak.benchResources.peakRssMb,
          cpuCores: peak.resources.cpuCores,
          cpuSeconds: peak.resources.cpuSeconds,
          benchProcessCpuCores: peak.benchResources.cpuCores,
          ordersExported: peak.ordersExported,
          ordersDespatched: peak.ordersDespatched,
          shipmentsCreated: peak.shipmentsCreated,
          drained: peak.drained,
          schedulerTickMs: peak.schedulerTickMs,
          simulatedMinutes: peak.simulatedMinutes,
          realFeedSeconds: peak.realFeedSeconds,
          realTotalSeconds: peak.realTotalSeconds,
          bcCalls: peak.bc.calls,
          whistlCalls: peak.whistl.calls,
          webhooks: peak.webhooks,
          jobs: peak.jobs,
        }
      : null,
    catalog: catalog
      ? {
          passMs: catalog.tick.passMs,
          inventoryRequests: catalog.tick.adjustments,
          bcRequestsPerTick: catalog.tick.bcRequests,
          whistlRequestsPerTick: catalog.tick.whistlRequests,
          changedSkus: catalog.changed,
          pushed: catalog.tick.pushed,
          tickKind: catalog.tick.kind,
          allApplied: catalog.tick.applied,
          fullPassMs: catalog.full.passMs,
          fullPassBcRequests: catalog.full.bcRequests,
          fullPassWhistlRequests: catalog.full.whistlRequests,
          peakRssMb: catalog.resources.peakRssMb,
          peakHeapMb: catalog.resources.peakHeapMb,
        }
      : null,
    sweep: sweep
      ? {
          bcCallsPerOrder: round(sweep.bc.total / Math.max(1, sweep.exported), 4),
          orders: sweep.orders,
          exported: sweep.exported,
          webhooksDelivered: sweep.webhooksDelivered,
          whistlCallsPerOrder: round(sweep.whistlCreates / Math.max(1, sweep.exported), 3),
          orderListCalls: sweep.bc.orderLists,
          orderReadCalls: sweep.bc.orderReads,
          placedToWhistlP95Ms: sweep.placedToWhistlMs.p95,
          realSeconds: sweep.realSeconds,
          tickMs: sweep.tickMs,
          peakRssMb: sweep.resources.peakRssMb,
        }
      : null,
    notes,
  };
}

/** The per-store quota against the peak, from the measured calls per order and per shipment. */
function budgetNote(budgetPerSecond: number, peakPerSecond: number, exportPerOrder: number | undefined, writeBackPerShipment: number | undefined): string {
  const head =
    `BigCommerce budget arithmetic (Standard plan): ${BC_QUOTA} requests / ${BC_WINDOW_S} s = ${budgetPerSecond} requests/s = ${budgetPerSecond * 3600} per hour per store. ` +
    `Peak = 10,000 orders/hour = ${round(peakPerSecond, 2)} orders/s.`;
  if (exportPerOrder === undefined || writeBackPerShipment === undefined) return `${head} Not computed: the peak scenario did not run.`;
  const perOrder = exportPerOrder + writeBackPerShipment;
  const need = peakPerSecond * perOrder;
  const sustainable = budgetPerSecond / Math.max(0.001, perOrder);
  return (
    `${head} Measured in the peak hour: export ${round(exportPerOrder, 3)} calls/order (order lists + order reads over orders exported, an upper bound) ` +
    `and write-back ${round(writeBackPerShipment, 3)} calls/shipment (every /v2/orders/{id}/shipments call over shipments created), so both flows need ${round(perOrder, 3)} calls/order = ` +
    `${round(need, 2)} req/s at peak (${round(perOrder * PEAK_RATE_PER_HOUR)} per hour) against ${budgetPerSecond} req/s: ` +
    `${need <= budgetPerSecond ? `fits, using ${round((need / budgetPerSecond) * 100)} % of the store's quota` : 'does not fit within one store\'s quota'}. ` +
    `Sustainable rate with both flows = ${budgetPerSecond}/${round(perOrder, 3)} = ${round(sustainable, 2)} orders/s (${round(sustainable * 3600)} orders/hour). ` +
    `Write-backs run at high priority, so under saturation exports queue behind them; the backlog drains after the peak.`
  );
}

function printTable(results: Results, peak: PeakResult | undefined, catalog: CatalogResult | undefined, sweep: SweepResult | undefined) {
  type Row = [string, string, string, string];
  const rows: Row[] = [];
  const verdict = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'met' : 'MISSED');
  const p = results.peakHour;
  if (p && peak) {
    rows.push([`Peak hour: ${fmt(peak.ordersPlaced)} orders, ${fmt(peak.simulatedMinutes)} sim min (${results.timeCompression}x)`, '', '', '']);
    rows.push(['  paid -> created in Whistl p50 / p95 / p99', `${fmt(p.paidToWhistlP50Ms)} / ${fmt(p.paidToWhistlP95Ms)} / ${fmt(p.paidToWhistlP99Ms)} ms`, 'p95 <= 5,000 ms', verdict(p.paidToWhistlP95Ms <= 5000)]);
    rows.push(['  despatch -> BC shipment p50 / p95', `${fmt(p.despatchToShipmentP50Ms)} / ${fmt(p.despatchToShipmentP95Ms)} ms`, 'p95 <= 60,000 ms', verdict(p.despatchToShipmentP95Ms <= 60_000)]);
    rows.push(['  BC calls per exported order (export path, upper bound)', fmt(p.bcCallsPerOrder), '<= 1.0', verdict(p.bcCallsPerOrder <= 1)]);
    rows.push(['  BC calls per shipment (write-back)', fmt(p.bcCallsPerShipment), '(budget: see notes)', '']);
    rows.push(['  BC calls per order, all flows', fmt(p.bcCallsPerOrderAllFlows), '(budget: see notes)', '']);
    rows.push(['  Whistl creates per order / all Whistl calls', `${fmt(p.whistlCallsPerOrder)} / ${fmt(p.whistlCallsPerOrderAllFlows)}`, '1.0', verdict(p.whistlCallsPerOrder <= 1.0)]);
    rows.push(['  429s served by BC (seen by the limiter) / limiter waits', `${fmt(p.rateLimited429s)} (${fmt(p.limiterThrottled)}) / ${fmt(p.limiterWaitsForWindow)}`, '', '']);
    rows.push(['  exported / despatched / shipped', `${fmt(p.ordersExported)} / ${fmt(p.ordersDespatched)} / ${fmt(p.shipmentsCreated)}`, `drained: ${String(p.drained)}`, '']);
    rows.push(['  app process peak RSS / CPU', `${fmt(p.peakRssMb)} MB / ${fmt(p.cpuCores)} cores (${fmt(p.cpuSeconds)} s)`, 'RSS <= 512 MB', verdict(p.peakRssMb <= 512)]);
    rows.push(['  bench process (driver + simulators) peak RSS', `${fmt(p.benchProcessPeakRssMb)} MB`, '(information)', '']);
    rows.push(['  scheduler tick (every job)', `${fmt(p.schedulerTickMs)} ms real`, '', '']);
    rows.push(['  real time (feed / total)', `${fmt(p.realFeedSeconds)} s / ${fmt(p.realTotalSeconds)} s`, '', '']);
  }
  const k = results.catalog;
  if (k && catalog) {
    rows.push([`Catalog: ${fmt(catalog.skus)} SKUs, ${fmt(k.changedSkus)} changed (1 %)`, '', '', '']);
    rows.push(['  tick -> all changes applied', `${fmt(k.passMs)} ms (${k.tickKind})`, '<= 60,000 ms', verdict(k.passMs <= 60_000 && k.allApplied)]);
    rows.push(['  inventory requests for the change', fmt(k.inventoryRequests), '<= 2', verdict(k.inventoryRequests <= 2)]);
    rows.push(['  BC / Whistl requests in the tick', `${fmt(k.bcRequestsPerTick)} / ${fmt(k.whistlRequestsPerTick)}`, '', '']);
    rows.push(['  first full reconciliation', `${fmt(k.fullPassMs)} ms, ${fmt(k.fullPassBcRequests)} BC + ${fmt(k.fullPassWhistlRequests)} Whistl req`, '(see notes)', '']);
    rows.push(['  app process peak RSS', `${fmt(k.peakRssMb)} MB`, '<= 512 MB', verdict(k.peakRssMb <= 512)]);
  }
  const s = results.sweep;
  if (s && sweep) {
    rows.push([`Sweep only: ${fmt(sweep.orders)} orders, webhooks dropped`, '', '', '']);
    rows.push(['  BC calls per exported order', `${fmt(s.bcCallsPerOrder)} (${fmt(s.orderListCalls)} lists, ${fmt(s.orderReadCalls)} reads)`, '<= 0.02', verdict(s.bcCallsPerOrder <= 0.02)]);
    rows.push(['  exported / webhooks delivered', `${fmt(s.exported)} / ${fmt(s.webhooksDelivered)}`, '', '']);
    rows.push(['  Whistl creates per order', fmt(s.whistlCallsPerOrder), '1.0', verdict(s.whistlCallsPerOrder <= 1)]);
    rows.push(['  placed -> Whistl p95 / run time', `${fmt(s.placedToWhistlP95Ms)} ms / ${fmt(s.realSeconds)} s`, '', '']);
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0), ['Measure', 'Result', 'Target', ''][i]?.length ?? 0));
  const line = (r: readonly string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log('');
  console.log(line(['Measure', 'Result', 'Target', 'Verdict']));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  if (peak) {
    console.log('\nBigCommerce calls in the peak hour by route:');
    for (const [key, count] of Object.entries(peak.bc.calls)) console.log(`  ${key.padEnd(48)} ${String(count).padStart(7)}  (${round(count / Math.max(1, peak.ordersExported), 3)}/order)`);
    console.log('Scheduled job run times in the peak hour (ms):');
    for (const [name, j] of Object.entries(peak.jobs)) console.log(`  ${name.padEnd(12)} runs ${j.runs}, p50 ${fmt(j.p50Ms)}, p95 ${fmt(j.p95Ms)}, max ${fmt(j.maxMs)}`);
    console.log('Whistl calls in the peak hour by route:');
    for (const [key, count] of Object.entries(peak.whistl.calls)) console.log(`  ${key.padEnd(48)} ${String(count).padStart(7)}  (${round(count / Math.max(1, peak.ordersExported), 3)}/order)`);
  }
  console.log('\nNotes:');
  for (const note of results.notes) console.log(`- ${note}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
