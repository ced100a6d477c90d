import type { StockFigure } from '../../generated/prisma/enums';

/** The figures that decide one SKU's storefront stock. */
export interface TargetInput {
  /** Whistl's free stock (the figure the store chose), null when Whistl has no such SKU. */
  whistlFree: number | null;
  /** The store's default buffer in units. */
  defaultBuffer: number;
  /** The SKU's own buffer, when an operator set one; wins over the default. */
  bufferOverride: number | null;
  /** Units in BigCommerce orders Whistl has not accepted yet. */
  inFlight: number;
}

export interface TargetResult {
  buffer: number;
  /** What the storefront should show: never negative; null when there is nothing to base it on. */
  target: number | null;
}

/** The buffer that applies: the SKU's override, else the store default (never below zero). */
export function effectiveBuffer(defaultBuffer: number, bufferOverride: number | null): number {
  return Math.max(0, bufferOverride ?? defaultBuffer);
}

/** Target = max(0, free - buffer - in-flight). Pure: the one formula, tested on its own. */
export function computeTarget(input: TargetInput): TargetResult {
  const buffer = effectiveBuffer(input.defaultBuffer, input.bufferOverride);
  if (input.whistlFree === null) return { buffer, target: null };
  const inFlight = Math.max(0, input.inFlight);
  return { buffer, target: Math.max(0, Math.floor(input.whistlFree) - buffer - inFlight) };
}

/** Which Whistl figure counts as free stock: `Level` (available) or `TotalStockLevel` (on hand). */
export function freeStockOf(row: { level: number; totalStockLevel: number }, figure: StockFigure): number {
  return figure === 'TOTAL_STOCK_LEVEL' ? row.totalStockLevel : row.level;
}
