/** V3 webhook wire formats. */
import { z } from 'zod';
import type { CreateWebhookInput, UpdateWebhookInput, Webhook } from '../types';

export const webhookSchema = z
  .object({
    id: z.number().int(),
    client_id: z.string(),
    store_hash: z.string(),
    scope: z.string(),
    destination: z.string(),
    is_active: z.boolean(),
    headers: z.record(z.string(), z.string()).nullish(),
    created_at: z.number(),
    updated_at: z.number(),
  })
  .transform(
    (hook): Webhook => ({
      id: hook.id,
      clientId: hook.client_id,
      storeHash: hook.store_hash,
      scope: hook.scope,
      destination: hook.destination,
      isActive: hook.is_active,
      headers: hook.headers ?? null,
      // Unix seconds on the wire.
      createdAt: new Date(hook.created_at * 1000),
      updatedAt: new Date(hook.updated_at * 1000),
    }),
  );

/** A single hook response: `{data: hook, meta}`. */
export const webhookResponseSchema = z.object({ data: webhookSchema }).transform((body) => body.data);

export interface WebhookBody {
  scope?: string;
  destination?: string;
  is_active?: boolean;
  headers?: Record<string, string> | null;
}

/** Outgoing body of `POST /v3/hooks` and `PUT /v3/hooks/{id}` (only the given fields). */
export function webhookBody(input: CreateWebhookInput | UpdateWebhookInput): WebhookBody {
  return {
    ...(input.scope === undefined ? {} : { scope: input.scope }),
    ...(input.destination === undefined ? {} : { destination: input.destination }),
    ...(input.isActive === undefined ? {} : { is_active: input.isActive }),
    ...(input.headers === undefined ? {} : { headers: input.headers }),
  };
}
