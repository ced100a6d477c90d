import type { PrismaClient } from '../../generated/prisma/client';
import type { DbClient } from '../../db/types';
import { loadExportContext } from '../export/context';
import type { SkuRules } from '../types';
import { computeTarget } from './compute-target';
import type { InventoryDeps } from './deps';
import { inFlightUnitsByWhistlSku } from './in-flight-units';
import { planPushes, type PlanRow } from './plan-pushes';
import { RUN_STALE_MS, STOCK_FEED_OVERLAP_MS } from './policy';
import { pushAdjustments } from './push-adjustments';
import { readBigCommerceItems, type BigCommerceStockItem } from './read-bigcommerce-items';
import { readWhistlStock, type WhistlStockRead } from './read-whistl-stock';
import { recordStockExceptions } from './record-stock-exceptions';
import { saveSkuStates, type SkuStateWrite } from './save-sku-states';

export type InventoryRunKind = 'full' | 'delta';

export interface InventorySyncSummary {
  storeId: string;
  storeHash: string;
  kind: InventoryRunKind;
  runId: string | null;
  /** A delta that met Whistl SKUs never seen before and reconciled everything instead. */
  escalated: boolean;
  skipped: string | null;
  /** Whistl rows read. */
  read: number;
  /** SKUs whose target differs from what was last pushed. */
  changed: number;
  unchanged: number;
  pushed: number;
  failed: number;
  /** Changed targets that cannot be pushed (no BigCommerce identifier or tracking off). */
  blocked: number;
  orphans: { whistlOnly: number; bigcommerceOnly: number };
  requests: { bigcommerce: number; adjustments: number; catalogPages: number; whistl: number };
  exceptions: { opened: number; resolved: number };
  lagMs: number | null;
  error: string | null;
  durationMs: number;
}

type Orphan = SkuStateWrite['orphan'];

interface Existing extends SkuStateWrite {
  bufferOverride: number | null;
}

const EXISTING_SELECT = {
  whistlSku: true, bcSku: true, bcProductId: true, bcVariantId: true, trackingMode: true, whistlFree: true, bufferOverride: true,
  inFlight: true, target: true, lastPushed: true, pushedAt: true, lastError: true, orphan: true, whistlUpdatedAt: true,
} as const;

function emptySummary(storeId: string, storeHash: string, kind: InventoryRunKind): InventorySyncSummary {
  return {
    storeId, storeHash, kind, runId: null, escalated: false, skipped: null, read: 0, changed: 0, unchanged: 0, pushed: 0, failed: 0, blocked: 0,
    orphans: { whistlOnly: 0, bigcommerceOnly: 0 }, requests: { bigcommerce: 0, adjustments: 0, catalogPages: 0, whistl: 0 },
    exceptions: { opened: 0, resolved: 0 }, lagMs: null, error: null, durationMs: 0,
  };
}

/** Is a delta (or full) sync of this store due at `now`? */
export function inventoryRunDue(
  store: { stockWatermark: Date | null; lastFullStockSyncAt: Date | null },
  settings: { inventoryIntervalMinutes: number; inventoryFullIntervalMinutes: number },
  now: Date,
): InventoryRunKind | null {
  if (!store.lastFullStockSyncAt || !store.stockWatermark) return 'full';
  if (now.getTime() - store.lastFullStockSyncAt.getTime() >= Math.max(1, settings.inventoryFullIntervalMinutes) * 60_000) return 'full';
  if (now.getTime() - store.stockWatermark.getTime() >= Math.max(1, settings.inventoryIntervalMinutes) * 60_000) return 'delta';
  return null;
}

/**
 * One inventory sync of one store: read Whistl (the UpdatedSince feed with overlap, or
 * everything on a full run), work out each SKU's target (free - buffer - in-flight, never below
 * zero), push only targets that differ from what was last pushed, record per-SKU state and one
 * InventoryRun. A full run also walks the BigCommerce catalog to learn each item's tracking
 * mode and ids and to find SKUs on one side only (recorded, never guessed).
 */
async function startRunExclusively(db: DbClient, storeId: string, kind: InventoryRunKind, now: Date): Promise<{ id: string } | null> {
  const start = async (tx: DbClient) => {
    await tx.$queryRawUnsafe('SELECT id FROM "Store" WHERE id = $1::uuid FOR UPDATE', storeId);
    const running = await tx.inventoryRun.findFirst({ where: { storeId, finishedAt: null, startedAt: { gt: new Date(now.getTime() - RUN_STALE_MS) } } });
    if (running) return null;
    return tx.inventoryRun.create({ data: { storeId, kind, startedAt: now }, select: { id: true } });
  };
  return '$transaction' in db && typeof db.$transaction === 'function' ? (db as PrismaClient).$transaction((tx) => start(tx)) : start(db);
}

export async function syncStoreInventory(db: DbClient, deps: InventoryDeps, storeId: string, options: { kind?: InventoryRunKind } = {}): Promise<InventorySyncSummary> {
  const started = Date.now();
  const store = await db.store.findUniqueOrThrow({ where: { id: storeId }, include: { settings: true } });
  const s = store.settings;
  const settings = {
    inventoryIntervalMinutes: s?.inventoryIntervalMinutes ?? 5,
    inventoryFullIntervalMinutes: s?.inventoryFullIntervalMinutes ?? 360,
    defaultStockBuffer: s?.defaultStockBuffer ?? 0,
    stockFigure: s?.stockFigure ?? 'LEVEL',
  };
  const now = deps.now();
  let kind: InventoryRunKind = options.kind ?? inventoryRunDue(store, settings, now) ?? 'delta';
  if (!store.stockWatermark || !store.lastFullStockSyncAt) kind = 'full';
  const summary = emptySummary(storeId, store.hash, kind);

  // One run per store at a time: a run that has not finished (and is not stale) blocks another.
  // The store row lock makes check-and-start atomic across overlapping cron calls and instances.
  const run = await startRunExclusively(db, storeId, kind, now);
  if (!run) {
    summary.skipped = 'another inventory run of this store is in progress';
    return summary;
  }
  summary.runId = run.id;

  try {
    const { client: whistl, warehouseId } = await deps.whistl(storeId);
    const context = await loadExportContext(db, storeId, warehouseId);
    const rules = context.settings.sku;
    const readFull = async (): Promise<WhistlStockRead> => {
      const read = await readWhistlStock(whistl, { warehouseId, figure: settings.stockFigure, mode: { kind: 'full' } });
      summary.requests.whistl += read.requests;
      return read;
    };

    let stock: WhistlStockRead;
    let existing: Existing[];
    const since = new Date((store.stockWatermark?.getTime() ?? now.getTime()) - STOCK_FEED_OVERLAP_MS);
    const inFlight = await inFlightUnitsByWhistlSku(db, storeId, rules);
    if (kind === 'delta') {
      stock = await readWhistlStock(whistl, { warehouseId, figure: settings.stockFigure, mode: { kind: 'delta', since } });
      summary.requests.whistl += stock.requests;
      existing = await db.inventorySku.findMany({
        where: {
          storeId,
          OR: [
            { whistlSku: { in: [...stock.rows.keys()] } },
            { whistlSku: { in: [...inFlight.keys()] } },
            { inFlight: { gt: 0 } },
            // Buffers edited since the last run (and rows the last run wrote) are looked at again.
            { updatedAt: { gte: since } },
          ],
        },
        select: EXISTING_SELECT,
      });
      const known = new Set(existing.map((row) => row.whistlSku));
      if ([...stock.rows.keys()].some((sku) => !known.has(sku))) {
        // A Whistl SKU never seen: only the catalog can say which BigCommerce item (if any) it is.
        kind = 'full';
        summary.kind = 'full';
        summary.escalated = true;
      }
    } else {
      stock = { rows: new Map(), requests: 0 };
      existing = [];
    }

    let rows: Existing[];
    if (kind === 'full') {
      stock = await readFull();
      existing = await db.inventorySku.findMany({ where: { storeId }, select: EXISTING_SELECT });
      const bc = await deps.bigcommerce(storeId);
      const catalog = await readBigCommerceItems(bc.catalogPages(), rules);
      summary.requests.catalogPages += catalog.requests;
      summary.requests.bigcommerce += catalog.requests;
      rows = reconcile(existing, stock, catalog.items);
      const keep = new Set(rows.map((row) => row.whistlSku));
      const gone = existing.filter((row) => !keep.has(row.whistlSku)).map((row) => row.whistlSku);
      if (gone.length > 0) await db.inventorySku.deleteMany({ where: { storeId, whistlSku: { in: gone } } });
    } else {
      rows = existing.map((row) => {
        const fresh = stock.rows.get(row.whistlSku);
        return fresh ? { ...row, whistlFree: fresh.free, whistlUpdatedAt: fresh.updatedAt ?? row.whistlUpdatedAt } : { ...row };
      });
    }
    summary.read = stock.rows.size;
    const before = new Map(existing.map((row) => [row.whistlSku, stateKey(row)]));

    for (const row of rows) {
      row.inFlight = inFlight.get(row.whistlSku) ?? 0;
      const { target } = computeTarget({ whistlFree: row.orphan === 'NONE' ? row.whistlFree : null, defaultBuffer: settings.defaultStockBuffer, bufferOverride: row.bufferOverride, inFlight: row.inFlight });
      row.target = target;
      if (row.orphan === 'WHISTL_ONLY') summary.orphans.whistlOnly += 1;
      if (row.orphan === 'BIGCOMMERCE_ONLY') summary.orphans.bigcommerceOnly += 1;
    }

    const plan = planPushes(rows.map((row): PlanRow => ({ ...row, productId: row.bcProductId, variantId: row.bcVariantId })));
    summary.changed = plan.changed;
    summary.unchanged = plan.unchanged;
    summary.blocked = plan.blocked.length;
    const byWhistl = new Map(rows.map((row) => [row.whistlSku, row]));
    for (const blocked of plan.blocked) {
      const row = byWhistl.get(blocked.whistlSku);
      if (row) row.lastError = blocked.reason;
    }

    const previousErrors = new Map(rows.map((row) => [row.whistlSku, row.lastError]));
    let persisting: Array<{ whistlSku: string; bcSku: string | null; error: string }> = [];
    const recovered: string[] = [];
    if (plan.batches.length > 0) {
      const bc = await deps.bigcommerce(storeId);
      const outcome = await pushAdjustments(bc.inventory, plan.batches);
      summary.requests.adjustments += outcome.requests;
      summary.requests.bigcommerce += outcome.requests;
      const pushedAt = deps.now();
      let oldestChange: number | null = null;
      for (const push of outcome.pushed) {
        const row = byWhistl.get(push.whistlSku);
        if (!row) continue;
        row.lastPushed = push.target;
        row.pushedAt = pushedAt;
        row.lastError = null;
        recovered.push(row.whistlSku);
        // Lag counts only Whistl changes this run is the first to apply (a target moved by a buffer edit has no lag).
        if (row.whistlUpdatedAt && (!store.stockWatermark || row.whistlUpdatedAt >= since)) {
          oldestChange = Math.min(oldestChange ?? Infinity, row.whistlUpdatedAt.getTime());
        }
      }
      persisting = [];
      for (const failure of outcome.failed) {
        const row = byWhistl.get(failure.push.whistlSku);
        if (!row) continue;
        if (previousErrors.get(row.whistlSku)) persisting.push({ whistlSku: row.whistlSku, bcSku: row.bcSku, error: failure.error });
        row.lastError = failure.error;
      }
      summary.pushed = outcome.pushed.length;
      summary.failed = outcome.failed.length;
      summary.lagMs = oldestChange === null ? null : Math.max(0, pushedAt.getTime() - oldestChange);
      if (outcome.stoppedBy) summary.error = outcome.stoppedBy;
    }
    summary.exceptions = await recordStockExceptions(db, { storeId, persisting, recovered, ownerOverrides: context.ownerOverrides, now: deps.now() });

    // Only rows whose state moved are written (their updatedAt is what a delta looks at again).
    await saveSkuStates(db, storeId, rows.filter((row) => before.get(row.whistlSku) !== stateKey(row)));
    await db.store.update({
      where: { id: storeId },
      data: { stockWatermark: now, ...(kind === 'full' ? { lastFullStockSyncAt: now } : {}) },
    });
    await finishRun(db, run.id, summary, kind, summary.error === null);
  } catch (error) {
    summary.error = error instanceof Error ? error.message : String(error);
    await finishRun(db, run.id, summary, kind, false);
  }
  summary.durationMs = Date.now() - started;
  return summary;
}

/** The persisted fields of a SKU state, for "did anything change". */
function stateKey(row: SkuStateWrite): string {
  return JSON.stringify([
    row.bcSku, row.bcProductId, row.bcVariantId, row.trackingMode, row.whistlFree, row.inFlight, row.target, row.lastPushed,
    row.pushedAt?.getTime() ?? null, row.lastError, row.orphan, row.whistlUpdatedAt?.getTime() ?? null,
  ]);
}

async function finishRun(db: DbClient, runId: string, summary: InventorySyncSummary, kind: InventoryRunKind, ok: boolean): Promise<void> {
  await db.inventoryRun.update({
    where: { id: runId },
    data: {
      kind,
      finishedAt: new Date(),
      ok,
      read: summary.read,
      changed: summary.changed,
      pushed: summary.pushed,
      failed: summary.failed,
      requests: summary.requests.bigcommerce,
      lagMs: summary.lagMs,
      error: summary.error,
    },
  });
}

/**
 * A full reconciliation: every Whistl SKU of the warehouse against every stock-tracked
 * BigCommerce item, matched only through the store's SKU rules. One side only = orphan; two
 * BigCommerce items translating to the same Whistl SKU are not pushed (which one is meant is
 * not guessed).
 */
function reconcile(existing: readonly Existing[], stock: WhistlStockRead, items: readonly BigCommerceStockItem[]): Existing[] {
  const previous = new Map(existing.map((row) => [row.whistlSku, row]));
  const byWhistl = new Map<string, BigCommerceStockItem[]>();
  const rejected: BigCommerceStockItem[] = [];
  for (const item of items) {
    if (item.whistlSku === null) {
      rejected.push(item);
      continue;
    }
    const list = byWhistl.get(item.whistlSku) ?? [];
    list.push(item);
    byWhistl.set(item.whistlSku, list);
  }
  const rows: Existing[] = [];
  const base = (whistlSku: string): Existing => {
    const before = previous.get(whistlSku);
    return {
      whistlSku, bcSku: null, bcProductId: null, bcVariantId: null, trackingMode: null, whistlFree: null, inFlight: 0, target: null,
      lastPushed: before?.lastPushed ?? null, pushedAt: before?.pushedAt ?? null, lastError: before?.lastError ?? null, orphan: 'NONE',
      whistlUpdatedAt: null, bufferOverride: before?.bufferOverride ?? null,
    };
  };
  const withItem = (row: Existing, item: BigCommerceStockItem, orphan: Orphan): Existing => ({
    ...row, bcSku: item.bcSku, bcProductId: item.productId, bcVariantId: item.variantId, trackingMode: item.trackingMode, orphan,
  });
  for (const [whistlSku, level] of stock.rows) {
    const row = { ...base(whistlSku), whistlFree: level.free, whistlUpdatedAt: level.updatedAt };
    const matches = byWhistl.get(whistlSku) ?? [];
    const [only] = matches;
    if (!only) rows.push({ ...row, orphan: 'WHISTL_ONLY', lastError: null });
    else if (matches.length > 1) {
      rows.push({
        ...row,
        bcSku: matches.map((m) => m.bcSku).join(', '),
        lastError: `${matches.length} BigCommerce items translate to this Whistl SKU (${matches.map((m) => m.bcSku).join(', ')}); add an alias so only one does`,
      });
    } else {
      const previousRow = previous.get(whistlSku);
      // A different item than before: what was pushed to the old one says nothing about this one.
      const sameItem = previousRow?.bcProductId === only.productId && previousRow.bcVariantId === only.variantId;
      const matched = withItem(row, only, 'NONE');
      rows.push(sameItem ? (matched.lastError?.startsWith('The BigCommerce item') ? { ...matched, lastError: null } : matched) : { ...matched, lastPushed: null, pushedAt: null, lastError: null });
    }
  }
  for (const [whistlSku, matches] of byWhistl) {
    if (stock.rows.has(whistlSku)) continue;
    const [first] = matches;
    if (first) rows.push({ ...withItem(base(whistlSku), first, 'BIGCOMMERCE_ONLY'), lastError: null });
  }
  const used = new Set(rows.map((row) => row.whistlSku));
  for (const item of rejected) {
    // Keyed by the BigCommerce SKU: the rules give it no Whistl SKU, so it cannot match one.
    if (used.has(item.bcSku)) continue;
    used.add(item.bcSku);
    rows.push({ ...withItem(base(item.bcSku), item, 'BIGCOMMERCE_ONLY'), lastError: item.skuProblem });
  }
  return rows;
}

export interface InventoryCronSummary {
  storesDue: number;
  runs: InventorySyncSummary[];
  /** True when the time budget or store limit left due stores for the next call. */
  stoppedEarly: boolean;
  durationMs: number;
}

/**
 * The cron entry: every installed store with Whistl connected and the sync enabled whose
 * schedule is due, most overdue first, within a time budget and a store limit.
 */
export async function runDueInventorySyncs(db: DbClient, deps: InventoryDeps, options: { timeBudgetMs?: number; maxStores?: number } = {}): Promise<InventoryCronSummary> {
  const started = Date.now();
  const budget = options.timeBudgetMs ?? 40_000;
  const maxStores = options.maxStores ?? 20;
  const now = deps.now();
  const stores = await db.store.findMany({
    where: { status: 'INSTALLED', whistl: { isNot: null }, OR: [{ settings: null }, { settings: { inventorySyncEnabled: true } }] },
    include: { settings: true },
    orderBy: { stockWatermark: { sort: 'asc', nulls: 'first' } },
  });
  const due = stores.filter((store) =>
    inventoryRunDue(store, { inventoryIntervalMinutes: store.settings?.inventoryIntervalMinutes ?? 5, inventoryFullIntervalMinutes: store.settings?.inventoryFullIntervalMinutes ?? 360 }, now),
  );
  const summary: InventoryCronSummary = { storesDue: due.length, runs: [], stoppedEarly: false, durationMs: 0 };
  for (const store of due) {
    if (summary.runs.length >= maxStores || Date.now() - started > budget) {
      summary.stoppedEarly = true;
      break;
    }
    summary.runs.push(await syncStoreInventory(db, deps, store.id));
  }
  summary.durationMs = Date.now() - started;
  return summary;
}

export type { SkuRules };
