import { BigCommerceNotFoundError, BigCommerceRetriableError, type OrderWithConsignments } from '../../bigcommerce/api';
import type { DbClient } from '../../db/types';
import { Prisma } from '../../generated/prisma/client';
import { WhistlAuthError, WhistlRetriableError, type CreateOrderOutcome, type WhistlAdapter } from '../../whistl';
import { toShipLines, type ShipmentLine } from '../fulfilment/ship-lines';
import { buildWhistlOrders, normaliseShippingMethod, warehouseLines, type PlannedWhistlOrder } from '../rules';
import type { ExportProblem } from '../types';
import type { ClaimedOrder } from './claim';
import { loadExportContext } from './context';
import type { ExportDeps } from './deps';
import { syncOrderExceptions, VALIDATION_KINDS } from './exceptions';
import { BC_STATUS, MAX_EXPORT_ATTEMPTS, retryDelayMs, WHISTL_STATUS_CANCELLED, WHISTL_STATUS_NEW } from './policy';
import { reviveOrderSnapshot } from './snapshot';

export type ExportOutcome = 'exported' | 'held' | 'skipped' | 'retry' | 'failed' | 'cancelled' | 'waiting';

/** Thrown by a step when the order must wait and be tried again later (transient failure). */
class RetryLater extends Error {
  constructor(
    message: string,
    readonly outcomeUnknown: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * Takes one claimed order record from "due" to its next resting state. Reads the order once
 * (or not at all when a sweep left a fresh snapshot), checks every rule before anything is sent,
 * and creates each Whistl order exactly once: an unknown outcome is searched for before any
 * new create, and Whistl's duplicate rejection is adopted, not raised.
 */
export async function processClaimedOrder(
  db: DbClient,
  deps: ExportDeps,
  claimed: ClaimedOrder,
  /** The order as just listed with others (prefetchOrders), so it need not be read again. */
  prefetched?: OrderWithConsignments,
): Promise<ExportOutcome> {
  const row = await db.orderSync.findUniqueOrThrow({ where: { id: claimed.id }, include: { links: true } });
  const now = deps.now();
  const log = (kind: string, message: string, detail?: Prisma.InputJsonValue) =>
    db.orderSyncEvent.create({ data: { storeId: row.storeId, orderSyncId: row.id, kind, message, detail } });

  try {
    const order = prefetched ?? (await readOrder(deps, row.storeId, row.bcOrderId, row.bcSnapshot, row.bcDateModified));
    if (!order) {
      await finish(db, row.id, { state: 'SKIPPED', lastError: 'The order no longer exists in BigCommerce' });
      await log('SKIPPED', 'The order no longer exists in BigCommerce');
      return 'skipped';
    }
    await db.orderSync.update({
      where: { id: row.id },
      data: {
        bcStatusId: order.statusId,
        bcDateCreated: order.dateCreated,
        bcDateModified: order.dateModified,
        customerName: `${order.billingAddress.firstName} ${order.billingAddress.lastName}`.trim() || null,
        customerEmail: order.billingAddress.email || null,
        orderTotal: order.totalIncTax,
        bcSnapshot: Prisma.DbNull,
      },
    });
    await recordWarehouseLines(db, row.storeId, row.id, order);

    // Exported only when every address with warehouse lines has its Whistl order: a runner that
    // died between the creates of a multi-address order leaves some addresses without a link.
    const addressesToShip = order.shippingAddresses.filter((a) => warehouseLines(a).length > 0);
    const exported =
      row.links.length > 0 &&
      row.links.every((l) => l.whistlOrderId !== null) &&
      addressesToShip.every((a) => row.links.some((l) => l.orderAddressId === a.orderAddressId));
    const cancelledInBc = order.statusId === BC_STATUS.CANCELLED || order.isDeleted;
    if (cancelledInBc) {
      if (row.links.some((l) => l.whistlOrderId !== null)) return await cancelInWhistl(db, deps, row, log, now);
      await finish(db, row.id, { state: 'CANCELLED', cancelRequested: false, lastError: null });
      await syncOrderExceptions(db, { storeId: row.storeId, orderSyncId: row.id, problems: [], kinds: VALIDATION_KINDS, ownerOverrides: {}, now });
      await log('CANCELLED', 'Cancelled in BigCommerce before it was sent: nothing sent to Whistl');
      return 'cancelled';
    }
    if (exported) {
      await finish(db, row.id, { state: 'EXPORTED', cancelRequested: false });
      return 'exported';
    }

    const { client: whistl, warehouseId } = await deps.whistl(row.storeId).catch((error: unknown) => {
      throw new RetryLater(error instanceof Error ? error.message : String(error), false, 10 * 60_000);
    });
    const context = await loadExportContext(db, row.storeId, warehouseId);

    // Once a create has gone out (a link exists), a despatch written back while the rest was
    // retrying moves the order to (Partially) Shipped: that must not strand the unsent addresses.
    const shippedAfterExportBegan = row.links.length > 0 && (order.statusId === BC_STATUS.SHIPPED || order.statusId === BC_STATUS.PARTIALLY_SHIPPED);
    if (!context.exportStatusIds.includes(order.statusId) && !shippedAfterExportBegan) {
      const reason = `Status "${order.status}" (${order.statusId}) is not one this store exports; it will be sent when it reaches one`;
      await finish(db, row.id, { state: 'SKIPPED', lastError: reason });
      if (row.lastError !== reason) await log('SKIPPED', reason);
      return 'skipped';
    }
    const holdUntil = new Date(order.dateCreated.getTime() + context.holdMinutes * 60_000);
    if (holdUntil > now) {
      await finish(db, row.id, { state: 'PENDING', nextAttemptAt: holdUntil, lastError: null });
      await log('HOLD_WINDOW', `Held until ${holdUntil.toISOString()} (the store's ${context.holdMinutes}-minute hold window)`);
      return 'waiting';
    }

    await recordShippingMethodsSeen(db, row.storeId, order);
    const plan = buildWhistlOrders(order, context.settings);
    if (plan.kind === 'skip') {
      await finish(db, row.id, { state: 'SKIPPED', lastError: plan.reason });
      await syncOrderExceptions(db, { storeId: row.storeId, orderSyncId: row.id, problems: [], kinds: VALIDATION_KINDS, ownerOverrides: context.ownerOverrides, now });
      await log('SKIPPED', plan.reason);
      return 'skipped';
    }
    if (plan.kind === 'invalid') return await hold(db, row, plan.problems, context.ownerOverrides, log, now, 'VALIDATION_FAILED');

    const addresses = new Map(order.shippingAddresses.map((a) => [a.orderAddressId, a]));
    const rejections: ExportProblem[] = [];
    for (const planned of plan.orders) {
      const address = addresses.get(planned.orderAddressId);
      const target = { methodKey: normaliseShippingMethod(address?.shippingMethod ?? ''), shipLines: toShipLines(address?.lines ?? []) };
      const problem = await createOnce(db, row, planned, whistl, claimed.reclaimed || row.outcomeUnknown, log, target);
      if (problem) rejections.push(problem);
    }
    if (rejections.length > 0) return await hold(db, row, rejections, context.ownerOverrides, log, now, 'WHISTL_REJECTED');

    await syncOrderExceptions(db, { storeId: row.storeId, orderSyncId: row.id, problems: [], kinds: [...VALIDATION_KINDS, 'EXPORT_FAILED'], ownerOverrides: context.ownerOverrides, now });
    await finish(db, row.id, { state: 'EXPORTED', exportedAt: now, attempts: 0, outcomeUnknown: false, lastError: null });
    return 'exported';
  } catch (error) {
    return await handleFailure(db, row, error, log, now);
  }
}

async function readOrder(
  deps: ExportDeps,
  storeId: string,
  bcOrderId: number,
  snapshot: unknown,
  knownModified: Date | null,
): Promise<OrderWithConsignments | null> {
  const fromSweep = snapshot ? reviveOrderSnapshot(snapshot) : null;
  if (fromSweep && knownModified && fromSweep.dateModified.getTime() === knownModified.getTime()) return fromSweep;
  const bc = await deps.bigcommerce(storeId);
  try {
    return await bc.orders.get(bcOrderId);
  } catch (error) {
    if (error instanceof BigCommerceNotFoundError) return null;
    if (error instanceof BigCommerceRetriableError) throw new RetryLater(`BigCommerce: ${error.message}`, false, error.retryAfterMs);
    throw error;
  }
}

/** The inventory sync counts these units as sold but not yet at Whistl until the order is exported. */
async function recordWarehouseLines(db: DbClient, storeId: string, orderSyncId: string, order: OrderWithConsignments): Promise<void> {
  const lines = order.shippingAddresses.flatMap((address) =>
    address.lines.filter((line) => line.type === 'physical' && line.sku).map((line) => ({ storeId, orderSyncId, bcSku: line.sku, quantity: line.quantity })),
  );
  await db.orderSyncLine.deleteMany({ where: { orderSyncId } });
  if (lines.length) await db.orderSyncLine.createMany({ data: lines });
}

/** Methods seen on orders appear on the Shipping mappings page, mapped or visibly not. */
async function recordShippingMethodsSeen(db: DbClient, storeId: string, order: OrderWithConsignments): Promise<void> {
  for (const address of order.shippingAddresses) {
    const methodKey = normaliseShippingMethod(address.shippingMethod);
    if (!methodKey) continue;
    await db.shippingMapping.upsert({
      where: { storeId_methodKey: { storeId, methodKey } },
      create: { storeId, methodKey, methodLabel: address.shippingMethod.trim(), seenOnOrders: true },
      update: { seenOnOrders: true },
    });
  }
}

type Row = { id: string; storeId: string; bcOrderId: number; attempts: number; lastError: string | null };
type Log = (kind: string, message: string, detail?: Prisma.InputJsonValue) => Promise<unknown>;

/** Creates one planned Whistl order unless it is already there. Returns a rejection, if any. */
async function createOnce(
  db: DbClient,
  row: Row & { links: Array<{ orderAddressId: number; whistlOrderId: number | null }> },
  planned: PlannedWhistlOrder,
  whistl: WhistlAdapter,
  mayAlreadyExist: boolean,
  log: Log,
  target: { methodKey: string; shipLines: ShipmentLine[] },
): Promise<ExportProblem | null> {
  const { methodKey } = target;
  const existing = row.links.find((l) => l.orderAddressId === planned.orderAddressId);
  if (existing?.whistlOrderId) return null;
  const shipLines = target.shipLines as unknown as Prisma.InputJsonValue;
  const link = await db.whistlOrderLink.upsert({
    where: { orderSyncId_orderAddressId: { orderSyncId: row.id, orderAddressId: planned.orderAddressId } },
    create: { storeId: row.storeId, orderSyncId: row.id, orderAddressId: planned.orderAddressId, orderNumber: planned.orderNumber, externalRef: planned.externalOrderReference, shipLines },
    update: { orderNumber: planned.orderNumber, externalRef: planned.externalOrderReference, shipLines },
  });

  // A link without an id means an earlier create may have landed without us hearing back.
  if (mayAlreadyExist || existing) {
    const found = await findOurs(whistl, planned);
    if (found) {
      await db.whistlOrderLink.update({ where: { id: link.id }, data: { whistlOrderId: found.id, whistlStatusId: found.orderStatusId } });
      await log('ADOPTED', `Found Whistl order ${found.id} (${planned.orderNumber}) from an earlier attempt: adopted, not created again`);
      return null;
    }
  }

  await db.orderSync.update({ where: { id: row.id }, data: { outcomeUnknown: true } });
  let outcome: CreateOrderOutcome;
  try {
    outcome = await whistl.createOrder(planned.input);
  } catch (error) {
    if (error instanceof WhistlRetriableError) {
      throw new RetryLater(`Whistl: ${error.message}`, error.outcomeUnknown, error.retryAfterMs ?? undefined);
    }
    throw error;
  }
  await db.orderSync.update({ where: { id: row.id }, data: { outcomeUnknown: false } });

  if (outcome.kind === 'created') {
    await db.whistlOrderLink.update({ where: { id: link.id }, data: { whistlOrderId: outcome.orderId, whistlStatusId: outcome.statusId } });
    await log('EXPORTED', `Created Whistl order ${outcome.orderId} (${planned.orderNumber})`, { whistlOrderId: outcome.orderId, orderNumber: planned.orderNumber });
    return null;
  }
  if (outcome.kind === 'duplicate') {
    const found = await findOurs(whistl, planned);
    if (found) {
      await db.whistlOrderLink.update({ where: { id: link.id }, data: { whistlOrderId: found.id, whistlStatusId: found.orderStatusId } });
      await log('ADOPTED', `Whistl already had ${planned.orderNumber} (order ${found.id}): adopted`, { message: outcome.message });
      return null;
    }
    return {
      type: 'WHISTL_REJECTED',
      reasonKey: `whistl:duplicate:${planned.orderNumber}`,
      message: `Whistl already has an order ${planned.orderNumber} that the connector did not create (${outcome.message}). Check for a manually keyed copy before retrying.`,
      detail: { message: outcome.message },
    };
  }
  await log('REJECTED', `Whistl rejected ${planned.orderNumber}: ${outcome.message}`, { reason: outcome.reason, message: outcome.message });
  return rejectionProblem(outcome, planned, methodKey);
}

async function findOurs(whistl: WhistlAdapter, planned: PlannedWhistlOrder) {
  const matches = await whistl.searchOrdersByNumber(planned.orderNumber).catch((error: unknown) => {
    if (error instanceof WhistlRetriableError) throw new RetryLater(`Whistl search: ${error.message}`, true, error.retryAfterMs ?? undefined);
    throw error;
  });
  // Split despatches show up as several records sharing the number: any of ours will do.
  return matches.find((o) => o.externalOrderReference === planned.externalOrderReference) ?? null;
}

/** Whistl's rejection, keyed by its cause so fixing that cause (a mapping, an alias) re-queues the order. */
function rejectionProblem(outcome: Extract<CreateOrderOutcome, { kind: 'rejected' }>, planned: PlannedWhistlOrder, methodKey: string): ExportProblem {
  const detail = { whistlMessage: outcome.message, orderNumber: planned.orderNumber };
  switch (outcome.reason) {
    case 'UNKNOWN_SKU':
      return { type: 'INVALID_SKU', reasonKey: `sku:whistl:${outcome.sku ?? ''}`, message: `Whistl does not know SKU "${outcome.sku ?? '?'}": add the product in Whistl or alias the SKU`, detail };
    case 'UNKNOWN_SERVICE':
      return { type: 'UNMAPPED_SHIPPING', reasonKey: `shipping:${methodKey}`, message: `Whistl does not know courier service "${outcome.service ?? '?'}" (mapped from "${methodKey}"): map the method to one of its services`, detail };
    case 'BAD_POSTCODE':
      return { type: 'INVALID_ADDRESS', reasonKey: `address:${planned.orderAddressId}:postcode:whistl`, message: `Whistl rejected postcode "${outcome.postcode ?? '?'}" for ${outcome.country ?? 'the country'}`, detail };
    case 'MISSING_FIELD':
      return { type: 'INVALID_ADDRESS', reasonKey: `address:${planned.orderAddressId}:${outcome.field ?? 'field'}:whistl`, message: `Whistl needs ${outcome.field ?? 'a field'}: ${outcome.message}`, detail };
    default:
      return { type: 'WHISTL_REJECTED', reasonKey: `whistl:${planned.orderNumber}`, message: `Whistl rejected ${planned.orderNumber}: ${outcome.message}`, detail };
  }
}

async function hold(db: DbClient, row: Row, problems: ExportProblem[], ownerOverrides: unknown, log: Log, now: Date, kind: string): Promise<ExportOutcome> {
  await syncOrderExceptions(db, { storeId: row.storeId, orderSyncId: row.id, problems, kinds: VALIDATION_KINDS, ownerOverrides, now });
  const summary = problems.map((p) => p.message).join('; ');
  await finish(db, row.id, { state: 'HELD', lastError: summary });
  await log(kind, `Not sent: ${problems.length} problem(s) to fix`, { problems: problems.map((p) => ({ type: p.type, message: p.message })) });
  return 'held';
}

async function cancelInWhistl(db: DbClient, deps: ExportDeps, row: Row & { links: Array<{ id: string; whistlOrderId: number | null; orderNumber: string }> }, log: Log, now: Date): Promise<ExportOutcome> {
  const { client } = await deps.whistl(row.storeId);
  const problems: ExportProblem[] = [];
  for (const link of row.links) {
    if (link.whistlOrderId === null) continue;
    const current = await client.getOrder(link.whistlOrderId);
    if (!current || current.orderStatusId === WHISTL_STATUS_CANCELLED) {
      await db.whistlOrderLink.update({ where: { id: link.id }, data: { whistlStatusId: WHISTL_STATUS_CANCELLED } });
      continue;
    }
    if (current.orderStatusId === WHISTL_STATUS_NEW) {
      const result = await client.cancelOrder(link.whistlOrderId);
      if (result.success) {
        await db.whistlOrderLink.update({ where: { id: link.id }, data: { whistlStatusId: WHISTL_STATUS_CANCELLED } });
        await log('CANCELLED_IN_WHISTL', `Cancelled Whistl order ${link.whistlOrderId} (${link.orderNumber})`);
        continue;
      }
      problems.push(cancelProblem(link, result.message));
      continue;
    }
    problems.push(cancelProblem(link, `it is already ${current.orderStatus ?? `status ${current.orderStatusId}`} in the warehouse`));
  }
  const store = await db.storeSettings.findUnique({ where: { storeId: row.storeId }, select: { exceptionOwners: true } });
  await syncOrderExceptions(db, { storeId: row.storeId, orderSyncId: row.id, problems, kinds: ['CANCEL_FAILED'], ownerOverrides: store?.exceptionOwners ?? {}, now });
  if (problems.length > 0) {
    await finish(db, row.id, { state: 'EXPORTED', cancelRequested: false, lastError: problems.map((p) => p.message).join('; ') });
    await log('CANCEL_FAILED', 'Cancelled in BigCommerce, but the warehouse already has it: ops must stop it by hand');
    return 'held';
  }
  await finish(db, row.id, { state: 'CANCELLED', cancelRequested: false, lastError: null });
  return 'cancelled';
}

function cancelProblem(link: { whistlOrderId: number | null; orderNumber: string }, why: string): ExportProblem {
  return {
    type: 'CANCEL_FAILED',
    reasonKey: `cancel:${link.whistlOrderId}`,
    message: `Order ${link.orderNumber} was cancelled in BigCommerce but Whistl order ${link.whistlOrderId} could not be cancelled: ${why}. Ask the warehouse to stop it.`,
  };
}

async function handleFailure(db: DbClient, row: Row, error: unknown, log: Log, now: Date): Promise<ExportOutcome> {
  const transient = error instanceof RetryLater;
  const message = error instanceof Error ? error.message : String(error);
  const attempts = row.attempts + 1;
  if (transient && attempts < MAX_EXPORT_ATTEMPTS) {
    const delay = Math.max(retryDelayMs(attempts), error.retryAfterMs ?? 0);
    await finish(db, row.id, {
      state: 'PENDING',
      attempts,
      nextAttemptAt: new Date(now.getTime() + delay),
      lastError: message,
      ...(error.outcomeUnknown ? { outcomeUnknown: true } : {}),
    });
    await log('RETRY_SCHEDULED', `Attempt ${attempts} failed (${message}); next try in ${Math.round(delay / 1000)} s`);
    return 'retry';
  }
  const why = error instanceof WhistlAuthError ? `${message}: check the connection in Settings` : message;
  if (!transient) console.error(`[export] order ${row.bcOrderId} failed permanently:`, error);
  const settings = await db.storeSettings.findUnique({ where: { storeId: row.storeId }, select: { exceptionOwners: true } });
  await syncOrderExceptions(db, {
    storeId: row.storeId,
    orderSyncId: row.id,
    problems: [{ type: 'EXPORT_FAILED', reasonKey: 'export-failed', message: `Export failed after ${attempts} attempt(s): ${why}`, detail: { attempts } }],
    kinds: ['EXPORT_FAILED'],
    ownerOverrides: settings?.exceptionOwners ?? {},
    now,
  });
  await finish(db, row.id, { state: 'FAILED', attempts, lastError: why });
  await log('FAILED', `Export failed after ${attempts} attempt(s): ${why}`);
  return 'failed';
}

/** Ends the claim. News that arrived meanwhile (recheckRequested) sends the row round again. */
async function finish(db: DbClient, id: string, data: Prisma.OrderSyncUpdateInput & { state: Prisma.OrderSyncUpdateInput['state'] }): Promise<void> {
  const updated = await db.orderSync.update({ where: { id }, data: { ...data, leaseUntil: null } });
  if (updated.recheckRequested && updated.state !== 'PENDING') {
    await db.orderSync.update({ where: { id }, data: { state: 'PENDING', nextAttemptAt: new Date(), recheckRequested: false } });
  }
}
