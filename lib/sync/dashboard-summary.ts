import type { DbClient } from '../db/types';
import type { ExceptionType, OrderSyncState, OwnerTeam } from '../generated/prisma/enums';

export interface DashboardSummary {
  orders: Partial<Record<OrderSyncState, number>>;
  exportedToday: number;
  openExceptions: Array<{ type: ExceptionType; ownerTeam: OwnerTeam; count: number; oldestAt: string }>;
  lastOrdersRun: { at: string; ok: boolean } | null;
}

/** The handover figures the dashboard opens with; every figure is a count over the store's rows. */
export async function getDashboardSummary(db: DbClient, storeId: string, now: Date = new Date()): Promise<DashboardSummary> {
  const startOfDay = new Date(now);
  startOfDay.setUTCHours(0, 0, 0, 0);
  const [byState, exportedToday, exceptions, lastRun] = await Promise.all([
    db.orderSync.groupBy({ by: ['state'], where: { storeId }, _count: { _all: true } }),
    db.orderSync.count({ where: { storeId, exportedAt: { gte: startOfDay } } }),
    db.syncException.groupBy({ by: ['type', 'ownerTeam'], where: { storeId, status: 'OPEN' }, _count: { _all: true }, _min: { createdAt: true } }),
    db.jobRun.findFirst({ where: { job: 'orders', finishedAt: { not: null } }, orderBy: { startedAt: 'desc' } }),
  ]);
  return {
    orders: Object.fromEntries(byState.map((row) => [row.state, row._count._all])),
    exportedToday,
    openExceptions: exceptions
      .map((row) => ({ type: row.type, ownerTeam: row.ownerTeam, count: row._count._all, oldestAt: (row._min.createdAt ?? now).toISOString() }))
      .sort((a, b) => b.count - a.count),
    lastOrdersRun: lastRun?.finishedAt ? { at: lastRun.finishedAt.toISOString(), ok: Boolean(lastRun.ok) } : null,
  };
}
