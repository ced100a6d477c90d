import {
  BigCommerceNotFoundError,
  BigCommerceRetriableError,
  BigCommerceValidationError,
  MAX_TRACKING_NUMBER_LENGTH,
  type CreateShipmentInput,
} from '../../bigcommerce/api';
import type { DbClient } from '../../db/types';
import type { Prisma } from '../../generated/prisma/client';
import { WhistlAuthError, WhistlRetriableError, type WhistlOrder } from '../../whistl';
import { loadExportContext } from '../export/context';
import type { ExportDeps } from '../export/deps';
import { retryDelayMs } from '../export/policy';
import type { ClaimedWriteBack } from './claim-writebacks';
import { raiseOrderException, REASON, resolveOrderExceptions } from './exceptions';
import { PART_WAIT_MS, releasePartLease, takePartLease } from './part-lease';
import { planShipmentItems } from './plan-shipment-items';
import { BC_CANCELLED_STATUS_ID, MAX_WRITEBACK_ATTEMPTS } from './policy';
import { reviveDespatchedItems, reviveShipLines } from './ship-lines';
import { trackingCarrierSlug } from './tracking-carrier';

export type WriteBackOutcome = 'shipped' | 'already-shipped' | 'nothing-to-ship' | 'drift' | 'retry' | 'waiting' | 'failed';

/** A step failed in a way worth retrying later (429, 5xx, network, Whistl unreachable). */
class RetryLater extends Error {
  constructor(
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}

/** A step failed in a way retrying will not fix: an operator must look. */
class GiveUp extends Error {}

function transient(error: unknown, what: string): never {
  if (error instanceof BigCommerceRetriableError) throw new RetryLater(`BigCommerce ${what}: ${error.message}`, error.retryAfterMs);
  if (error instanceof WhistlRetriableError) throw new RetryLater(`Whistl ${what}: ${error.message}`, error.retryAfterMs ?? 0);
  throw error;
}

/** The text put on every shipment we create: how a shipment is recognised when it has no tracking number. */
export function shipmentMarker(whistlOrderId: number): string {
  return `Whistl order ${whistlOrderId}`;
}

/**
 * Turns one despatched Whistl record into one BigCommerce shipment, never two.
 *
 * First attempt (the common case): the lines kept from the export are planned against Whistl's
 * despatched items and the shipment is created straight away: 1 BigCommerce call. BigCommerce
 * refuses to ship more than is left on a line, so a shipment someone else already made surfaces
 * as a refusal, and we fall back to the checked path below.
 *
 * Checked path (retries, reclaimed leases, split parts, anything unusual): read the order, list
 * its shipments and treat one carrying the tracking number (or our marker) as done, then create:
 * 3 calls. All calls are priority 'high': this is customer-facing work and goes before
 * background syncs.
 */
export async function processWriteBack(db: DbClient, deps: ExportDeps, claimed: ClaimedWriteBack): Promise<WriteBackOutcome> {
  const row = await db.shipmentWriteBack.findUniqueOrThrow({
    where: { id: claimed.id },
    include: {
      orderSync: {
        select: { bcOrderId: true, state: true, cancelRequested: true, bcStatusId: true, links: { select: { orderAddressId: true, shipLines: true } } },
      },
    },
  });
  const bcOrderId = row.orderSync.bcOrderId;
  const now = deps.now();
  const log = (kind: string, message: string, detail?: Prisma.InputJsonValue) =>
    db.orderSyncEvent.create({ data: { storeId: row.storeId, orderSyncId: row.orderSyncId, kind, message, detail } });
  const partText = row.numberOfParts > 1 ? ` (part ${row.part} of ${row.numberOfParts})` : '';
  const partLease = row.numberOfParts > 1 ? { writeBackId: row.id, orderSyncId: row.orderSyncId, orderAddressId: row.orderAddressId } : null;
  if (partLease && !(await takePartLease(db, partLease, now))) {
    // Another part of this split is being written back: plan against what it leaves, not beside it.
    await db.shipmentWriteBack.update({ where: { id: row.id }, data: { state: 'PENDING', leaseUntil: null, nextAttemptAt: new Date(now.getTime() + PART_WAIT_MS) } });
    return 'waiting';
  }
  const finish = async (data: Prisma.ShipmentWriteBackUpdateInput) => {
    await db.shipmentWriteBack.update({ where: { id: row.id }, data: { ...data, leaseUntil: null } });
    if (partLease) await releasePartLease(db, partLease);
  };

  try {
    const { client: whistl, warehouseId } = await deps.whistl(row.storeId).catch((error: unknown) => {
      throw new RetryLater(error instanceof Error ? error.message : String(error), 10 * 60_000);
    });
    const firstAttempt = row.attempts === 0 && !claimed.reclaimed;
    // The read that queued this row moments ago carried what was despatched: a first attempt
    // trusts it; anything else asks Whistl again.
    const storedItems = firstAttempt ? reviveDespatchedItems(row.despatchedItems) : null;
    const fresh: Pick<WhistlOrder, 'trackingNumber' | 'trackingUrl' | 'courierServiceName' | 'items'> | null = storedItems
      ? { trackingNumber: row.trackingNumber, trackingUrl: row.trackingUrl, courierServiceName: row.carrier, items: storedItems }
      : await whistl.getOrder(row.whistlOrderId).catch((e: unknown) => transient(e, 'read'));
    const trackingNumber = (fresh?.trackingNumber ?? row.trackingNumber ?? '').trim();
    const bcTracking = trackingNumber.slice(0, MAX_TRACKING_NUMBER_LENGTH);
    const trackingUrl = (fresh?.trackingUrl ?? row.trackingUrl ?? '').trim().slice(0, 500);
    const carrier = fresh?.courierServiceName ?? row.carrier;
    const marker = shipmentMarker(row.whistlOrderId);
    const shipmentInput = (items: CreateShipmentInput['items']): CreateShipmentInput => ({
      orderAddressId: row.orderAddressId,
      items,
      ...(bcTracking ? { trackingNumber: bcTracking } : {}),
      ...(trackingUrl ? { trackingLink: trackingUrl } : {}),
      trackingCarrier: trackingCarrierSlug(carrier),
      ...(carrier ? { shippingMethod: carrier } : {}),
      comments: `${marker}${partText}${trackingNumber.length > MAX_TRACKING_NUMBER_LENGTH ? `, full tracking ${trackingNumber}` : ''}`,
    });
    const shipped = async (created: { id: number }, items: CreateShipmentInput['items']): Promise<WriteBackOutcome> => {
      await finish({ state: 'DONE', bcShipmentId: created.id, lastError: null, attempts: row.attempts + 1 });
      await resolveOrderExceptions(db, row.orderSyncId, [REASON.writeBackFailed(row.whistlOrderId), REASON.shippedNotDespatched], now, 'shipment created');
      await log('SHIPPED', `Shipment ${created.id} created in BigCommerce${partText}${bcTracking ? `, tracking ${bcTracking}` : ''}`, {
        bcShipmentId: created.id,
        whistlOrderId: row.whistlOrderId,
        trackingNumber: bcTracking,
        items,
      });
      return 'shipped';
    };

    const bc = await deps.bigcommerce(row.storeId);
    const context = await loadExportContext(db, row.storeId, warehouseId);

    const sync = row.orderSync;
    const keptLines = reviveShipLines(sync.links.find((l) => l.orderAddressId === row.orderAddressId)?.shipLines);
    // Drift already seen on the order (shipped or cancelled by hand in BigCommerce) means what
    // was kept at export may be out of date: check the order itself.
    const driftOpen = async () => (await db.syncException.count({ where: { orderSyncId: row.orderSyncId, type: 'STATUS_DRIFT', status: 'OPEN' } })) > 0;
    const directAllowed =
      firstAttempt &&
      row.numberOfParts === 1 &&
      keptLines !== null &&
      !sync.cancelRequested &&
      sync.state !== 'CANCELLED' &&
      sync.bcStatusId !== BC_CANCELLED_STATUS_ID &&
      !(await driftOpen());
    const directPlan = directAllowed ? planShipmentItems(keptLines, fresh?.items ?? [], context.settings.sku, { split: false }) : null;
    if (directPlan && directPlan.items.length > 0 && directPlan.unmatched.length === 0 && directPlan.short.length === 0) {
      try {
        // A lost answer here is safe: the retry takes the checked path and finds this shipment.
        const created = await bc.shipments.create(bcOrderId, shipmentInput(directPlan.items), { priority: 'high' });
        return await shipped(created, directPlan.items);
      } catch (error) {
        // Refused (already shipped by hand, order edited since export): check properly below.
        if (!(error instanceof BigCommerceValidationError)) transient(error, 'shipment create');
      }
    }

    const order = await bc.orders.get(bcOrderId, { priority: 'high' }).catch((error: unknown) => {
      if (error instanceof BigCommerceNotFoundError) throw new GiveUp(`Order ${bcOrderId} no longer exists in BigCommerce`);
      return transient(error, 'order read');
    });
    const shipments = await bc.shipments.list(bcOrderId, { priority: 'high' }).catch((e: unknown) => transient(e, 'shipments read'));
    const existing = shipments.find((s) => (bcTracking !== '' && s.trackingNumber === bcTracking) || s.comments.includes(marker));
    if (existing) {
      await finish({ state: 'DONE', bcShipmentId: existing.id, lastError: null, trackingNumber: trackingNumber || null });
      await resolveOrderExceptions(db, row.orderSyncId, [REASON.writeBackFailed(row.whistlOrderId), REASON.shippedNotDespatched], now, 'shipment exists');
      await log('SHIPPED', `BigCommerce already has shipment ${existing.id}${bcTracking ? ` with tracking ${bcTracking}` : ''}${partText}: not created again`, {
        bcShipmentId: existing.id,
        whistlOrderId: row.whistlOrderId,
      });
      return 'already-shipped';
    }

    if (order.statusId === BC_CANCELLED_STATUS_ID || order.isDeleted) {
      const message = `Order ${bcOrderId} is cancelled in BigCommerce but Whistl despatched it${partText}${trackingNumber ? ` (tracking ${trackingNumber})` : ''}: no shipment created; recover the parcel or reinstate the order`;
      await raiseOrderException(db, { storeId: row.storeId, orderSyncId: row.orderSyncId, type: 'STATUS_DRIFT', reasonKey: REASON.cancelledButDespatched, message, detail: { whistlOrderId: row.whistlOrderId } });
      await finish({ state: 'FAILED', lastError: message });
      await log('DRIFT', message);
      return 'drift';
    }

    const address = order.shippingAddresses.find((a) => a.orderAddressId === row.orderAddressId);
    if (!address) throw new GiveUp(`Order ${bcOrderId} has no shipping address ${row.orderAddressId} any more`);
    const plan = planShipmentItems(address.lines, fresh?.items ?? [], context.settings.sku, { split: row.numberOfParts > 1 });
    if (!plan) throw new GiveUp(`Whistl does not say what part ${row.part} of ${row.numberOfParts} holds, so its shipment cannot be made without guessing: create it by hand with tracking ${trackingNumber || '(none)'}`);

    if (plan.unmatched.length > 0 || plan.short.length > 0) {
      const parts = [
        ...plan.short.map((s) => `${s.sku}: ordered ${s.ordered}, despatched ${s.despatched}`),
        ...plan.unmatched.map((u) => `${u.sku}: ${u.quantity} despatched beyond what is left to ship`),
      ];
      await raiseOrderException(db, {
        storeId: row.storeId,
        orderSyncId: row.orderSyncId,
        type: 'STATUS_DRIFT',
        reasonKey: REASON.quantity(row.whistlOrderId),
        message: `Whistl order ${row.whistlOrderId}${partText} despatched quantities that disagree with order ${bcOrderId}: ${parts.join('; ')}`,
        detail: { short: plan.short, unmatched: plan.unmatched },
      });
    } else {
      await resolveOrderExceptions(db, row.orderSyncId, [REASON.quantity(row.whistlOrderId)], now, 'quantities agree');
    }

    if (plan.items.length === 0) {
      await finish({ state: 'DONE', lastError: null });
      await log('SHIPPED', `Nothing left to ship in BigCommerce for Whistl order ${row.whistlOrderId}${partText}: it was already marked shipped`);
      return 'nothing-to-ship';
    }

    // A lost answer here is safe: the retry lists shipments first and finds this one.
    const created = await bc.shipments.create(bcOrderId, shipmentInput(plan.items), { priority: 'high' }).catch((e: unknown) => transient(e, 'shipment create'));
    return await shipped(created, plan.items);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const attempts = row.attempts + 1;
    if (error instanceof RetryLater && attempts < MAX_WRITEBACK_ATTEMPTS) {
      const delay = Math.max(retryDelayMs(attempts), error.retryAfterMs);
      await finish({ state: 'PENDING', attempts, nextAttemptAt: new Date(now.getTime() + delay), lastError: message });
      await log('WRITEBACK_RETRY', `Shipment write-back attempt ${attempts} failed (${message}); next try in ${Math.round(delay / 1000)} s`);
      return 'retry';
    }
    if (!(error instanceof RetryLater) && !(error instanceof GiveUp)) console.error(`[fulfilment] write-back ${row.id} failed:`, error);
    const why = error instanceof WhistlAuthError ? `${message}: check the connection in Settings` : message;
    const text = `The shipment for Whistl order ${row.whistlOrderId}${partText} could not be created in BigCommerce after ${attempts} attempt(s): ${why}`;
    await raiseOrderException(db, {
      storeId: row.storeId,
      orderSyncId: row.orderSyncId,
      type: 'WRITEBACK_FAILED',
      reasonKey: REASON.writeBackFailed(row.whistlOrderId),
      message: text,
      detail: { attempts, whistlOrderId: row.whistlOrderId, trackingNumber: row.trackingNumber },
    });
    await finish({ state: 'FAILED', attempts, lastError: why });
    await log('WRITEBACK_FAILED', text);
    return 'failed';
  }
}
