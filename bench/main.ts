/**
 * `npm run bench [-- --small] [-- --compression N] [-- --only peak,catalog,sweep]`
 * Runs the three scenarios against both simulators over HTTP, prints a table and writes
 * bench/results.json. Started by scripts/bench.ts (which adds the react-server condition).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCatalog, type CatalogResult } from './catalog';
import { round } from './metrics';
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
  const compression = Number(value('--compression') ?? 4);
  if (!Number.isFinite(compression) || compression < 1) throw new Error('--compression must be a number >= 1');
  const only = new Set((value('--only') ?? 'peak,catalog,sweep').split(',').map((s) => s.trim()));
  const orders = value('--orders');
  const skus = value('--skus');
  return { small, compression, only, orders: orders ? Number(orders) : undefined, skus: skus ? Number(skus) : undefined };
}

const PEAK_RATE_PER_HOUR = 10_000;
const BC_QUOTA = 150;
const BC_WINDOW_S = 30;

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
  const baselineRssMb = round(process.memoryUsage().rss / 1024 / 1024, 1);
  console.log(`[bench] database: ${world.dbLabel}; RSS after start-up (app modules, simulators, database) ${baselineRssMb} MB`);
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
      peak = await runPeakHour(world, shop, {
        orders: size.orders,
        compression: c,
        ordersPerSimHour: PEAK_RATE_PER_HOUR,
        tickSimSeconds: 5,
        // Pick-pack lag: between 5 % and 40 % of the simulated window, so despatches overlap arrivals.
        despatchLagSimMinutes: [Math.max(0.5, simMinutes * 0.05), Math.max(1, simMinutes * 0.4)],
        drainTimeoutMs: args.small ? 120_000 : 600_000,
      });
      console.log(`[bench] peak hour done: ${JSON.stringify({ exported: peak.ordersExported, shipments: peak.shipmentsCreated, drained: peak.drained })}`);
    }
    if (args.only.has('catalog')) {
      jitterHashes.push('benchcatalog');
      catalog = await runCatalog(world, { skus: size.skus, changeFraction: 0.01 });
      console.log(`[bench] catalog done: ${JSON.stringify(catalog.tick)}`);
    }
    if (args.only.has('sweep')) {
      const shop = await installShopStore(world, 'benchsweep', { webhooks: true, quota: { requests: BC_QUOTA, windowMs: BC_WINDOW_S * 1000 } });
      jitterHashes.push(shop.hash);
      sweep = await runSweepOnly(world, shop, { orders: size.sweepOrders, tickMs: 5_000, timeoutMs: args.small ? 150_000 : 600_000 });
      console.log(`[bench] sweep done: ${JSON.stringify({ exported: sweep.exported, bc: sweep.bc.total })}`);
    }
  } finally {
    stopJitter();
    await world.close();
  }

  const results = buildResults(args, size, c, world.dbLabel, baselineRssMb, peak, catalog, sweep);
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
  baselineRssMb: number,
  peak: PeakResult | undefined,
  catalog: CatalogResult | undefined,
  sweep: SweepResult | undefined,
) {
  const budgetPerSecond = BC_QUOTA / BC_WINDOW_S;
  const peakPerSecond = PEAK_RATE_PER_HOUR / 3600;
  const writeBackCalls = 3;
  const notes: string[] = [
    `Time compression ${c}x: orders arrive at ${round(peakPerSecond * c, 2)}/s real (= ${round(peakPerSecond, 2)}/s simulated, 10,000 per simulated hour), ` +
      `the BigCommerce quota window is compressed the same way (150 requests per ${round(30 / c, 2)} s real = 150 per 30 s simulated), ` +
      `scheduler ticks every 5 s simulated (${round(5 / c, 2)} s real) and the warehouse lag is compressed too. Simulator latencies ` +
      `(BigCommerce 40-120 ms, Whistl 80-200 ms, re-drawn every 200 ms) and the database are real, and latencies are reported in real ms ` +
      `(a queueing delay of X ms real is X*${c} ms simulated; a network or database delay is not compressed). The product's own timers ` +
      `(retry backoff 30 s+, leases, the sweep's 10-minute overlap) run on the real clock, so under compression they are relatively longer (conservative).`,
    `BigCommerce budget arithmetic (Standard plan): ${BC_QUOTA} requests / ${BC_WINDOW_S} s = ${budgetPerSecond} requests/s = ${budgetPerSecond * 3600} per hour per store. ` +
      `Peak = 10,000 orders/hour = ${round(peakPerSecond, 2)} orders/s. Export needs 1 read per order (${round(peakPerSecond, 2)} req/s, fits). ` +
      `Each shipment write-back costs ${writeBackCalls} calls (read order, list shipments, create shipment), so export + write-back = ${1 + writeBackCalls} calls/order = ` +
      `${round(peakPerSecond * (1 + writeBackCalls), 1)} req/s at peak (${(1 + writeBackCalls) * PEAK_RATE_PER_HOUR} per hour) against ${budgetPerSecond} req/s: impossible within one store's quota. ` +
      `Sustainable rate with both flows = ${budgetPerSecond}/${1 + writeBackCalls} = ${round(budgetPerSecond / (1 + writeBackCalls), 2)} orders/s (${round((budgetPerSecond / (1 + writeBackCalls)) * 3600)} orders/hour); ` +
      `at 2 orders/s the need is ${2 * (1 + writeBackCalls)} req/s. Write-backs run at high priority, so under saturation exports queue behind them and shipments lag; the backlog drains after the peak.`,
    `Database: ${dbLabel}. Everything (app code, both simulators, the database when PGlite) runs in one Node process on a 2-core machine shared with other jobs; peak RSS includes the simulators (and PGlite's WASM heap when used). RSS right after start-up, before any scenario: ${baselineRssMb} MB.`,
  ];
  if (peak) {
    notes.push(
      `Peak latencies count every placed order: one not yet in Whistl (or a despatch not yet written back) when the run ended counts with its age at that moment, a lower bound. ` +
        `Completed orders only: paid -> Whistl p95 ${fmt(peak.completedOnly.paidToWhistlP95Ms)} ms, despatch -> shipment p95 ${fmt(peak.completedOnly.despatchToShipmentP95Ms)} ms. ` +
        `Exported ${peak.ordersExported} of ${peak.ordersPlaced}, shipments ${peak.shipmentsCreated} of ${peak.ordersDespatched} despatched; drained: ${String(peak.drained)}.`,
    );
  }
  if (catalog) {
    notes.push(
      `Catalog full reconciliation: ${catalog.skus.toLocaleString('en-GB')} SKUs = ${catalog.full.catalogPages} catalog pages of 250 + ${catalog.full.adjustments} adjustments of <=2000; ` +
        `at ${BC_QUOTA} requests per ${BC_WINDOW_S} s that is at least ${round(Math.max(0, (catalog.full.catalogPages + catalog.full.adjustments) / BC_QUOTA - 1) * BC_WINDOW_S)} s of quota windows before any latency. ` +
        `The full pass runs on a store's first sync and every inventoryFullIntervalMinutes (default 6 h); the per-tick delta pass is what catalog.passMs measures.`,
    );
  }
  return {
    generatedAt: new Date().toISOString(),
    mode: args.small ? 'small' : 'full',
    machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` },
    timeCompression: c,
    baselineRssMb,
    scale: { orders: peak?.ordersPlaced ?? 0, skus: catalog?.skus ?? 0, sweepOrders: sweep?.orders ?? 0, requested: size },
    peakHour: peak
      ? {
          bcCallsPerOrder: round(peak.bc.exportOrderReads / Math.max(1, peak.ordersExported), 3),
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
          rateLimited429s: peak.bc.clientThrottled,
          served429s: peak.bc.served429,
          limiterWaitsForWindow: peak.bc.limiterWaits,
          peakRssMb: peak.resources.peakRssMb,
          cpuCores: peak.resources.cpuCores,
          cpuSeconds: peak.resources.cpuSeconds,
          ordersExported: peak.ordersExported,
          ordersDespatched: peak.ordersDespatched,
          shipmentsCreated: peak.shipmentsCreated,
          drained: peak.drained,
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

function printTable(results: Results, peak: PeakResult | undefined, catalog: CatalogResult | undefined, sweep: SweepResult | undefined) {
  type Row = [string, string, string, string];
  const rows: Row[] = [];
  const verdict = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'met' : 'MISSED');
  const p = results.peakHour;
  if (p && peak) {
    rows.push([`Peak hour: ${fmt(peak.ordersPlaced)} orders, ${fmt(peak.simulatedMinutes)} sim min (${results.timeCompression}x)`, '', '', '']);
    rows.push(['  paid -> created in Whistl p50 / p95 / p99', `${fmt(p.paidToWhistlP50Ms)} / ${fmt(p.paidToWhistlP95Ms)} / ${fmt(p.paidToWhistlP99Ms)} ms`, 'p95 <= 5,000 ms', verdict(p.paidToWhistlP95Ms <= 5000)]);
    rows.push(['  despatch -> BC shipment p50 / p95', `${fmt(p.despatchToShipmentP50Ms)} / ${fmt(p.despatchToShipmentP95Ms)} ms`, 'p95 <= 60,000 ms', verdict(p.despatchToShipmentP95Ms <= 60_000)]);
    rows.push(['  BC calls per exported order (export path)', fmt(p.bcCallsPerOrder), '<= 1.0', verdict(p.bcCallsPerOrder <= 1)]);
    rows.push(['  BC calls per order, all flows', fmt(p.bcCallsPerOrderAllFlows), '(budget: see notes)', '']);
    rows.push(['  Whistl creates per order / all Whistl calls', `${fmt(p.whistlCallsPerOrder)} / ${fmt(p.whistlCallsPerOrderAllFlows)}`, '1.0', verdict(p.whistlCallsPerOrder <= 1.0)]);
    rows.push(['  429s received (served by BC) / limiter waits', `${fmt(p.rateLimited429s)} (${fmt(p.served429s)}) / ${fmt(p.limiterWaitsForWindow)}`, '', '']);
    rows.push(['  exported / despatched / shipped', `${fmt(p.ordersExported)} / ${fmt(p.ordersDespatched)} / ${fmt(p.shipmentsCreated)}`, `drained: ${String(p.drained)}`, '']);
    rows.push(['  peak RSS / CPU', `${fmt(p.peakRssMb)} MB / ${fmt(p.cpuCores)} cores (${fmt(p.cpuSeconds)} s)`, 'RSS <= 512 MB', verdict(p.peakRssMb <= 512)]);
    rows.push(['  real time (feed / total)', `${fmt(p.realFeedSeconds)} s / ${fmt(p.realTotalSeconds)} s`, '', '']);
  }
  const k = results.catalog;
  if (k && catalog) {
    rows.push([`Catalog: ${fmt(catalog.skus)} SKUs, ${fmt(k.changedSkus)} changed (1 %)`, '', '', '']);
    rows.push(['  tick -> all changes applied', `${fmt(k.passMs)} ms (${k.tickKind})`, '<= 60,000 ms', verdict(k.passMs <= 60_000 && k.allApplied)]);
    rows.push(['  inventory requests for the change', fmt(k.inventoryRequests), '<= 2', verdict(k.inventoryRequests <= 2)]);
    rows.push(['  BC / Whistl requests in the tick', `${fmt(k.bcRequestsPerTick)} / ${fmt(k.whistlRequestsPerTick)}`, '', '']);
    rows.push(['  first full reconciliation', `${fmt(k.fullPassMs)} ms, ${fmt(k.fullPassBcRequests)} BC + ${fmt(k.fullPassWhistlRequests)} Whistl req`, '(see notes)', '']);
    rows.push(['  peak RSS', `${fmt(k.peakRssMb)} MB`, '<= 512 MB', verdict(k.peakRssMb <= 512)]);
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
