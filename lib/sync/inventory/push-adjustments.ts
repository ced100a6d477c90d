import type { BigCommerceClient } from '../../bigcommerce/api';
import { BigCommerceValidationError } from '../../bigcommerce/api/errors';
import type { InventoryAdjustmentItem } from '../../bigcommerce/api/types';
import type { PlannedPush } from './plan-pushes';
import { ADJUSTMENT_REASON } from './policy';

export interface PushOutcome {
  pushed: PlannedPush[];
  failed: Array<{ push: PlannedPush; error: string }>;
  /** Adjustment requests sent (retries of a rejected batch included). */
  requests: number;
  /** Set when a non-validation failure stopped the pushing; later batches were not sent. */
  stoppedBy: string | null;
}

/** How often a rejected batch is sent again without the items BigCommerce named. */
const MAX_BATCH_ATTEMPTS = 4;

function identityKey(item: InventoryAdjustmentItem): string {
  if (item.variantId !== undefined) return `variant_id ${item.variantId}`;
  if (item.productId !== undefined) return `product_id ${item.productId}`;
  return `sku ${item.sku ?? ''}`;
}

/**
 * The items of a rejected batch a 422 names, with BigCommerce's words for each. BigCommerce
 * answers problem+json either with field errors keyed `items.<index>[.field]` or with a title
 * listing `Item with <identifier> <value> ...` sentences; both are read.
 */
export function failingItems(error: BigCommerceValidationError, batch: readonly PlannedPush[]): Map<number, string> {
  const failing = new Map<number, string>();
  for (const [field, message] of Object.entries(error.details.errors)) {
    const match = /^items\.(\d+)(?:\.|$)/.exec(field);
    if (match?.[1] !== undefined && Number(match[1]) < batch.length) failing.set(Number(match[1]), `${field}: ${message}`);
  }
  const title = error.details.title ?? '';
  if (title.includes('Item with')) {
    const byIdentity = new Map<string, number>();
    batch.forEach((push, index) => byIdentity.set(identityKey(push.item), index));
    for (const sentence of title.replace(/^\[|\]$/g, '').split(/,\s*(?=Item with )/)) {
      const match = /^Item with (variant_id|product_id|sku) (\S+)/.exec(sentence.trim());
      if (!match) continue;
      const index = byIdentity.get(`${match[1]} ${match[2]}`);
      if (index !== undefined) failing.set(index, sentence.trim());
    }
  }
  return failing;
}

/**
 * Sends the planned absolute adjustments batch by batch (each <= 2000 items, one request) at
 * low priority, so the store's rate limiter keeps room for customer-facing calls. A 422 is read
 * per item: the named items fail, and the batch goes again without them (BigCommerce, and the
 * simulator, reject the whole request when any item is invalid). Absolute adjustments are
 * idempotent, so a resend never double-applies.
 */
export async function pushAdjustments(
  inventory: Pick<BigCommerceClient['inventory'], 'setAbsolute'>,
  batches: readonly PlannedPush[][],
  options: { reason?: string } = {},
): Promise<PushOutcome> {
  const outcome: PushOutcome = { pushed: [], failed: [], requests: 0, stoppedBy: null };
  for (const [batchIndex, original] of batches.entries()) {
    if (outcome.stoppedBy !== null) {
      for (const push of original) outcome.failed.push({ push, error: `Not sent: ${outcome.stoppedBy}` });
      continue;
    }
    let batch = [...original];
    for (let attempt = 1; batch.length > 0; attempt += 1) {
      outcome.requests += 1;
      try {
        await inventory.setAbsolute({ reason: options.reason ?? ADJUSTMENT_REASON, items: batch.map((push) => push.item) }, { priority: 'low' });
        outcome.pushed.push(...batch);
        batch = [];
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!(error instanceof BigCommerceValidationError)) {
          outcome.stoppedBy = `BigCommerce failed during batch ${batchIndex + 1}: ${message}`;
          for (const push of batch) outcome.failed.push({ push, error: outcome.stoppedBy });
          batch = [];
          break;
        }
        const failing = failingItems(error, batch);
        if (failing.size === 0 || attempt >= MAX_BATCH_ATTEMPTS) {
          // Nothing to single out (or it keeps rejecting): every item of the batch fails with the answer.
          for (const [index, push] of batch.entries()) outcome.failed.push({ push, error: failing.get(index) ?? message });
          batch = [];
          break;
        }
        for (const [index, reason] of failing) {
          const push = batch[index];
          if (push) outcome.failed.push({ push, error: `BigCommerce rejected the adjustment: ${reason}` });
        }
        batch = batch.filter((_, index) => !failing.has(index));
      }
    }
  }
  return outcome;
}
