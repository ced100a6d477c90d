import type { BigCommerceClient } from '../../bigcommerce/api';
import type { DbClient } from '../../db/types';
import { isDespatched, statusName, STUCK_STATUS_IDS, type WhistlAdapter } from '../../whistl';
import { enqueueOrder } from '../export/enqueue';
import { raiseOrderException, REASON, resolveOrderExceptions } from './exceptions';
import { BC_CANCELLED_STATUS_ID, BC_SHIPPED_STATUS_IDS, isTerminalWhistlStatus } from './policy';
import { recordWhistlOrder } from './record-whistl-order';

export interface StuckSummary {
  stuck: number;
  raised: number;
  resolved: number;
}

/**
 * Whistl orders of this store sitting in HOLDING, QUERYRAISED, FAILED, ONBACKORDER or FRAUDRISK
 * for longer than the store's `stuckStateHours` become WHISTL_STUCK exceptions; ones that moved
 * on are resolved. One list call per stuck status, whatever the number of orders.
 * The age is measured from Whistl's LastUpdated (the time it entered the state, as far as the API says).
 */
export async function detectStuckOrders(db: DbClient, storeId: string, whistl: WhistlAdapter, now: Date): Promise<StuckSummary> {
  const settings = await db.storeSettings.findUnique({ where: { storeId }, select: { stuckStateHours: true } });
  const maxAgeMs = (settings?.stuckStateHours ?? 24) * 3_600_000;
  const stillStuck = new Set<string>();
  const summary: StuckSummary = { stuck: 0, raised: 0, resolved: 0 };
  for (const statusId of STUCK_STATUS_IDS) {
    for await (const order of whistl.iterateOrders({ orderStatusId: statusId })) {
      if (order.orderStatusId !== statusId) continue;
      if ((await recordWhistlOrder(db, storeId, order, 'stuck check')) === 'not-ours') continue;
      const link = await db.whistlOrderLink.findUnique({
        where: { storeId_externalRef: { storeId, externalRef: order.externalOrderReference ?? '' } },
        select: { orderSyncId: true, orderNumber: true },
      });
      if (!link) continue;
      summary.stuck += 1;
      const since = order.lastUpdated ?? now;
      const ageMs = now.getTime() - since.getTime();
      if (ageMs < maxAgeMs) continue;
      const reasonKey = REASON.stuck(order.id);
      stillStuck.add(reasonKey);
      const name = order.orderStatus ?? statusName(statusId) ?? `status ${statusId}`;
      await raiseOrderException(db, {
        storeId,
        orderSyncId: link.orderSyncId,
        type: 'WHISTL_STUCK',
        reasonKey,
        message: `Whistl order ${order.id} (${link.orderNumber}) has been ${name} for ${Math.floor(ageMs / 3_600_000)} h: the warehouse needs an answer before it can ship`,
        detail: { whistlOrderId: order.id, statusId, since: since.toISOString() },
      });
      summary.raised += 1;
    }
  }
  const open = await db.syncException.findMany({ where: { storeId, type: 'WHISTL_STUCK', status: 'OPEN' }, select: { orderSyncId: true, reasonKey: true } });
  for (const exception of open) {
    if (stillStuck.has(exception.reasonKey) || !exception.orderSyncId) continue;
    summary.resolved += await resolveOrderExceptions(db, exception.orderSyncId, [exception.reasonKey], now, 'no longer stuck in Whistl');
  }
  return summary;
}

export interface DriftSummary {
  ordersChecked: number;
  raised: number;
  resolved: number;
}

/**
 * BigCommerce orders shipped or cancelled since `since` (the fulfilment watermark minus its
 * overlap), compared with what Whistl says (re-read when our knowledge is not final):
 * - cancelled in BigCommerce but despatched by Whistl (not yet despatched: the cancel is applied,
 *   in case its webhook was lost);
 * - shipped in BigCommerce (by hand) while Whistl has despatched nothing.
 * Quantities that disagree are found by the write-back, which reads both sides anyway.
 */
export async function detectStatusDrift(
  db: DbClient,
  storeId: string,
  clients: { bigcommerce: BigCommerceClient; whistl: WhistlAdapter },
  since: Date,
  now: Date,
): Promise<DriftSummary> {
  const summary: DriftSummary = { ordersChecked: 0, raised: 0, resolved: 0 };
  // One listing of everything modified since `since` (the filter takes a single status), sorted out here.
  for await (const order of clients.bigcommerce.orders.list({ minDateModified: since, sort: 'date_modified:asc', limit: 250 }, { priority: 'low' })) {
    const bcStatusId = order.statusId;
    if (bcStatusId !== BC_CANCELLED_STATUS_ID && !BC_SHIPPED_STATUS_IDS.includes(bcStatusId)) continue;
    const sync = await db.orderSync.findUnique({
      where: { storeId_bcOrderId: { storeId, bcOrderId: order.id } },
      include: { links: true, shipments: { select: { id: true } } },
    });
    const links = sync?.links.filter((l) => l.whistlOrderId !== null) ?? [];
    if (!sync || links.length === 0) continue;
    summary.ordersChecked += 1;

    let anyDespatched = sync.shipments.length > 0;
    for (const link of links) {
      let statusId = link.whistlStatusId;
      if (link.whistlOrderId !== null && (statusId === null || !isTerminalWhistlStatus(statusId))) {
        const current = await clients.whistl.getOrder(link.whistlOrderId);
        if (current) {
          await recordWhistlOrder(db, storeId, current, 'drift check');
          statusId = current.orderStatusId;
        }
      }
      if (statusId !== null && isDespatched(statusId)) anyDespatched = true;
    }

    const numbers = links.map((l) => l.orderNumber).join(', ');
    if (bcStatusId === BC_CANCELLED_STATUS_ID) {
      if (!anyDespatched && !sync.cancelRequested && sync.state !== 'CANCELLED' && sync.bcStatusId !== BC_CANCELLED_STATUS_ID) {
        // The cancel webhook never came: apply the cancel now (Whistl cancels while it still can),
        // which also keeps a later despatch from being written back as a shipment.
        await enqueueOrder(db, storeId, order.id, { source: 'drift check', newStatusId: bcStatusId, dateModified: order.dateModified });
      }
      if (anyDespatched) {
        await raiseOrderException(db, {
          storeId,
          orderSyncId: sync.id,
          type: 'STATUS_DRIFT',
          reasonKey: REASON.cancelledButDespatched,
          message: `Order ${order.id} is cancelled in BigCommerce but Whistl has already despatched it (${numbers}): recover the parcel or reinstate the order`,
          detail: { bcStatusId },
        });
        summary.raised += 1;
      } else summary.resolved += await resolveOrderExceptions(db, sync.id, [REASON.cancelledButDespatched], now, 'no longer disagree');
    } else if (!anyDespatched) {
      await raiseOrderException(db, {
        storeId,
        orderSyncId: sync.id,
        type: 'STATUS_DRIFT',
        reasonKey: REASON.shippedNotDespatched,
        message: `Order ${order.id} is marked ${order.status} in BigCommerce but Whistl has not despatched it (${numbers}): check whether it was shipped by hand, or stop the warehouse`,
        detail: { bcStatusId },
      });
      summary.raised += 1;
    } else summary.resolved += await resolveOrderExceptions(db, sync.id, [REASON.shippedNotDespatched], now, 'Whistl despatched it');
  }
  return summary;
}
