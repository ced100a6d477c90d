import type { DbClient } from '../db/types';
import type { ExceptionType, OrderSyncState, OwnerTeam } from '../generated/prisma/enums';
import { listAtRiskOrders, nextCutoff, type AtRiskOrder, type AtRiskReason } from './cutoff/cutoff';
import { countPerBucket, lastLocalDays } from './cutoff/day-buckets';
import { isValidTimeZone } from '../time/zoned-time';

/** The cron jobs whose last good run the dashboard shows (JobRun.job). */
export const DASHBOARD_JOBS = ['orders', 'fulfilment', 'inventory', 'monitor'] as const;
export type DashboardJob = (typeof DASHBOARD_JOBS)[number];

/** Every job is expected each minute; one without a good run for this long is late. */
export const JOB_LATE_AFTER_MS = 5 * 60_000;
export const TREND_DAYS = 14;
/** The dashboard lists this many at-risk orders; the total is always given. */
export const AT_RISK_SHOWN = 25;

export interface JobHealth {
  job: DashboardJob;
  /** When the last successful run finished. */
  lastGoodAt: string | null;
  lastRunAt: string | null;
  lastRunOk: boolean | null;
  /** never: no good run yet; failing: the latest run failed; late: no good run for JOB_LATE_AFTER_MS. */
  status: 'ok' | 'late' | 'failing' | 'never';
  late: boolean;
}

export interface AtRiskOrderView extends Omit<AtRiskOrder, 'since'> {
  since: string;
}

export interface DashboardSummary {
  generatedAt: string;
  /** The store's time zone: "today" and the trend days are its calendar days. */
  timeZone: string;
  today: string;
  orders: Partial<Record<OrderSyncState, number>>;
  /** PENDING + EXPORTING. */
  waitingToExport: number;
  /** Orders whose export to Whistl happened today (store time zone). */
  exportedToday: number;
  openExceptions: Array<{ type: ExceptionType; ownerTeam: OwnerTeam; count: number; oldestAt: string }>;
  openExceptionsTotal: number;
  writeBacks: { pending: number; failed: number; oldestPendingAt: string | null };
  inventory: {
    enabled: boolean;
    /** Time since the last good inventory run started: how far the storefront may be behind. */
    lagMs: number | null;
    /** Age of the oldest stock change the last good run applied. */
    lastRunLagMs: number | null;
    lastGoodAt: string | null;
    lastRunOk: boolean | null;
  };
  jobs: JobHealth[];
  /** Kept for older clients: the orders job's last finished run. */
  lastOrdersRun: { at: string; ok: boolean } | null;
  cutoff: {
    cutoffTime: string | null;
    cutoffAt: string | null;
    msLeft: number | null;
    atRiskTotal: number;
    atRiskByReason: Record<AtRiskReason, number>;
    /** The oldest AT_RISK_SHOWN at-risk orders. */
    atRisk: AtRiskOrderView[];
  };
  trends: {
    days: string[];
    /** Orders exported per day (by exportedAt). */
    exports: number[];
    /** Exceptions opened per day (by createdAt, whatever their status now). */
    exceptions: number[];
    /** Whistl orders despatched per day (shipment write-backs by despatchedAt, else when recorded). */
    despatches: number[];
    /** Worst inventory lag of the day's good runs (ms), null on a day without one. */
    syncLagMs: Array<number | null>;
  };
}

/**
 * The handover figures the dashboard opens with; every figure is a count over the store's own rows
 * (JobRun is the only global table: cron jobs serve all stores at once).
 */
export async function getDashboardSummary(db: DbClient, storeId: string, now: Date = new Date()): Promise<DashboardSummary> {
  const settings = await db.storeSettings.findUnique({
    where: { storeId },
    select: { timeZone: true, cutoffTime: true, inventorySyncEnabled: true },
  });
  const timeZone = settings && isValidTimeZone(settings.timeZone) ? settings.timeZone : 'Europe/London';
  const days = lastLocalDays(now, timeZone, TREND_DAYS);
  const today = days[days.length - 1]!;
  const windowStart = days[0]!.start;

  const [byState, exportedToday, exceptions, writeBacks, oldestPending, lastInventoryRun, lastGoodInventoryRun, jobs, atRisk, trendRows] = await Promise.all([
    db.orderSync.groupBy({ by: ['state'], where: { storeId }, _count: { _all: true } }),
    db.orderSync.count({ where: { storeId, exportedAt: { gte: today.start, lt: today.end } } }),
    db.syncException.groupBy({ by: ['type', 'ownerTeam'], where: { storeId, status: 'OPEN' }, _count: { _all: true }, _min: { createdAt: true } }),
    db.shipmentWriteBack.groupBy({ by: ['state'], where: { storeId, state: { in: ['PENDING', 'WORKING', 'FAILED'] } }, _count: { _all: true } }),
    db.shipmentWriteBack.findFirst({ where: { storeId, state: { in: ['PENDING', 'WORKING'] } }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
    db.inventoryRun.findFirst({ where: { storeId, finishedAt: { not: null } }, orderBy: { startedAt: 'desc' } }),
    db.inventoryRun.findFirst({ where: { storeId, ok: true }, orderBy: { startedAt: 'desc' } }),
    Promise.all(DASHBOARD_JOBS.map((job) => jobHealth(db, job, now))),
    listAtRiskOrders(db, storeId, now),
    trendData(db, storeId, windowStart),
  ]);

  const cutoff = settings ? nextCutoff(settings, now) : null;
  const atRiskByReason: Record<AtRiskReason, number> = { EXCEPTION: 0, NOT_EXPORTED: 0, NOT_PICKED: 0 };
  for (const order of atRisk) atRiskByReason[order.reason] += 1;
  const orders: Partial<Record<OrderSyncState, number>> = Object.fromEntries(byState.map((row) => [row.state, row._count._all]));
  const writeBackCount = (states: string[]) => writeBacks.filter((row) => states.includes(row.state)).reduce((sum, row) => sum + row._count._all, 0);
  const ordersJob = jobs.find((j) => j.job === 'orders');

  return {
    generatedAt: now.toISOString(),
    timeZone,
    today: today.date,
    orders,
    waitingToExport: (orders.PENDING ?? 0) + (orders.EXPORTING ?? 0),
    exportedToday,
    openExceptions: exceptions
      .map((row) => ({ type: row.type, ownerTeam: row.ownerTeam, count: row._count._all, oldestAt: (row._min.createdAt ?? now).toISOString() }))
      .sort((a, b) => b.count - a.count || a.oldestAt.localeCompare(b.oldestAt)),
    openExceptionsTotal: exceptions.reduce((sum, row) => sum + row._count._all, 0),
    writeBacks: {
      pending: writeBackCount(['PENDING', 'WORKING']),
      failed: writeBackCount(['FAILED']),
      oldestPendingAt: oldestPending?.createdAt.toISOString() ?? null,
    },
    inventory: {
      enabled: settings?.inventorySyncEnabled ?? true,
      lagMs: lastGoodInventoryRun ? Math.max(0, now.getTime() - lastGoodInventoryRun.startedAt.getTime()) : null,
      lastRunLagMs: lastGoodInventoryRun?.lagMs ?? null,
      lastGoodAt: lastGoodInventoryRun?.finishedAt?.toISOString() ?? null,
      lastRunOk: lastInventoryRun?.ok ?? null,
    },
    jobs,
    lastOrdersRun: ordersJob?.lastRunAt && ordersJob.lastRunOk !== null ? { at: ordersJob.lastRunAt, ok: ordersJob.lastRunOk } : null,
    cutoff: {
      cutoffTime: settings?.cutoffTime ?? null,
      cutoffAt: cutoff?.cutoffAt.toISOString() ?? null,
      msLeft: cutoff?.msLeft ?? null,
      atRiskTotal: atRisk.length,
      atRiskByReason,
      atRisk: atRisk.slice(0, AT_RISK_SHOWN).map((order) => ({ ...order, since: order.since.toISOString() })),
    },
    trends: {
      days: days.map((d) => d.date),
      exports: countPerBucket(days, trendRows.exports),
      exceptions: countPerBucket(days, trendRows.exceptions),
      despatches: countPerBucket(days, trendRows.despatches),
      syncLagMs: days.map((day) => {
        let worst: number | null = null;
        for (const run of trendRows.inventoryRuns) {
          if (run.at >= day.start && run.at < day.end && run.lagMs !== null) worst = Math.max(worst ?? 0, run.lagMs);
        }
        return worst;
      }),
    },
  };
}

async function jobHealth(db: DbClient, job: DashboardJob, now: Date): Promise<JobHealth> {
  const [lastRun, lastGood] = await Promise.all([
    db.jobRun.findFirst({ where: { job, finishedAt: { not: null } }, orderBy: { startedAt: 'desc' }, select: { finishedAt: true, ok: true } }),
    db.jobRun.findFirst({ where: { job, ok: true }, orderBy: { startedAt: 'desc' }, select: { finishedAt: true } }),
  ]);
  const lastGoodAt = lastGood?.finishedAt ?? null;
  const late = !lastGoodAt || now.getTime() - lastGoodAt.getTime() > JOB_LATE_AFTER_MS;
  const status: JobHealth['status'] = !lastGoodAt ? 'never' : lastRun?.ok === false ? 'failing' : late ? 'late' : 'ok';
  return {
    job,
    lastGoodAt: lastGoodAt?.toISOString() ?? null,
    lastRunAt: lastRun?.finishedAt?.toISOString() ?? null,
    lastRunOk: lastRun?.ok ?? null,
    status,
    late,
  };
}

async function trendData(db: DbClient, storeId: string, since: Date) {
  const [exports, exceptions, despatches, inventoryRuns] = await Promise.all([
    db.orderSync.findMany({ where: { storeId, exportedAt: { gte: since } }, select: { exportedAt: true } }),
    db.syncException.findMany({ where: { storeId, createdAt: { gte: since } }, select: { createdAt: true } }),
    db.shipmentWriteBack.findMany({
      where: { storeId, OR: [{ despatchedAt: { gte: since } }, { despatchedAt: null, createdAt: { gte: since } }] },
      select: { despatchedAt: true, createdAt: true },
    }),
    db.inventoryRun.findMany({ where: { storeId, ok: true, startedAt: { gte: since } }, select: { startedAt: true, lagMs: true } }),
  ]);
  return {
    exports: exports.flatMap((row) => (row.exportedAt ? [row.exportedAt] : [])),
    exceptions: exceptions.map((row) => row.createdAt),
    despatches: despatches.map((row) => row.despatchedAt ?? row.createdAt),
    inventoryRuns: inventoryRuns.map((row) => ({ at: row.startedAt, lagMs: row.lagMs })),
  };
}
