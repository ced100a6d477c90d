import type { DbClient } from '../../db/types';
import { previewSku, type SkuPreview } from '../rules';
import { loadSkuRules, toSkuRules, type SkuRulesInput } from './get-sku-rules';

/** One SKU through the given (unsaved) rules, or the store's saved rules when none are given. */
export async function previewSkuForStore(db: DbClient, storeId: string, sku: string, rules?: SkuRulesInput): Promise<SkuPreview> {
  return previewSku(sku, rules ? toSkuRules(rules) : await loadSkuRules(db, storeId));
}
