import type { StockFigure } from '../../generated/prisma/enums';
import type { WhistlAdapter } from '../../whistl';
import { freeStockOf } from './compute-target';

export interface WhistlStockRow {
  whistlSku: string;
  free: number;
  updatedAt: Date | null;
}

export interface WhistlStockRead {
  /** One row per Whistl SKU in the store's warehouse. */
  rows: Map<string, WhistlStockRow>;
  /** Whistl requests made. */
  requests: number;
}

export type StockReadMode = { kind: 'full' } | { kind: 'delta'; since: Date };

/**
 * Reads Whistl stock for the store's warehouse: everything (full) or the UpdatedSince feed
 * (delta). The feed returns rows of every warehouse; only the store's warehouse counts.
 */
export async function readWhistlStock(
  whistl: Pick<WhistlAdapter, 'getStockLevels' | 'getStockUpdatedSince'>,
  input: { warehouseId: number; figure: StockFigure; mode: StockReadMode },
): Promise<WhistlStockRead> {
  const levels =
    input.mode.kind === 'full' ? await whistl.getStockLevels({ warehouseId: input.warehouseId }) : await whistl.getStockUpdatedSince(input.mode.since);
  const rows = new Map<string, WhistlStockRow>();
  for (const level of levels) {
    if (level.warehouseId !== input.warehouseId || level.sku === '') continue;
    const previous = rows.get(level.sku);
    // The same SKU twice (should not happen): the most recently updated row wins.
    if (previous?.updatedAt && level.lastUpdated && previous.updatedAt > level.lastUpdated) continue;
    rows.set(level.sku, { whistlSku: level.sku, free: freeStockOf(level, input.figure), updatedAt: level.lastUpdated });
  }
  return { rows, requests: 1 };
}
