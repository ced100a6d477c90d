import type { PrismaClient } from '../../generated/prisma/client';
import type { ExceptionStatus, OrderSyncState } from '../../generated/prisma/enums';
import { PanelConflictError, PanelNotFoundError } from './errors';
import { recordAudit } from './record-audit';

export interface IgnoreInput {
  note: string;
  actorEmail: string;
}

export interface IgnoreResult {
  exception: { id: string; status: ExceptionStatus; note: string | null; resolvedBy: string | null };
  /** The order's state afterwards (IGNORED once none of its exceptions is open), if it has one. */
  orderState: OrderSyncState | null;
}

/** Orders that wait on their exceptions; an exported or cancelled order keeps its state. */
const WAITING_STATES: OrderSyncState[] = ['HELD', 'FAILED', 'PENDING', 'SKIPPED'];

/**
 * An operator decides an exception needs no fix: it is closed with their note. When it was the
 * order's last open exception, the order itself is set aside (IGNORED) and its timeline says why.
 */
export async function ignoreException(db: PrismaClient, storeId: string, exceptionId: string, input: IgnoreInput): Promise<IgnoreResult> {
  const note = input.note.trim();
  if (!note) throw new PanelConflictError('A note is required to ignore an exception');
  return db.$transaction(async (tx) => {
    const existing = await tx.syncException.findFirst({ where: { id: exceptionId, storeId } });
    if (!existing) throw new PanelNotFoundError('No such exception in this store');
    if (existing.status !== 'OPEN') throw new PanelConflictError(`This exception is already ${existing.status.toLowerCase()}`);
    const now = new Date();
    const updated = await tx.syncException.update({
      where: { id: existing.id },
      data: { status: 'IGNORED', note, resolvedAt: now, resolvedBy: input.actorEmail },
    });
    await recordAudit(tx, storeId, {
      actorEmail: input.actorEmail,
      action: 'exception.ignore',
      entity: 'SyncException',
      entityId: existing.id,
      before: { status: existing.status },
      after: { status: updated.status, note },
    });

    let orderState: OrderSyncState | null = null;
    if (existing.orderSyncId) {
      const order = await tx.orderSync.findFirst({ where: { id: existing.orderSyncId, storeId } });
      orderState = order?.state ?? null;
      const stillOpen = await tx.syncException.count({ where: { storeId, orderSyncId: existing.orderSyncId, status: 'OPEN' } });
      if (order && stillOpen === 0 && WAITING_STATES.includes(order.state)) {
        await tx.orderSync.update({ where: { id: order.id }, data: { state: 'IGNORED', leaseUntil: null } });
        await tx.orderSyncEvent.create({
          data: {
            storeId,
            orderSyncId: order.id,
            kind: 'IGNORED',
            message: `Not exported: ${input.actorEmail} ignored its last open exception (${existing.type}): ${note}`,
            detail: { exceptionId: existing.id, reasonKey: existing.reasonKey, previousState: order.state },
          },
        });
        orderState = 'IGNORED';
      }
    }
    return {
      exception: { id: updated.id, status: updated.status, note: updated.note, resolvedBy: updated.resolvedBy },
      orderState,
    };
  });
}
