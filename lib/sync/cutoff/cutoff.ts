import type { DbClient } from '../../db/types';
import type { ExceptionType, OrderSyncState } from '../../generated/prisma/enums';
import { ORDER_STATUS, statusName } from '../../whistl/statuses';
import { addDays, isValidTimeZone, localDateOf, zonedInstant } from '../../time/zoned-time';

/**
 * The dispatch cutoff: each store's last parcel collection of the day ("HH:MM" in its time zone),
 * and the orders that will miss it unless someone acts.
 */

export interface CutoffSettings {
  cutoffTime: string | null;
  timeZone: string;
}

export interface NextCutoff {
  cutoffAt: Date;
  msLeft: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses "HH:MM" (24-hour) or returns null. */
export function parseCutoffTime(text: string | null | undefined): { hour: number; minute: number } | null {
  const match = text ? HH_MM.exec(text.trim()) : null;
  if (!match) return null;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The next collection: today's cutoff in the store's time zone if it is still ahead of `now`,
 * otherwise tomorrow's. Null when no cutoff is set (or the setting / time zone is not valid).
 * Correct across clock changes: "tomorrow" is the next calendar day in the zone, not now + 24 h.
 */
export function nextCutoff(settings: CutoffSettings, now: Date): NextCutoff | null {
  const time = parseCutoffTime(settings.cutoffTime);
  if (!time || !isValidTimeZone(settings.timeZone)) return null;
  const today = localDateOf(now, settings.timeZone);
  let cutoffAt = zonedInstant(today, time.hour, time.minute, settings.timeZone);
  if (cutoffAt.getTime() <= now.getTime()) {
    cutoffAt = zonedInstant(addDays(today, 1), time.hour, time.minute, settings.timeZone);
  }
  // A wall time skipped by a clock change can resolve to an instant still in the past only if the
  // zone jumped by more than a day (never in practice); guard anyway so msLeft is never negative.
  if (cutoffAt.getTime() <= now.getTime()) {
    cutoffAt = zonedInstant(addDays(today, 2), time.hour, time.minute, settings.timeZone);
  }
  return { cutoffAt, msLeft: cutoffAt.getTime() - now.getTime() };
}

/** Whistl statuses at which the parcel is picked or further along: it will make the collection. */
export const PICKED_OR_LATER_STATUS_IDS: readonly number[] = [
  ORDER_STATUS.PICKED,
  ORDER_STATUS.PACKED,
  ORDER_STATUS.DESPATCHED,
  ORDER_STATUS.INVOICED,
  ORDER_STATUS.INVOICEFAILED,
];

/** A Whistl order that is picked, despatched or cancelled is no longer waiting on anyone. */
const SETTLED_STATUS_IDS: readonly number[] = [...PICKED_OR_LATER_STATUS_IDS, ORDER_STATUS.CANCELLED];

export type AtRiskReason = 'EXCEPTION' | 'NOT_EXPORTED' | 'NOT_PICKED';

export interface AtRiskOrder {
  orderSyncId: string;
  bcOrderId: number;
  state: OrderSyncState;
  reason: AtRiskReason;
  /** One plain sentence for the dashboard and alerts. */
  detail: string;
  /** Open exception types on the order (empty unless reason is EXCEPTION). */
  exceptionTypes: ExceptionType[];
  /** Whistl status ids of the order's not-yet-picked Whistl orders (NOT_PICKED / EXCEPTION after export). */
  whistlStatusIds: Array<number | null>;
  customerName: string | null;
  /** When BigCommerce created the order (or when we first saw it). */
  since: Date;
}

const ACTIVE_STATES: OrderSyncState[] = ['PENDING', 'EXPORTING', 'HELD', 'FAILED'];

/**
 * Orders that will miss the store's next collection unless someone acts, oldest first:
 * - in exception: held or failed, or exported with an open exception and not picked yet;
 * - not yet exported: waiting or being sent to Whistl;
 * - exported but not picked: a Whistl order at a status before PICKED (17) / DESPATCHED, or
 *   whose status we have not read yet.
 * Excludes orders being cancelled, cancelled, ignored or skipped, and parcels already despatched
 * (a shipment write-back exists for that Whistl order). Empty when the store has no cutoff set.
 */
export async function listAtRiskOrders(db: DbClient, storeId: string, now: Date): Promise<AtRiskOrder[]> {
  const settings = await db.storeSettings.findUnique({ where: { storeId }, select: { cutoffTime: true, timeZone: true } });
  if (!settings || !nextCutoff(settings, now)) return [];

  const rows = await db.orderSync.findMany({
    where: {
      storeId,
      cancelRequested: false,
      OR: [
        { state: { in: ACTIVE_STATES } },
        {
          state: 'EXPORTED',
          links: { some: { OR: [{ whistlStatusId: null }, { whistlStatusId: { notIn: [...SETTLED_STATUS_IDS] } }] } },
        },
      ],
    },
    select: {
      id: true,
      bcOrderId: true,
      state: true,
      customerName: true,
      bcDateCreated: true,
      createdAt: true,
      links: { select: { whistlOrderId: true, orderAddressId: true, whistlStatusId: true } },
      shipments: { select: { whistlOrderId: true, orderAddressId: true } },
      exceptions: { where: { status: 'OPEN' }, select: { type: true, message: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
    },
  });

  const result: AtRiskOrder[] = [];
  for (const row of rows) {
    const exceptionTypes = [...new Set(row.exceptions.map((e) => e.type))];
    const despatchedIds = new Set(row.shipments.map((s) => s.whistlOrderId));
    const waitingLinks =
      row.state === 'EXPORTED'
        ? row.links.filter(
            (link) =>
              !(link.whistlStatusId !== null && SETTLED_STATUS_IDS.includes(link.whistlStatusId)) &&
              !(link.whistlOrderId !== null && despatchedIds.has(link.whistlOrderId)),
          )
        : [];
    if (row.state === 'EXPORTED' && waitingLinks.length === 0) continue;

    const since = row.bcDateCreated ?? row.createdAt;
    const base = {
      orderSyncId: row.id,
      bcOrderId: row.bcOrderId,
      state: row.state,
      customerName: row.customerName,
      since,
      whistlStatusIds: waitingLinks.map((l) => l.whistlStatusId),
    };
    const firstException = row.exceptions[0];
    if (row.state === 'HELD' || row.state === 'FAILED' || firstException) {
      result.push({
        ...base,
        reason: 'EXCEPTION',
        exceptionTypes,
        detail: firstException
          ? `${row.state === 'FAILED' ? 'Failed' : row.state === 'EXPORTED' ? 'At Whistl with an exception' : 'Held'}: ${firstException.message}`
          : row.state === 'FAILED'
            ? 'Export failed after retries'
            : 'Held',
      });
    } else if (row.state === 'PENDING' || row.state === 'EXPORTING') {
      result.push({ ...base, reason: 'NOT_EXPORTED', exceptionTypes: [], detail: row.state === 'EXPORTING' ? 'Being sent to Whistl' : 'Waiting to be sent to Whistl' });
    } else {
      const names = waitingLinks.map((l) => (l.whistlStatusId === null ? 'status not read yet' : (statusName(l.whistlStatusId) ?? `status ${l.whistlStatusId}`)));
      result.push({ ...base, reason: 'NOT_PICKED', exceptionTypes: [], detail: `At Whistl, not picked yet (${[...new Set(names)].join(', ')})` });
    }
  }
  return result.sort((a, b) => a.since.getTime() - b.since.getTime() || a.bcOrderId - b.bcOrderId);
}
