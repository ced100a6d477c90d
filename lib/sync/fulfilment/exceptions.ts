import type { DbClient } from '../../db/types';
import type { Prisma } from '../../generated/prisma/client';
import { ownerFor } from '../rules';
import type { ExceptionType } from '../types';

/**
 * Fulfilment exceptions are raised and resolved one reason at a time (unlike the export's
 * "make the set match"), because different detectors own different reasons of the same type.
 */
export async function raiseOrderException(
  db: DbClient,
  input: { storeId: string; orderSyncId: string; type: ExceptionType; reasonKey: string; message: string; detail?: Prisma.InputJsonValue },
): Promise<void> {
  const settings = await db.storeSettings.findUnique({ where: { storeId: input.storeId }, select: { exceptionOwners: true } });
  const data = { type: input.type, ownerTeam: ownerFor(input.type, settings?.exceptionOwners ?? {}), message: input.message, detail: input.detail ?? {} };
  await db.syncException.upsert({
    where: { orderSyncId_reasonKey: { orderSyncId: input.orderSyncId, reasonKey: input.reasonKey } },
    create: { storeId: input.storeId, orderSyncId: input.orderSyncId, reasonKey: input.reasonKey, ...data },
    update: data,
  });
  // A resolved one that recurs reopens; an ignored one stays ignored.
  await db.syncException.updateMany({
    where: { orderSyncId: input.orderSyncId, reasonKey: input.reasonKey, status: 'RESOLVED' },
    data: { status: 'OPEN', resolvedAt: null, resolvedBy: null },
  });
}

export async function resolveOrderExceptions(db: DbClient, orderSyncId: string, reasonKeys: string[], now: Date, why: string): Promise<number> {
  if (reasonKeys.length === 0) return 0;
  const { count } = await db.syncException.updateMany({
    where: { orderSyncId, reasonKey: { in: reasonKeys }, status: 'OPEN' },
    data: { status: 'RESOLVED', resolvedAt: now, resolvedBy: `connector: ${why}` },
  });
  return count;
}

/** Reason keys, stable per order (or per Whistl order record), so re-detection updates in place. */
export const REASON = {
  stuck: (whistlOrderId: number) => `whistl-stuck:${whistlOrderId}`,
  cancelledButDespatched: 'drift:bc-cancelled-whistl-despatched',
  shippedNotDespatched: 'drift:bc-shipped-whistl-not-despatched',
  quantity: (whistlOrderId: number) => `drift:quantity:${whistlOrderId}`,
  writeBackFailed: (whistlOrderId: number) => `writeback:${whistlOrderId}`,
} as const;
