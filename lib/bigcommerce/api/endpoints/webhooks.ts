/** V3 webhooks (`/v3/hooks`). */
import type { Transport } from '../http';
import { collect, iterateV3 } from '../paging';
import { parseResponse } from '../parse';
import type { CreateWebhookInput, UpdateWebhookInput, Webhook } from '../types';
import { webhookBody, webhookResponseSchema, webhookSchema } from '../wire/webhooks';
import type { CallOptions } from './call-options';

export function createWebhooksApi(transport: Transport) {
  return {
    /** The hooks this app registered on the store. */
    list(options: CallOptions = {}): Promise<Webhook[]> {
      return collect(iterateV3(transport, { path: '/v3/hooks', priority: options.priority }, webhookSchema));
    },

    async create(input: CreateWebhookInput, options: CallOptions = {}): Promise<Webhook> {
      const request = { method: 'POST' as const, path: '/v3/hooks', body: webhookBody({ isActive: true, ...input }), priority: options.priority };
      return parseResponse(webhookResponseSchema, await transport.send(request), request);
    },

    async update(webhookId: number, input: UpdateWebhookInput, options: CallOptions = {}): Promise<Webhook> {
      const request = { method: 'PUT' as const, path: `/v3/hooks/${webhookId}`, body: webhookBody(input), priority: options.priority };
      return parseResponse(webhookResponseSchema, await transport.send(request), request);
    },

    /** Deletes the hook and returns it as it was. */
    async delete(webhookId: number, options: CallOptions = {}): Promise<Webhook> {
      const request = { method: 'DELETE' as const, path: `/v3/hooks/${webhookId}`, priority: options.priority };
      return parseResponse(webhookResponseSchema, await transport.send(request), request);
    },
  };
}

export type WebhooksApi = ReturnType<typeof createWebhooksApi>;
