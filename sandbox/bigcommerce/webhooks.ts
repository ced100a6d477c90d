/**
 * Webhook delivery: thin payloads POSTed to every active hook whose scope matches, with the
 * hook's custom headers and Standard Webhooks headers signed with base64(client secret).
 * Delivery never blocks the request that caused the event. Faults: dropped and duplicated
 * deliveries (duplicates carry the same `hash` and a fresh `webhook-id`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { schedule, type SandboxCore } from './core';
import type { Hook, StoreState, WebhookDelivery } from './model';

export const ORDER_SCOPES = [
  'store/order/created',
  'store/order/updated',
  'store/order/statusUpdated',
  'store/order/archived',
] as const;

/** Scopes the simulator accepts when creating hooks (it only emits the order and shipment ones). */
export const KNOWN_SCOPES: readonly string[] = [
  ...ORDER_SCOPES,
  'store/order/*',
  'store/order/message/created',
  'store/order/refund/created',
  'store/shipment/created',
  'store/shipment/updated',
  'store/shipment/deleted',
  'store/shipment/*',
  'store/product/inventory/updated',
  'store/product/inventory/order/updated',
  'store/sku/inventory/updated',
  'store/sku/inventory/order/updated',
  'store/app/uninstalled',
];

const MAX_DELIVERY_LOG = 1000;

export interface EventData {
  type: string;
  id: number;
  [key: string]: unknown;
}

export function scopeMatches(hookScope: string, eventScope: string): boolean {
  if (hookScope === eventScope) return true;
  if (hookScope.endsWith('/*')) return eventScope.startsWith(hookScope.slice(0, -1));
  return false;
}

function record(store: StoreState, delivery: WebhookDelivery): void {
  store.deliveries.push(delivery);
  if (store.deliveries.length > MAX_DELIVERY_LOG) store.deliveries.splice(0, store.deliveries.length - MAX_DELIVERY_LOG);
}

async function post(
  core: SandboxCore,
  store: StoreState,
  hook: Hook,
  payload: Record<string, unknown>,
  duplicate: boolean,
  attempt = 0,
  retryOf?: string,
): Promise<void> {
  if (!hook.isActive || !store.hooks.has(hook.id)) return;
  const body = JSON.stringify(payload);
  // Retries keep their webhook-id (Standard Webhooks); a duplicate is a new message with the same hash.
  const webhookId = retryOf ?? `msg_${randomUUID()}`;
  const timestamp = new Date(core.now());
  const signer = new Webhook(Buffer.from(core.clientSecret, 'utf8').toString('base64'));
  const delivery: WebhookDelivery = {
    webhookId,
    hookId: hook.id,
    scope: String(payload.scope),
    destination: hook.destination,
    hash: String(payload.hash),
    payload,
    duplicate,
    attempt,
    dropped: false,
    status: null,
    error: null,
    at: core.now(),
  };
  record(store, delivery);
  if (core.random() < store.faults.dropWebhookRate) {
    delivery.dropped = true;
    return;
  }
  const headers: Record<string, string> = {
    ...(hook.headers ?? {}),
    'content-type': 'application/json',
    'user-agent': 'BigCommerce-Sandbox-Webhooks',
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': signer.sign(webhookId, timestamp, body),
  };
  try {
    const response = await fetch(hook.destination, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(core.webhookTimeoutMs),
    });
    delivery.status = response.status;
    await response.arrayBuffer().catch(() => undefined);
  } catch (error) {
    delivery.error = error instanceof Error ? error.message : String(error);
  }
  if (delivery.status !== null && delivery.status >= 200 && delivery.status < 300) return;
  const delay = core.webhookRetryDelaysMs[attempt];
  if (delay === undefined) {
    // Retries exhausted: the platform deactivates the hook.
    hook.isActive = false;
    return;
  }
  schedule(core, delay, () => post(core, store, hook, payload, duplicate, attempt + 1, webhookId), false);
}

/** Emits one event to every matching active hook of the store (asynchronously). */
export function emitEvent(core: SandboxCore, store: StoreState, scope: string, data: EventData): void {
  const hooks = [...store.hooks.values()].filter((hook) => hook.isActive && scopeMatches(hook.scope, scope));
  if (hooks.length === 0) return;
  const createdAt = Math.floor(core.now() / 1000);
  for (const hook of hooks) {
    const hash = createHash('sha1')
      .update(`${store.hash}:${hook.id}:${scope}:${JSON.stringify(data)}:${createdAt}:${randomUUID()}`)
      .digest('hex');
    const payload: Record<string, unknown> = {
      scope,
      store_id: store.storeId,
      data,
      hash,
      created_at: createdAt,
      producer: `stores/${store.hash}`,
    };
    schedule(core, 0, () => post(core, store, hook, payload, false));
    if (core.random() < store.faults.duplicateWebhookRate) {
      schedule(core, 5 + Math.floor(core.random() * 50), () => post(core, store, hook, payload, true));
    }
  }
}

export function emitOrderEvent(
  core: SandboxCore,
  store: StoreState,
  scope: (typeof ORDER_SCOPES)[number],
  orderId: number,
  status?: { previous: number; next: number },
): void {
  const data: EventData = { type: 'order', id: orderId };
  if (status) data.status = { previous_status_id: status.previous, new_status_id: status.next };
  emitEvent(core, store, scope, data);
}
