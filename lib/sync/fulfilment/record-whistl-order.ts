import type { DbClient } from '../../db/types';
import { DESPATCHED_STATUS_IDS, isDespatched, statusName, type WhistlOrder } from '../../whistl';
import { nextWhistlStatus, TERMINAL_STATUS_IDS } from './policy';

export type RecordOutcome = 'not-ours' | 'recorded' | 'queued';

/**
 * What we learnt about one Whistl order record (from a re-read after a webhook, or a poll): the
 * link's status moves forward only, a change is written to the order's timeline, and a despatch
 * queues exactly one shipment write-back per Whistl record (each part of a split is a record).
 * Orders that are not this store's (another channel, another store) are left alone.
 */
export async function recordWhistlOrder(db: DbClient, storeId: string, order: WhistlOrder, source: string): Promise<RecordOutcome> {
  if (!order.externalOrderReference) return 'not-ours';
  const link = await db.whistlOrderLink.findUnique({ where: { storeId_externalRef: { storeId, externalRef: order.externalOrderReference } } });
  if (!link) return 'not-ours';

  // Parts 2..N of a split are separate records; the link follows the record it was created as.
  const isLinkedRecord = link.whistlOrderId === order.id || (link.whistlOrderId === null && (order.part ?? 1) === 1);
  if (isLinkedRecord) {
    const next = nextWhistlStatus(link.whistlStatusId, order.orderStatusId);
    if (next !== link.whistlStatusId || link.whistlOrderId === null) {
      // Forward-only in the statement itself, so a webhook and a poll racing cannot move it back.
      const { count } = await db.whistlOrderLink.updateMany({
        where: {
          id: link.id,
          OR: [
            { whistlStatusId: null },
            { whistlStatusId: { notIn: [...TERMINAL_STATUS_IDS] } },
            ...(isDespatched(next) ? [{ whistlStatusId: { in: [...DESPATCHED_STATUS_IDS] } }] : []),
          ],
        },
        data: { whistlStatusId: next, whistlOrderId: order.id },
      });
      if (count > 0 && next !== link.whistlStatusId) {
        await db.orderSyncEvent.create({
          data: {
            storeId,
            orderSyncId: link.orderSyncId,
            kind: 'WHISTL_STATUS',
            message: `Whistl order ${order.id} (${link.orderNumber}) is ${order.orderStatus ?? statusName(next) ?? `status ${next}`}`,
            detail: { whistlOrderId: order.id, statusId: next, previousStatusId: link.whistlStatusId, source },
          },
        });
      }
    }
  }

  if (!isDespatched(order.orderStatusId)) return 'recorded';
  const inserted = await db.$executeRawUnsafe(
    `INSERT INTO "ShipmentWriteBack"
       (id, "storeId", "orderSyncId", "whistlOrderId", "orderAddressId", part, "numberOfParts", "trackingNumber", "trackingUrl", carrier, "despatchedAt", "despatchedItems", "updatedAt")
     VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, now())
     ON CONFLICT ("storeId", "whistlOrderId") DO NOTHING`,
    storeId,
    link.orderSyncId,
    order.id,
    link.orderAddressId,
    order.part ?? 1,
    order.numberOfParts ?? 1,
    order.trackingNumber,
    order.trackingUrl,
    order.courierServiceName,
    order.despatchDate,
    order.items.length > 0 ? JSON.stringify(order.items.map((item) => ({ sku: item.sku, quantity: item.quantity }))) : null,
  );
  if (inserted === 0) return 'recorded';
  const parts = (order.numberOfParts ?? 1) > 1 ? ` (part ${order.part ?? '?'} of ${order.numberOfParts ?? '?'})` : '';
  await db.orderSyncEvent.create({
    data: {
      storeId,
      orderSyncId: link.orderSyncId,
      kind: 'DESPATCHED',
      message: `Despatched by Whistl${parts}${order.trackingNumber ? `, tracking ${order.trackingNumber}` : ''}${order.courierServiceName ? ` with ${order.courierServiceName}` : ''}`,
      detail: { whistlOrderId: order.id, trackingNumber: order.trackingNumber, carrier: order.courierServiceName, part: order.part, numberOfParts: order.numberOfParts, source },
    },
  });
  return 'queued';
}
