import type { DbClient } from '../../db/types';
import type { ExceptionStatus, ExceptionType, OrderSyncState, OwnerTeam } from '../../generated/prisma/enums';
import { runbookFor, type RunbookView } from './runbook';

export interface ExceptionFilters {
  /** Default OPEN. */
  status?: ExceptionStatus;
  type?: ExceptionType;
  owner?: OwnerTeam;
  /** Only exceptions at least this old. */
  olderThanHours?: number;
}

export interface ExceptionView {
  id: string;
  type: ExceptionType;
  status: ExceptionStatus;
  ownerTeam: OwnerTeam;
  reasonKey: string;
  message: string;
  detail: unknown;
  note: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
  runbook: RunbookView;
}

export interface ExceptionOrderView {
  id: string;
  bcOrderId: number;
  customerName: string | null;
  customerEmail: string | null;
  state: OrderSyncState;
  lastError: string | null;
}

/** All of one order's reasons together (an exception without an order is a group of its own). */
export interface ExceptionGroup {
  key: string;
  order: ExceptionOrderView | null;
  exceptions: ExceptionView[];
  oldestAt: string;
}

export interface ExceptionList {
  groups: ExceptionGroup[];
  /** Exceptions matching the filters (before grouping). */
  total: number;
  /** More matched than are shown: narrow the filters. */
  truncated: boolean;
}

/** Bounded: the queue is worked from the oldest; a queue longer than this needs filters, not paging. */
const MAX_MATCHES = 500;

export async function listExceptions(db: DbClient, storeId: string, filters: ExceptionFilters = {}, now = new Date()): Promise<ExceptionList> {
  const status = filters.status ?? 'OPEN';
  const where = {
    storeId,
    status,
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.owner ? { ownerTeam: filters.owner } : {}),
    ...(filters.olderThanHours ? { createdAt: { lte: new Date(now.getTime() - filters.olderThanHours * 3_600_000) } } : {}),
  };
  const [total, matches] = await Promise.all([
    db.syncException.count({ where }),
    db.syncException.findMany({ where, orderBy: { createdAt: 'asc' }, take: MAX_MATCHES, select: { id: true, orderSyncId: true } }),
  ]);
  const orderIds = [...new Set(matches.map((m) => m.orderSyncId).filter((id): id is string => id !== null))];
  const loneIds = matches.filter((m) => m.orderSyncId === null).map((m) => m.id);

  // Every reason of a matching order with the same status, so an order's problems are fixed together.
  const rows = await db.syncException.findMany({
    where: { storeId, status, OR: [{ orderSyncId: { in: orderIds } }, { id: { in: loneIds } }] },
    orderBy: { createdAt: 'asc' },
    include: { orderSync: true },
  });

  const groups = new Map<string, ExceptionGroup>();
  for (const row of rows) {
    const key = row.orderSyncId ?? row.id;
    let group = groups.get(key);
    if (!group) {
      const order = row.orderSync;
      group = {
        key,
        order: order
          ? { id: order.id, bcOrderId: order.bcOrderId, customerName: order.customerName, customerEmail: order.customerEmail, state: order.state, lastError: order.lastError }
          : null,
        exceptions: [],
        oldestAt: row.createdAt.toISOString(),
      };
      groups.set(key, group);
    }
    group.exceptions.push({
      id: row.id,
      type: row.type,
      status: row.status,
      ownerTeam: row.ownerTeam,
      reasonKey: row.reasonKey,
      message: row.message,
      detail: row.detail,
      note: row.note,
      resolvedBy: row.resolvedBy,
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      runbook: runbookFor(row.type, row.orderSync?.bcOrderId),
    });
  }
  const sorted = [...groups.values()].sort((a, b) => a.oldestAt.localeCompare(b.oldestAt));
  return { groups: sorted, total, truncated: total > matches.length };
}
