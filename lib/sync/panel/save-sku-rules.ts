import type { PrismaClient } from '../../generated/prisma/client';
import { requeueByReason } from '../queue';
import { getSkuRules, type SkuRulesInput, type SkuRulesView } from './get-sku-rules';
import { PanelConflictError } from './errors';
import { recordAudit } from './record-audit';

export interface SaveSkuRulesResult {
  rules: SkuRulesView;
  /** Orders held on SKU exceptions, sent back to the export queue to be checked again. */
  requeued: number;
}

/**
 * Saves the store's SKU rules and its whole alias list (the list sent replaces the saved one).
 * Audited; orders held on INVALID_SKU / MISSING_SKU exceptions are re-queued in the same
 * transaction, and the export runner re-checks them under the new rules.
 */
export async function saveSkuRules(db: PrismaClient, storeId: string, input: SkuRulesInput & { actorEmail: string }): Promise<SaveSkuRulesResult> {
  const seen = new Set<string>();
  for (const alias of input.aliases) {
    if (seen.has(alias.bcSku)) throw new PanelConflictError(`The BigCommerce SKU "${alias.bcSku}" has two aliases; keep one`);
    seen.add(alias.bcSku);
  }
  return db.$transaction(async (tx) => {
    const before = await getSkuRules(tx, storeId);
    await tx.storeSettings.upsert({
      where: { storeId },
      create: { storeId, skuPolicy: input.policy, skuUppercase: input.uppercase, skuStripChars: input.stripChars, skuPrefix: input.prefix, skuSuffix: input.suffix },
      update: { skuPolicy: input.policy, skuUppercase: input.uppercase, skuStripChars: input.stripChars, skuPrefix: input.prefix, skuSuffix: input.suffix },
    });
    await tx.skuAlias.deleteMany({ where: { storeId, bcSku: { notIn: input.aliases.map((a) => a.bcSku) } } });
    for (const alias of input.aliases) {
      await tx.skuAlias.upsert({
        where: { storeId_bcSku: { storeId, bcSku: alias.bcSku } },
        create: { storeId, bcSku: alias.bcSku, whistlSku: alias.whistlSku },
        update: { whistlSku: alias.whistlSku },
      });
    }
    const after = await getSkuRules(tx, storeId);
    await recordAudit(tx, storeId, {
      actorEmail: input.actorEmail,
      action: 'sku-rules.save',
      entity: 'StoreSettings',
      entityId: storeId,
      before: withoutCounts(before),
      after: withoutCounts(after),
    });
    const requeued = await requeueByReason(tx, storeId, { prefix: 'sku' }, `SKU rules changed by ${input.actorEmail}`);
    return { rules: after, requeued };
  });
}

function withoutCounts(view: SkuRulesView): SkuRulesInput {
  return { policy: view.policy, uppercase: view.uppercase, stripChars: view.stripChars, prefix: view.prefix, suffix: view.suffix, aliases: view.aliases };
}
