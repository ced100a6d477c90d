import type { PrismaClient } from '../../generated/prisma/client';
import { requeueByReason } from '../queue';
import { PanelNotFoundError } from './errors';
import { recordAudit } from './record-audit';

export interface SaveMappingInput {
  /** A Whistl courier service name, or null to unmap (orders on it will be held again). */
  courierService: string | null;
  actorEmail: string;
}

export interface SaveMappingResult {
  mapping: { id: string; methodKey: string; methodLabel: string; courierService: string | null };
  /** Held orders sent back to the export queue because this method is now mapped. */
  requeued: number;
}

/**
 * Maps (or unmaps) one shipping method. Audited; the orders held on this method are re-queued in
 * the same transaction, so they leave without anyone pressing retry.
 */
export async function saveShippingMapping(db: PrismaClient, storeId: string, mappingId: string, input: SaveMappingInput): Promise<SaveMappingResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.shippingMapping.findFirst({ where: { id: mappingId, storeId } });
    if (!before) throw new PanelNotFoundError('No such shipping method in this store');
    const after = await tx.shippingMapping.update({
      where: { id: before.id },
      data: { courierService: input.courierService, updatedByEmail: input.actorEmail },
    });
    await recordAudit(tx, storeId, {
      actorEmail: input.actorEmail,
      action: 'shipping-mapping.save',
      entity: 'ShippingMapping',
      entityId: before.id,
      before: { methodKey: before.methodKey, courierService: before.courierService },
      after: { methodKey: after.methodKey, courierService: after.courierService },
    });
    const requeued =
      after.courierService !== null
        ? await requeueByReason(tx, storeId, { key: `shipping:${after.methodKey}` }, `Shipping method "${after.methodLabel}" mapped to ${after.courierService} by ${input.actorEmail}`)
        : 0;
    return {
      mapping: { id: after.id, methodKey: after.methodKey, methodLabel: after.methodLabel, courierService: after.courierService },
      requeued,
    };
  });
}
