import type { DbClient } from '../../db/types';
import type { SkuPolicy } from '../../generated/prisma/enums';
import type { SkuRules } from '../types';

export interface SkuRulesInput {
  policy: SkuPolicy;
  uppercase: boolean;
  stripChars: string;
  prefix: string;
  suffix: string;
  aliases: { bcSku: string; whistlSku: string }[];
}

export interface SkuRulesView extends SkuRulesInput {
  /** Orders held on an open SKU exception (INVALID_SKU or MISSING_SKU). */
  heldOrders: number;
  updatedAt: string | null;
}

export async function getSkuRules(db: DbClient, storeId: string): Promise<SkuRulesView> {
  const [settings, aliases, held] = await Promise.all([
    db.storeSettings.findUnique({ where: { storeId } }),
    db.skuAlias.findMany({ where: { storeId }, orderBy: { bcSku: 'asc' } }),
    db.syncException.findMany({
      where: { storeId, status: 'OPEN', type: { in: ['INVALID_SKU', 'MISSING_SKU'] }, orderSyncId: { not: null } },
      select: { orderSyncId: true },
      distinct: ['orderSyncId'],
    }),
  ]);
  return {
    policy: settings?.skuPolicy ?? 'ALPHANUMERIC',
    uppercase: settings?.skuUppercase ?? false,
    stripChars: settings?.skuStripChars ?? '',
    prefix: settings?.skuPrefix ?? '',
    suffix: settings?.skuSuffix ?? '',
    aliases: aliases.map((a) => ({ bcSku: a.bcSku, whistlSku: a.whistlSku })),
    heldOrders: held.length,
    updatedAt: settings?.updatedAt.toISOString() ?? null,
  };
}

/** The rules in the shape the pure SKU functions (lib/sync/rules) take. */
export function toSkuRules(input: SkuRulesInput): SkuRules {
  return {
    policy: input.policy,
    uppercase: input.uppercase,
    stripChars: input.stripChars,
    prefix: input.prefix,
    suffix: input.suffix,
    aliases: new Map(input.aliases.map((a) => [a.bcSku, a.whistlSku])),
  };
}

export async function loadSkuRules(db: DbClient, storeId: string): Promise<SkuRules> {
  return toSkuRules(await getSkuRules(db, storeId));
}
