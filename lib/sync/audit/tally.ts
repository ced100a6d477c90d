import { AUDIT_EXAMPLE_LIMIT, AUDIT_ITEM_LIMIT, type AuditItem } from './types';

/**
 * Counts per key as orders stream past: orders, units and a few example order ids, never the
 * orders themselves. Memory grows with distinct keys (methods, SKUs sold, countries), not orders.
 */
export class Tally {
  private readonly rows = new Map<string, AuditItem>();

  add(key: string, label: string, input: { orderId?: number; units?: number; detail?: string }): void {
    let row = this.rows.get(key);
    if (!row) {
      row = { key, label, orders: 0, units: 0, examples: [], detail: input.detail ?? '' };
      this.rows.set(key, row);
    }
    // Callers add each key at most once per order (see `perOrder`).
    if (input.orderId !== undefined) {
      row.orders += 1;
      if (row.examples.length < AUDIT_EXAMPLE_LIMIT) row.examples.push(input.orderId);
    }
    row.units += input.units ?? 0;
    if (input.detail && !row.detail) row.detail = input.detail;
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  get size(): number {
    return this.rows.size;
  }

  get(key: string): AuditItem | undefined {
    return this.rows.get(key);
  }

  values(): IterableIterator<AuditItem> {
    return this.rows.values();
  }

  /** Most orders first (then units, then key), cut to the item limit. */
  ranked(by: 'orders' | 'units', limit = AUDIT_ITEM_LIMIT): AuditItem[] {
    return rank([...this.rows.values()], by).slice(0, limit);
  }
}

export function rank(items: AuditItem[], by: 'orders' | 'units'): AuditItem[] {
  const primary = by === 'orders' ? (i: AuditItem) => i.orders : (i: AuditItem) => i.units;
  const secondary = by === 'orders' ? (i: AuditItem) => i.units : (i: AuditItem) => i.orders;
  return items.sort((a, b) => primary(b) - primary(a) || secondary(b) - secondary(a) || a.key.localeCompare(b.key));
}

/** Keeps the first `limit` items offered (catalog-only examples), counting all of them. */
export class Sample {
  readonly items: AuditItem[] = [];
  count = 0;
  constructor(private readonly limit = AUDIT_ITEM_LIMIT) {}
  offer(item: AuditItem): void {
    this.count += 1;
    if (this.items.length < this.limit) this.items.push(item);
  }
}
