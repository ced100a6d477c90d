import type { OrderWithConsignments } from '../../bigcommerce/api';
import type { ClaimedOrder } from './claim';
import type { ExportDeps } from './deps';

/** One listing page holds 250 orders, so any 250 consecutive ids fit in one call. */
const ID_SPAN = 250;

/**
 * Reads the claimed orders of a busy store in as few calls as possible: ids close together
 * (orders placed around the same time) are fetched with one listing over their id range, which
 * carries the same consignments and lines as a single read. An order the listing leaves out
 * (deleted, or a status the listing hides) is simply read on its own later, so nothing is lost;
 * a failed listing is only a missed saving.
 */
export async function prefetchOrders(deps: ExportDeps, claimed: readonly ClaimedOrder[]): Promise<Map<string, OrderWithConsignments>> {
  const found = new Map<string, OrderWithConsignments>();
  const byStore = new Map<string, ClaimedOrder[]>();
  for (const c of claimed) {
    if (c.hasSnapshot) continue;
    byStore.set(c.storeId, [...(byStore.get(c.storeId) ?? []), c]);
  }
  for (const [storeId, rows] of byStore) {
    for (const group of idGroups(rows)) {
      // A single order is read on its own by the export (same cost, and it sees every status).
      if (group.length < 2) continue;
      const minId = group[0]?.bcOrderId ?? 0;
      const maxId = group[group.length - 1]?.bcOrderId ?? 0;
      try {
        const bc = await deps.bigcommerce(storeId);
        const wanted = new Map(group.map((c) => [c.bcOrderId, c.id]));
        const page = await bc.orders.listPage({ minId, maxId, sort: 'id:asc', limit: ID_SPAN, page: 1 });
        for (const order of page) {
          const id = wanted.get(order.id);
          if (id) found.set(id, order);
        }
      } catch (error) {
        console.warn(`[export] could not list orders ${minId}-${maxId} together; reading them one by one:`, error instanceof Error ? error.message : error);
      }
    }
  }
  return found;
}

/** Groups rows (sorted by order id) so each group's ids span fewer than ID_SPAN. */
export function idGroups<T extends { bcOrderId: number }>(rows: readonly T[]): T[][] {
  const sorted = [...rows].sort((a, b) => a.bcOrderId - b.bcOrderId);
  const groups: T[][] = [];
  for (const row of sorted) {
    const current = groups[groups.length - 1];
    const first = current?.[0];
    if (current && first && row.bcOrderId - first.bcOrderId < ID_SPAN) current.push(row);
    else groups.push([row]);
  }
  return groups;
}
