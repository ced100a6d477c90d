import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { z } from 'zod';
import { decryptSecret, safeEqual } from '../../crypto';
import type { DbClient } from '../../db/types';
import { jsonNestingDepth, MAX_JSON_DEPTH } from '../../web/http';
import { enqueueOrder } from '../export/enqueue';

/**
 * BigCommerce order webhooks: verified twice (the Standard Webhooks signature, keyed with the
 * app's client secret, and the per-store secret header we registered), recorded once per
 * delivery hash, and turned into a queued order record. The work happens on the next run.
 */
export const WEBHOOK_SECRET_HEADER = 'x-whistl-connector-secret';
export const ORDER_SCOPES = ['store/order/created', 'store/order/statusUpdated', 'store/order/updated', 'store/order/archived'] as const;

const payloadSchema = z.object({
  scope: z.string(),
  store_id: z.union([z.string(), z.number()]).optional(),
  producer: z.string().regex(/^stores\/[a-z0-9]+$/i),
  hash: z.string().min(1).max(200),
  created_at: z.number().optional(),
  data: z.object({
    type: z.string(),
    id: z.number().int().positive(),
    status: z.object({ previous_status_id: z.number().int(), new_status_id: z.number().int() }).optional(),
  }),
});

export type WebhookResult =
  | { status: 'queued' | 'recorded' | 'duplicate' | 'ignored'; orderId?: number }
  | { status: 'rejected'; httpStatus: 400 | 401; reason: string };

export function webhookSecretContext(storeHash: string): string {
  return `webhook-secret:${storeHash}`;
}

export async function receiveBigCommerceWebhook(
  db: DbClient,
  input: { rawBody: string; headers: Record<string, string>; clientSecret: string },
): Promise<WebhookResult> {
  // Before anything parses it (the signature check does): deep nesting costs recursion everywhere, and the body is stored as jsonb.
  if (jsonNestingDepth(input.rawBody) > MAX_JSON_DEPTH) {
    return { status: 'rejected', httpStatus: 400, reason: `Webhook body is nested too deeply (at most ${MAX_JSON_DEPTH} levels)` };
  }
  try {
    new Webhook(Buffer.from(input.clientSecret, 'utf8').toString('base64')).verify(input.rawBody, input.headers);
  } catch (error) {
    const reason = error instanceof WebhookVerificationError ? error.message : 'signature check failed';
    return { status: 'rejected', httpStatus: 401, reason: `Webhook signature invalid: ${reason}` };
  }
  let payload: z.infer<typeof payloadSchema>;
  try {
    payload = payloadSchema.parse(JSON.parse(input.rawBody));
  } catch {
    return { status: 'rejected', httpStatus: 400, reason: 'Webhook body is not a BigCommerce order event' };
  }
  const storeHash = payload.producer.slice('stores/'.length);
  const store = await db.store.findUnique({ where: { hash: storeHash }, select: { id: true, status: true, webhookSecretEnc: true } });
  const sent = input.headers[WEBHOOK_SECRET_HEADER] ?? '';
  if (!store || store.status !== 'INSTALLED' || !store.webhookSecretEnc || !safeEqual(sent, decryptSecret(store.webhookSecretEnc, webhookSecretContext(storeHash)))) {
    return { status: 'rejected', httpStatus: 401, reason: 'Webhook is not for an installed store, or its secret header is wrong' };
  }

  const inserted = await db.$executeRawUnsafe(
    `INSERT INTO "WebhookEvent" (id, "storeId", "deliveryHash", scope, "resourceId", payload)
     VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4, $5::jsonb)
     ON CONFLICT ("storeId", "deliveryHash") DO NOTHING`,
    store.id,
    payload.hash,
    payload.scope,
    payload.data.id,
    input.rawBody,
  );
  if (inserted === 0) return { status: 'duplicate', orderId: payload.data.id };
  if (!(ORDER_SCOPES as readonly string[]).includes(payload.scope)) return { status: 'ignored' };

  const queued = await enqueueOrder(db, store.id, payload.data.id, {
    source: `webhook ${payload.scope}`,
    newStatusId: payload.data.status?.new_status_id,
    archived: payload.scope === 'store/order/archived',
  });
  return { status: queued ? 'queued' : 'recorded', orderId: payload.data.id };
}
