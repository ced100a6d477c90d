import type { DbClient, Prisma } from '../../db/types';

export const INVENTORY_FILTERS = ['all', 'changed', 'failed', 'orphaned', 'buffer'] as const;
export type InventoryFilter = (typeof INVENTORY_FILTERS)[number];

export interface InventoryRowView {
  whistlSku: string;
  bcSku: string | null;
  trackingMode: string | null;
  whistlFree: number | null;
  buffer: number;
  bufferOverride: number | null;
  inFlight: number;
  target: number | null;
  lastPushed: number | null;
  pushedAt: string | null;
  lastError: string | null;
  orphan: 'NONE' | 'BIGCOMMERCE_ONLY' | 'WHISTL_ONLY';
  /** Target differs from what was last pushed (a push is due or failed). */
  pending: boolean;
}

export interface InventoryRunView {
  kind: string;
  startedAt: string;
  finishedAt: string | null;
  ok: boolean | null;
  read: number;
  changed: number;
  pushed: number;
  failed: number;
  requests: number;
  lagMs: number | null;
  error: string | null;
}

export interface InventoryListView {
  items: InventoryRowView[];
  total: number;
  counts: Record<InventoryFilter, number>;
  defaultBuffer: number;
  syncEnabled: boolean;
  lastRun: InventoryRunView | null;
  lastGoodRun: InventoryRunView | null;
  /** How far the storefront may be behind Whistl now: time since the last good run started. */
  syncLagMs: number | null;
}

function runView(run: { kind: string; startedAt: Date; finishedAt: Date | null; ok: boolean | null; read: number; changed: number; pushed: number; failed: number; requests: number; lagMs: number | null; error: string | null } | null): InventoryRunView | null {
  if (!run) return null;
  return { ...run, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null };
}

/**
 * The Inventory page: per SKU the figures of the last run, with filters. "changed" = pushed by
 * the last run that pushed, or waiting for a push; "failed" = has an error; "orphaned" = on one
 * side only; "buffer" = has its own buffer.
 */
export async function listInventory(
  db: DbClient,
  storeId: string,
  input: { filter: InventoryFilter; search?: string; page: number; pageSize: number; now: Date },
): Promise<InventoryListView> {
  const [settings, lastRun, lastGoodRun, lastPushRun] = await Promise.all([
    db.storeSettings.findUnique({ where: { storeId } }),
    db.inventoryRun.findFirst({ where: { storeId }, orderBy: { startedAt: 'desc' } }),
    db.inventoryRun.findFirst({ where: { storeId, ok: true }, orderBy: { startedAt: 'desc' } }),
    db.inventoryRun.findFirst({ where: { storeId, ok: true, pushed: { gt: 0 } }, orderBy: { startedAt: 'desc' } }),
  ]);
  const fields = db.inventorySku.fields;
  const pending: Prisma.InventorySkuWhereInput = {
    orphan: 'NONE',
    OR: [{ target: { lt: fields.lastPushed } }, { target: { gt: fields.lastPushed } }, { lastPushed: null, target: { not: null } }],
  };
  const filters: Record<InventoryFilter, Prisma.InventorySkuWhereInput> = {
    all: {},
    changed: { OR: [pending, ...(lastPushRun ? [{ pushedAt: { gte: lastPushRun.startedAt } }] : [])] },
    failed: { lastError: { not: null } },
    orphaned: { orphan: { not: 'NONE' } },
    buffer: { bufferOverride: { not: null } },
  };
  const search = input.search?.trim();
  const base: Prisma.InventorySkuWhereInput = {
    storeId,
    ...(search ? { OR: [{ whistlSku: { contains: search, mode: 'insensitive' } }, { bcSku: { contains: search, mode: 'insensitive' } }] } : {}),
  };
  const where: Prisma.InventorySkuWhereInput = { AND: [base, filters[input.filter]] };
  const [rows, total, ...countList] = await Promise.all([
    db.inventorySku.findMany({ where, orderBy: [{ pushedAt: { sort: 'desc', nulls: 'last' } }, { whistlSku: 'asc' }], skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
    db.inventorySku.count({ where }),
    ...INVENTORY_FILTERS.map((f) => db.inventorySku.count({ where: { AND: [base, filters[f]] } })),
  ]);
  const counts = Object.fromEntries(INVENTORY_FILTERS.map((f, i) => [f, countList[i] ?? 0])) as Record<InventoryFilter, number>;
  const defaultBuffer = settings?.defaultStockBuffer ?? 0;
  return {
    items: rows.map((row) => ({
      whistlSku: row.whistlSku,
      bcSku: row.bcSku,
      trackingMode: row.trackingMode,
      whistlFree: row.whistlFree,
      buffer: Math.max(0, row.bufferOverride ?? defaultBuffer),
      bufferOverride: row.bufferOverride,
      inFlight: row.inFlight,
      target: row.target,
      lastPushed: row.lastPushed,
      pushedAt: row.pushedAt?.toISOString() ?? null,
      lastError: row.lastError,
      orphan: row.orphan,
      pending: row.orphan === 'NONE' && row.target !== null && row.target !== row.lastPushed,
    })),
    total,
    counts,
    defaultBuffer,
    syncEnabled: settings?.inventorySyncEnabled ?? true,
    lastRun: runView(lastRun),
    lastGoodRun: runView(lastGoodRun),
    syncLagMs: lastGoodRun ? Math.max(0, input.now.getTime() - lastGoodRun.startedAt.getTime()) : null,
  };
}
