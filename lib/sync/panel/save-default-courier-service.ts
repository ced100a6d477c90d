import type { PrismaClient } from '../../generated/prisma/client';
import { requeueByReason } from '../queue';
import { recordAudit } from './record-audit';

export interface SaveDefaultResult {
  defaultCourierService: string | null;
  /** Orders held for an unmapped method, re-queued because a default now covers them. */
  requeued: number;
}

/**
 * The explicit default courier service, used for any unmapped method. Null restores strict
 * mode (unmapped methods hold their orders). Setting one re-queues every order held on an
 * unmapped method.
 */
export async function saveDefaultCourierService(
  db: PrismaClient,
  storeId: string,
  input: { courierService: string | null; actorEmail: string },
): Promise<SaveDefaultResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.storeSettings.upsert({ where: { storeId }, create: { storeId }, update: {} });
    const after = await tx.storeSettings.update({ where: { storeId }, data: { defaultCourierService: input.courierService } });
    await recordAudit(tx, storeId, {
      actorEmail: input.actorEmail,
      action: 'shipping-default.save',
      entity: 'StoreSettings',
      entityId: after.id,
      before: { defaultCourierService: before.defaultCourierService },
      after: { defaultCourierService: after.defaultCourierService },
    });
    const requeued =
      after.defaultCourierService !== null
        ? await requeueByReason(tx, storeId, { prefix: 'shipping:' }, `Default courier service set to ${after.defaultCourierService} by ${input.actorEmail}`)
        : 0;
    return { defaultCourierService: after.defaultCourierService, requeued };
  });
}
