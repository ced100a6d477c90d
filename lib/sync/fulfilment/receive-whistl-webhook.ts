import { z } from 'zod';
import type { DbClient } from '../../db/types';
import { jsonNestingDepth, MAX_JSON_DEPTH } from '../../web/http';
import type { ExportDeps } from '../export/deps';
import { storeForWhistlWebhook } from './connect-action-urls';
import { recordWhistlOrder, type RecordOutcome } from './record-whistl-order';

/** Only the id is taken from the body: Whistl's deliveries are unsigned, so the order is re-read. */
const hintSchema = z.looseObject({ ID: z.coerce.number().int().positive() });

export type WhistlWebhookResult =
  | { status: RecordOutcome; whistlOrderId: number }
  /** The re-read failed: nothing recorded; the despatch poll picks it up. */
  | { status: 'deferred'; whistlOrderId: number; reason: string }
  | { status: 'rejected'; httpStatus: 400 | 401; reason: string };

/**
 * A ConnectAction delivery (despatched or cancelled). The secret in the URL is checked first, in
 * constant time, and nothing is written when it is wrong. The body only names the order: its
 * status, tracking and parts come from `GET /api/Order/{id}`, and only records of this store's
 * own exports are acted on.
 */
export async function receiveWhistlWebhook(
  db: DbClient,
  deps: Pick<ExportDeps, 'whistl'>,
  input: { storeHash: string; secret: string; rawBody: string },
): Promise<WhistlWebhookResult> {
  const store = await storeForWhistlWebhook(db, input.storeHash, input.secret);
  if (!store) return { status: 'rejected', httpStatus: 401, reason: 'Unknown store or wrong webhook secret' };

  if (jsonNestingDepth(input.rawBody) > MAX_JSON_DEPTH) return { status: 'rejected', httpStatus: 400, reason: 'The body is nested too deeply' };
  let hint: z.infer<typeof hintSchema>;
  try {
    hint = hintSchema.parse(JSON.parse(input.rawBody));
  } catch {
    return { status: 'rejected', httpStatus: 400, reason: 'The body is not a Whistl order (no ID)' };
  }

  let order;
  try {
    const { client } = await deps.whistl(store.id);
    order = await client.getOrder(hint.ID);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'deferred', whistlOrderId: hint.ID, reason };
  }
  if (!order) return { status: 'not-ours', whistlOrderId: hint.ID };
  return { status: await recordWhistlOrder(db, store.id, order, 'webhook'), whistlOrderId: order.id };
}
