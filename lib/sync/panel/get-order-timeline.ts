import type { DbClient } from '../../db/types';
import type { ExceptionStatus, ExceptionType, OrderSyncState, OwnerTeam } from '../../generated/prisma/enums';
import { statusName } from '../../whistl';
import { PanelNotFoundError } from './errors';

export interface OrderTimelineView {
  order: {
    id: string;
    bcOrderId: number;
    state: OrderSyncState;
    bcStatusId: number | null;
    customerName: string | null;
    customerEmail: string | null;
    orderTotal: string | null;
    bcDateCreated: string | null;
    attempts: number;
    nextAttemptAt: string;
    outcomeUnknown: boolean;
    cancelRequested: boolean;
    lastError: string | null;
    exportedAt: string | null;
    createdAt: string;
    updatedAt: string;
  };
  events: { id: string; kind: string; message: string; detail: unknown; createdAt: string }[];
  whistlOrders: {
    id: string;
    orderAddressId: number;
    orderNumber: string;
    externalRef: string;
    whistlOrderId: number | null;
    whistlStatusId: number | null;
    whistlStatus: string | null;
    updatedAt: string;
  }[];
  exceptions: {
    id: string;
    type: ExceptionType;
    status: ExceptionStatus;
    ownerTeam: OwnerTeam;
    reasonKey: string;
    message: string;
    detail: unknown;
    note: string | null;
    resolvedBy: string | null;
    resolvedAt: string | null;
    createdAt: string;
  }[];
}

/** One order's journey for CX: the timeline oldest first, its Whistl orders, every exception. */
export async function getOrderTimeline(db: DbClient, storeId: string, orderSyncId: string): Promise<OrderTimelineView> {
  const order = await db.orderSync.findFirst({
    where: { id: orderSyncId, storeId },
    include: {
      events: { orderBy: { createdAt: 'asc' }, take: 500 },
      links: { orderBy: { orderAddressId: 'asc' } },
      exceptions: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!order) throw new PanelNotFoundError('No such order in this store');
  return {
    order: {
      id: order.id,
      bcOrderId: order.bcOrderId,
      state: order.state,
      bcStatusId: order.bcStatusId,
      customerName: order.customerName,
      customerEmail: order.customerEmail,
      orderTotal: order.orderTotal,
      bcDateCreated: order.bcDateCreated?.toISOString() ?? null,
      attempts: order.attempts,
      nextAttemptAt: order.nextAttemptAt.toISOString(),
      outcomeUnknown: order.outcomeUnknown,
      cancelRequested: order.cancelRequested,
      lastError: order.lastError,
      exportedAt: order.exportedAt?.toISOString() ?? null,
      createdAt: order.createdAt.toISOString(),
      updatedAt: order.updatedAt.toISOString(),
    },
    events: order.events.map((e) => ({ id: e.id, kind: e.kind, message: e.message, detail: e.detail, createdAt: e.createdAt.toISOString() })),
    whistlOrders: order.links.map((link) => ({
      id: link.id,
      orderAddressId: link.orderAddressId,
      orderNumber: link.orderNumber,
      externalRef: link.externalRef,
      whistlOrderId: link.whistlOrderId,
      whistlStatusId: link.whistlStatusId,
      whistlStatus: link.whistlStatusId === null ? null : (statusName(link.whistlStatusId) ?? `status ${link.whistlStatusId}`),
      updatedAt: link.updatedAt.toISOString(),
    })),
    exceptions: order.exceptions.map((x) => ({
      id: x.id,
      type: x.type,
      status: x.status,
      ownerTeam: x.ownerTeam,
      reasonKey: x.reasonKey,
      message: x.message,
      detail: x.detail,
      note: x.note,
      resolvedBy: x.resolvedBy,
      resolvedAt: x.resolvedAt?.toISOString() ?? null,
      createdAt: x.createdAt.toISOString(),
    })),
  };
}
