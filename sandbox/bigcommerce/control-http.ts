/** HTTP face of the control API under `/_sandbox/...` (JSON in, JSON out, 400 on bad input). */
import { ControlError, ControlInputError, type SandboxControl } from './control';
import { isRecord, json, type SandboxResponse } from './http';
import { Router } from './router';

interface ControlContext {
  control: SandboxControl;
  body: unknown;
}

function orderId(raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw)) throw new ControlInputError('order id must be a positive integer');
  return Number(raw);
}

function body(ctx: ControlContext): Record<string, unknown> {
  if (ctx.body === undefined) return {};
  if (!isRecord(ctx.body)) throw new ControlInputError('the request body must be a JSON object');
  return ctx.body;
}

const router = new Router<ControlContext>()
  .add('GET', '/_sandbox/stores', ({ control }) => json(200, { stores: control.listStores() }))
  .add('POST', '/_sandbox/stores', (ctx) => json(201, ctx.control.seedStore(body(ctx))))
  .add('GET', '/_sandbox/stores/{hash}', ({ control }, { hash = '' }) => json(200, control.getStore(hash)))
  .add('GET', '/_sandbox/stores/{hash}/catalog', ({ control }, { hash = '' }) => json(200, control.catalog(hash)))
  .add('POST', '/_sandbox/stores/{hash}/install-codes', (ctx, { hash = '' }) => json(201, ctx.control.issueInstallCode(hash, body(ctx))))
  .add('POST', '/_sandbox/stores/{hash}/signed-payloads', (ctx, { hash = '' }) => {
    const input = body(ctx);
    return json(201, ctx.control.signPayload(hash, input as unknown as Parameters<SandboxControl['signPayload']>[1]));
  })
  .add('POST', '/_sandbox/stores/{hash}/orders', (ctx, { hash = '' }) => {
    const input = body(ctx);
    return json(201, ctx.control.placeOrder(hash, input as unknown as Parameters<SandboxControl['placeOrder']>[1]));
  })
  .add('GET', '/_sandbox/stores/{hash}/orders/{id}', ({ control }, { hash = '', id }) => json(200, control.getOrder(hash, orderId(id))))
  .add('PUT', '/_sandbox/stores/{hash}/orders/{id}/status', (ctx, { hash = '', id }) => {
    const statusId = body(ctx).statusId;
    if (typeof statusId !== 'number') throw new ControlInputError('statusId: expected an integer from 0 to 14');
    return json(200, ctx.control.setOrderStatus(hash, orderId(id), statusId));
  })
  .add('DELETE', '/_sandbox/stores/{hash}/orders/{id}', ({ control }, { hash = '', id }) => json(200, control.archiveOrder(hash, orderId(id))))
  .add('GET', '/_sandbox/stores/{hash}/orders/{id}/shipments', ({ control }, { hash = '', id }) => json(200, control.shipments(hash, orderId(id))))
  .add('GET', '/_sandbox/stores/{hash}/inventory', ({ control }, { hash = '' }) => json(200, control.inventory(hash)))
  .add('PUT', '/_sandbox/stores/{hash}/inventory', (ctx, { hash = '' }) => {
    const input = body(ctx);
    return json(200, ctx.control.setInventory(hash, input as unknown as Parameters<SandboxControl['setInventory']>[1]));
  })
  .add('GET', '/_sandbox/stores/{hash}/stats', ({ control }, { hash = '' }) => json(200, control.stats(hash)))
  .add('DELETE', '/_sandbox/stores/{hash}/stats', ({ control }, { hash = '' }) => json(200, control.resetStats(hash)))
  .add('GET', '/_sandbox/stores/{hash}/faults', ({ control }, { hash = '' }) => json(200, control.faults(hash)))
  .add('PUT', '/_sandbox/stores/{hash}/faults', (ctx, { hash = '' }) => json(200, ctx.control.setFaults(hash, body(ctx))))
  .add('DELETE', '/_sandbox/stores/{hash}/faults', ({ control }, { hash = '' }) => json(200, control.clearFaults(hash)))
  .add('PUT', '/_sandbox/stores/{hash}/quota', (ctx, { hash = '' }) => {
    const input = body(ctx);
    return json(200, ctx.control.setQuota(hash, input as unknown as Parameters<SandboxControl['setQuota']>[1]));
  })
  .add('GET', '/_sandbox/stores/{hash}/app-extensions', ({ control }, { hash = '' }) => json(200, control.appExtensions(hash)))
  .add('POST', '/_sandbox/stores/{hash}/app-extensions/open', (ctx, { hash = '' }) => {
    const input = body(ctx);
    return json(201, ctx.control.openAppExtension(hash, input as unknown as Parameters<SandboxControl['openAppExtension']>[1]));
  })
  .add('GET', '/_sandbox/stores/{hash}/webhook-deliveries', ({ control }, { hash = '' }) => json(200, control.webhookDeliveries(hash)))
  .add('POST', '/_sandbox/idle', async ({ control }) => {
    await control.idle();
    return json(200, { idle: true });
  });

export async function handleControl(control: SandboxControl, method: string, path: string, requestBody: unknown): Promise<SandboxResponse> {
  const match = router.match(method, path);
  if (match === undefined) return json(404, { error: `no control endpoint ${method} ${path}` });
  if (match === 'method') return json(405, { error: `method ${method} not allowed on ${path}` });
  try {
    return await match.route.handler({ control, body: requestBody }, match.params);
  } catch (error) {
    if (error instanceof ControlInputError) return json(400, { error: error.message });
    if (error instanceof ControlError) return json(error.status, { error: error.message });
    throw error;
  }
}
