import type { DbClient } from '../../db/types';
import type { OrderSyncState } from '../../generated/prisma/enums';
import { BC_ORDER_STATUSES } from '../../stores/export-settings';
import { DESPATCHED_STATUS_IDS, ORDER_STATUS, statusName } from '../../whistl/statuses';
import { bucketIndex, dayBucket, type DayBucket } from '../cutoff/day-buckets';
import { addDays, formatLocalDate, isValidTimeZone, localDateOf, type LocalDate } from '../../time/zoned-time';
import { MISMATCH_KINDS, type MismatchKind } from './kinds';
import { formatMoneyUnits, parseMoney } from './money';

export { MISMATCH_KINDS, MISMATCH_LABELS, type MismatchKind } from './kinds';

/**
 * Finance reconciliation: per calendar day in the store's time zone, what BigCommerce sold for
 * fulfilment against what reached Whistl and what Whistl despatched, with every disagreement
 * listed by kind. Computed from the connector's own records (see RECONCILIATION_NOTES).
 */

/** The longest range one request may cover. */
export const MAX_RECONCILIATION_DAYS = 93;

const BC_CANCELLED = 5;
/** Shipped, Partially Shipped, Completed: past fulfilment, still sales. */
const BC_FULFILLED_STATUS_IDS: readonly number[] = [2, 3, 10];

export const RECONCILIATION_NOTES: readonly string[] = [
  'BigCommerce figures use each order’s status and total as the connector last read them, not a live read of BigCommerce.',
  'An order counts for BigCommerce on the day it was created (store time zone) when its status sends orders to Whistl, it is shipped or completed, or it was already sent; cancelled orders and orders with nothing to ship (skipped) are left out. Orders the connector has not read yet are counted separately.',
  'Whistl “created” is when the connector created (or adopted) the Whistl order; orders keyed into Whistl by hand are not seen.',
  'Whistl “despatched” is the despatch time the fulfilment poll recorded; despatched value is the whole BigCommerce order total, also for part or split despatches.',
  'Quantity differences are the ones found when a despatch was written back to BigCommerce (Whistl reports per-line quantities only then); they are listed while that exception is open.',
];

export interface ReconciliationMismatch {
  /** The day the mismatch is filed under ("YYYY-MM-DD", store time zone). */
  day: string;
  kind: MismatchKind;
  bcOrderId: number;
  orderSyncId: string;
  state: OrderSyncState;
  bcStatus: string | null;
  /** "123456 (AWAITINGPICKING)", comma separated. */
  whistlOrders: string;
  orderTotal: string | null;
  detail: string;
}

export interface ReconciliationDay {
  date: string;
  start: string;
  end: string;
  bigcommerce: {
    orders: number;
    revenue: string;
    cancelled: number;
    /** Created that day but not read by the connector yet (status unknown). */
    notReadYet: number;
    /** Counted orders whose total could not be read (left out of revenue). */
    withoutTotal: number;
  };
  /** Of the day's BigCommerce orders, those that reached Whistl. */
  sentToWhistl: { orders: number; revenue: string };
  whistl: { ordersCreated: number; bcOrdersCreated: number; despatched: number; bcOrdersDespatched: number; despatchedRevenue: string };
  mismatches: Record<MismatchKind, number>;
}

export interface Reconciliation {
  timeZone: string;
  from: string;
  to: string;
  exportStatuses: string[];
  days: ReconciliationDay[];
  mismatches: ReconciliationMismatch[];
  notes: readonly string[];
}

/** The store's time zone (Europe/London when unset or unknown) and its calendar day at `now`. */
export async function storeDay(db: DbClient, storeId: string, now: Date): Promise<{ timeZone: string; today: LocalDate }> {
  const settings = await db.storeSettings.findUnique({ where: { storeId }, select: { timeZone: true } });
  const timeZone = settings && isValidTimeZone(settings.timeZone) ? settings.timeZone : 'Europe/London';
  return { timeZone, today: localDateOf(now, timeZone) };
}

/** Local days from..to inclusive (oldest first). Throws RangeError when the range is backwards or too long. */
export function daysBetween(from: LocalDate, to: LocalDate, timeZone: string): DayBucket[] {
  const days: DayBucket[] = [];
  let day = from;
  while (formatLocalDate(day) <= formatLocalDate(to)) {
    days.push(dayBucket(day, timeZone));
    if (days.length > MAX_RECONCILIATION_DAYS) throw new RangeError(`At most ${MAX_RECONCILIATION_DAYS} days at a time`);
    day = addDays(day, 1);
  }
  if (days.length === 0) throw new RangeError('The range ends before it starts');
  return days;
}

interface LoadedOrder {
  id: string;
  bcOrderId: number;
  state: OrderSyncState;
  bcStatusId: number | null;
  orderTotal: string | null;
  bcDateCreated: Date | null;
  createdAt: Date;
  exportedAt: Date | null;
  cancelRequested: boolean;
  lastError: string | null;
  links: Array<{ whistlOrderId: number | null; whistlStatusId: number | null; createdAt: Date; orderNumber: string }>;
  shipments: Array<{ whistlOrderId: number; despatchedAt: Date | null; createdAt: Date; state: string; lastError: string | null }>;
  exceptions: Array<{ type: string; reasonKey: string; message: string }>;
}

/** Reconciles the store's days from..to (inclusive, store time zone). */
export async function reconcile(db: DbClient, storeId: string, range: { from: LocalDate; to: LocalDate; timeZone: string }): Promise<Reconciliation> {
  const { timeZone } = range;
  const days = daysBetween(range.from, range.to, timeZone);
  const start = days[0]!.start;
  const end = days[days.length - 1]!.end;
  const settings = await db.storeSettings.findUnique({ where: { storeId }, select: { exportStatusIds: true } });
  const exportStatusIds = settings?.exportStatusIds ?? [11];

  const orders: LoadedOrder[] = await db.orderSync.findMany({
    where: {
      storeId,
      OR: [
        { bcDateCreated: { gte: start, lt: end } },
        { bcDateCreated: null, createdAt: { gte: start, lt: end } },
        { links: { some: { whistlOrderId: { not: null }, createdAt: { gte: start, lt: end } } } },
        { shipments: { some: { despatchedAt: { gte: start, lt: end } } } },
      ],
    },
    select: {
      id: true,
      bcOrderId: true,
      state: true,
      bcStatusId: true,
      orderTotal: true,
      bcDateCreated: true,
      createdAt: true,
      exportedAt: true,
      cancelRequested: true,
      lastError: true,
      links: { select: { whistlOrderId: true, whistlStatusId: true, createdAt: true, orderNumber: true }, orderBy: { orderAddressId: 'asc' } },
      shipments: { select: { whistlOrderId: true, despatchedAt: true, createdAt: true, state: true, lastError: true }, orderBy: { whistlOrderId: 'asc' } },
      exceptions: { where: { status: 'OPEN' }, select: { type: true, reasonKey: true, message: true }, orderBy: { createdAt: 'asc' } },
    },
    orderBy: { bcOrderId: 'asc' },
  });

  const acc = days.map(() => ({
    orders: 0,
    revenue: 0,
    cancelled: 0,
    notReadYet: 0,
    withoutTotal: 0,
    sent: 0,
    sentRevenue: 0,
    created: 0,
    createdOrders: new Set<string>(),
    despatched: new Set<number>(),
    despatchedOrders: new Set<string>(),
    despatchedRevenue: 0,
    mismatches: Object.fromEntries(MISMATCH_KINDS.map((k) => [k, 0])) as Record<MismatchKind, number>,
  }));
  const mismatches: ReconciliationMismatch[] = [];
  const dayIndex = (instant: Date | null | undefined) => (instant ? bucketIndex(days, instant) : -1);

  for (const order of orders) {
    const bcCreated = order.bcDateCreated ?? order.createdAt;
    const bcDay = dayIndex(bcCreated);
    const whistlLinks = order.links.filter((l): l is typeof l & { whistlOrderId: number } => l.whistlOrderId !== null);
    const cancelledInBc = order.bcStatusId === BC_CANCELLED || order.state === 'CANCELLED';
    const sent = whistlLinks.length > 0;
    const counted =
      !cancelledInBc &&
      order.state !== 'SKIPPED' &&
      order.bcStatusId !== null &&
      (exportStatusIds.includes(order.bcStatusId) || BC_FULFILLED_STATUS_IDS.includes(order.bcStatusId) || order.exportedAt !== null || sent);
    const total = parseMoney(order.orderTotal);

    if (bcDay >= 0) {
      const day = acc[bcDay]!;
      if (cancelledInBc) day.cancelled += 1;
      else if (order.bcStatusId === null && order.state !== 'SKIPPED') day.notReadYet += 1;
      if (counted) {
        day.orders += 1;
        if (total === null) day.withoutTotal += 1;
        else day.revenue += total;
        if (sent) {
          day.sent += 1;
          day.sentRevenue += total ?? 0;
        }
      }
    }
    for (const link of whistlLinks) {
      const i = dayIndex(link.createdAt);
      if (i >= 0) {
        acc[i]!.created += 1;
        acc[i]!.createdOrders.add(order.id);
      }
    }
    for (const shipment of order.shipments) {
      const i = dayIndex(shipment.despatchedAt);
      if (i < 0) continue;
      const day = acc[i]!;
      day.despatched.add(shipment.whistlOrderId);
      if (!day.despatchedOrders.has(order.id)) {
        day.despatchedOrders.add(order.id);
        day.despatchedRevenue += total ?? 0;
      }
    }

    // Mismatches, each filed under the first of its candidate days that falls in the range.
    const whistlText = whistlLinks.map((l) => `${l.whistlOrderId} (${l.whistlStatusId === null ? 'status not read' : (statusName(l.whistlStatusId) ?? `status ${l.whistlStatusId}`)})`).join(', ');
    const add = (kind: MismatchKind, candidates: Array<Date | null | undefined>, detail: string) => {
      const i = candidates.map(dayIndex).find((index) => index >= 0);
      if (i === undefined) return;
      acc[i]!.mismatches[kind] += 1;
      mismatches.push({
        day: days[i]!.date,
        kind,
        bcOrderId: order.bcOrderId,
        orderSyncId: order.id,
        state: order.state,
        bcStatus: order.bcStatusId === null ? null : (BC_ORDER_STATUSES[order.bcStatusId] ?? `status ${order.bcStatusId}`),
        whistlOrders: whistlText,
        orderTotal: order.orderTotal,
        detail,
      });
    };
    const linkDays = whistlLinks.map((l) => l.createdAt);

    if (counted && !sent) add('IN_BC_NOT_IN_WHISTL', [bcCreated], notSentReason(order));

    if (cancelledInBc) {
      const live = whistlLinks.filter((l) => l.whistlStatusId !== ORDER_STATUS.CANCELLED);
      if (live.length > 0) {
        const despatched = live.some((l) => l.whistlStatusId !== null && DESPATCHED_STATUS_IDS.includes(l.whistlStatusId)) || order.shipments.length > 0;
        add(
          'CANCELLED_ONE_SIDE',
          [bcCreated, ...linkDays],
          `Cancelled in BigCommerce, not in Whistl (${live.map((l) => l.whistlOrderId).join(', ')})` +
            (despatched ? ': Whistl has already despatched it' : order.cancelRequested ? ': the cancel is being sent to Whistl' : ''),
        );
      }
    } else {
      const cancelledAtWhistl = whistlLinks.filter((l) => l.whistlStatusId === ORDER_STATUS.CANCELLED);
      if (cancelledAtWhistl.length > 0) {
        const bcStatus = order.bcStatusId === null ? 'not read yet' : (BC_ORDER_STATUSES[order.bcStatusId] ?? `status ${order.bcStatusId}`);
        add('CANCELLED_ONE_SIDE', [bcCreated, ...linkDays], `Cancelled in Whistl (${cancelledAtWhistl.map((l) => l.whistlOrderId).join(', ')}), still ${bcStatus} in BigCommerce`);
      }

      for (const shipment of order.shipments) {
        if (shipment.state === 'DONE') continue;
        const why =
          shipment.state === 'FAILED'
            ? `the shipment could not be created${shipment.lastError ? `: ${shipment.lastError}` : ''}`
            : 'the shipment is waiting to be written back';
        add('DESPATCHED_NOT_SHIPPED', [shipment.despatchedAt, shipment.createdAt, bcCreated], `Whistl order ${shipment.whistlOrderId} despatched; ${why}`);
      }
      const shipmentIds = new Set(order.shipments.map((s) => s.whistlOrderId));
      for (const link of whistlLinks) {
        if (link.whistlStatusId === null || !DESPATCHED_STATUS_IDS.includes(link.whistlStatusId) || shipmentIds.has(link.whistlOrderId) || order.shipments.length > 0) continue;
        add('DESPATCHED_NOT_SHIPPED', [bcCreated, link.createdAt], `Whistl order ${link.whistlOrderId} is despatched; the despatch has not been picked up for BigCommerce yet`);
      }
    }

    for (const exception of order.exceptions) {
      const match = /^drift:quantity:(\d+)$/.exec(exception.reasonKey);
      if (!match) continue;
      const whistlOrderId = Number(match[1]);
      const shipment = order.shipments.find((s) => s.whistlOrderId === whistlOrderId);
      add('QUANTITY_DIFFERENCE', [shipment?.despatchedAt, bcCreated, ...linkDays], exception.message);
    }
  }

  return {
    timeZone,
    from: days[0]!.date,
    to: days[days.length - 1]!.date,
    exportStatuses: exportStatusIds.map((id) => BC_ORDER_STATUSES[id] ?? `status ${id}`),
    days: days.map((bucket, i) => {
      const day = acc[i]!;
      return {
        date: bucket.date,
        start: bucket.start.toISOString(),
        end: bucket.end.toISOString(),
        bigcommerce: { orders: day.orders, revenue: formatMoneyUnits(day.revenue), cancelled: day.cancelled, notReadYet: day.notReadYet, withoutTotal: day.withoutTotal },
        sentToWhistl: { orders: day.sent, revenue: formatMoneyUnits(day.sentRevenue) },
        whistl: {
          ordersCreated: day.created,
          bcOrdersCreated: day.createdOrders.size,
          despatched: day.despatched.size,
          bcOrdersDespatched: day.despatchedOrders.size,
          despatchedRevenue: formatMoneyUnits(day.despatchedRevenue),
        },
        mismatches: day.mismatches,
      };
    }),
    mismatches: mismatches.sort((a, b) => a.day.localeCompare(b.day) || MISMATCH_KINDS.indexOf(a.kind) - MISMATCH_KINDS.indexOf(b.kind) || a.bcOrderId - b.bcOrderId),
    notes: RECONCILIATION_NOTES,
  };
}

function notSentReason(order: LoadedOrder): string {
  const first = order.exceptions[0];
  switch (order.state) {
    case 'PENDING':
      return 'Waiting to be sent to Whistl';
    case 'EXPORTING':
      return 'Being sent to Whistl';
    case 'HELD':
      return first ? `Held: ${first.message}` : 'Held by an exception';
    case 'FAILED':
      return `Export failed${order.lastError ? `: ${order.lastError}` : ''}`;
    case 'IGNORED':
      return 'An operator chose not to send it';
    default:
      return 'No Whistl order is recorded for it';
  }
}

/** The default range of the finance page: today in the store's time zone. */
export function todayIn(now: Date, timeZone: string): string {
  return formatLocalDate(localDateOf(now, timeZone));
}
