import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWhistlClient } from '@/lib/whistl';
import { SandboxInputError, seedWhistlDemoAccount, startWhistlSandbox, type WhistlSandbox } from '@/sandbox/whistl';

describe('the HTTP control API under /_sandbox', () => {
  let sandbox: WhistlSandbox;
  beforeEach(async () => {
    sandbox = await startWhistlSandbox({ port: 0 });
  });
  afterEach(async () => {
    await sandbox.close();
  });

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }

  it('creates an account, seeds stock and drives an order through HTTP alone', async () => {
    const created = await call('POST', '/_sandbox/accounts', {
      users: [{ username: 'http-user', password: 'pw-123456' }],
      apiKeys: ['http-static-key-1'],
      products: [{ sku: 'CAP1', stock: 2 }],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ accountId: expect.any(String), apiKeys: ['http-static-key-1'], products: [{ sku: 'CAP1' }] });
    const accountId = (created.json as { accountId: string }).accountId;

    expect((await call('PUT', `/_sandbox/accounts/${accountId}/stock`, { levels: [{ sku: 'CAP1', onHand: 8 }] })).status).toBe(200);
    const client = createWhistlClient({ baseUrl: sandbox.url, username: 'http-user', password: 'pw-123456' });
    const outcome = await client.createOrder({
      orderNumber: 'H1',
      externalOrderReference: 'h:1',
      address1: '1 High St',
      town: 'Leeds',
      postCode: 'LS1 4AP',
      country: 'GB',
      courierService: 'EXP',
      warehouseId: 1,
      items: [{ sku: 'CAP1', quantity: 1 }],
    });
    expect(outcome.kind).toBe('created');
    const id = outcome.kind === 'created' ? outcome.orderId : 0;
    expect((await call('POST', `/_sandbox/orders/${id}/advance`, { statusId: 4 })).json).toMatchObject({ id, statusId: 4, status: 'DESPATCHED' });
    expect((await call('GET', `/_sandbox/orders/${id}`)).json).toMatchObject({ trackingNumber: expect.stringMatching(/^WT/) });
    expect((await call('GET', '/_sandbox/calls')).json).toMatchObject({ 'POST /api/Auth': 1, 'PUT /api/Order': 1 });
    expect((await call('DELETE', '/_sandbox/calls')).status).toBe(200);
    expect((await call('GET', '/_sandbox/calls')).json).toEqual({});
    expect((await call('POST', '/_sandbox/clock/advance', { ms: 1000 })).json).toMatchObject({ now: expect.any(Number), ukLocal: expect.any(String) });
    expect((await call('PUT', '/_sandbox/faults', { latencyMs: 5 })).json).toMatchObject({ latencyMs: 5 });
    expect((await call('DELETE', '/_sandbox/faults')).status).toBe(200);
    expect((await call('GET', '/_sandbox/faults')).json).toMatchObject({ latencyMs: 0, errorRate: 0 });
    expect((await call('PUT', '/_sandbox/auto-advance', { enabled: true, stepMs: 1000 })).json).toEqual({ enabled: true, stepMs: 1000 });
    expect((await call('GET', '/_sandbox/webhooks')).json).toEqual([]);
  });

  it.each([
    ['POST', '/_sandbox/accounts', '{not json', /not valid JSON/],
    ['POST', '/_sandbox/accounts', { products: [{ sku: 'A', stock: -1 }] }, /Invalid account: products\.0\.stock/],
    ['POST', '/_sandbox/accounts', { products: [{ sku: 'A' }, { sku: 'A' }] }, /Duplicate SKU 'A'/],
    ['POST', '/_sandbox/accounts', { bogus: true }, /Invalid account/],
    ['POST', '/_sandbox/accounts', { apiKeys: ['short'] }, /at least 8 characters/],
    ['POST', '/_sandbox/accounts', { products: [{ sku: 'A', stockByWarehouse: { '9': 1 } }] }, /no warehouse 9/],
    ['PUT', '/_sandbox/faults', { errorRate: 2 }, /Invalid faults: errorRate/],
    ['PUT', '/_sandbox/faults', { throttle: { retryAfterSeconds: 1 } }, /throttle needs count or durationMs/],
    ['PUT', '/_sandbox/faults', { failNext: { count: 1, route: 'Order' } }, /route is like/],
    ['PUT', '/_sandbox/faults', [1, 2], /Invalid faults/],
    ['PUT', '/_sandbox/auto-advance', { enabled: 'yes', stepMs: 10 }, /Invalid autoAdvance/],
    ['POST', '/_sandbox/clock/advance', { ms: -5 }, /Invalid clock advance/],
    ['POST', '/_sandbox/clock/advance', 'null', /must be a JSON object/],
  ])('%s %s with bad input is a 400 with a message (%#)', async (method, path, body, message) => {
    const result = await call(method, path, body);
    expect(result.status).toBe(400);
    expect((result.json as { message: string }).message).toMatch(message);
  });

  it('400s and 404s on account and order routes', async () => {
    const { accountId } = sandbox.createAccount({ products: [{ sku: 'A', stock: 1 }] });
    expect((await call('PUT', `/_sandbox/accounts/${accountId}/stock`, { levels: [{ sku: 'NOPE', onHand: 1 }] })).json).toEqual({
      message: `Unknown SKU 'NOPE' in account ${accountId}`,
    });
    expect((await call('PUT', `/_sandbox/accounts/${accountId}/stock`, { levels: [] })).status).toBe(400);
    expect((await call('PUT', '/_sandbox/accounts/acc_404/stock', { levels: [{ sku: 'A', onHand: 1 }] })).status).toBe(404);
    expect((await call('POST', `/_sandbox/accounts/${accountId}/advance`, { statusId: 99 })).status).toBe(400);
    expect((await call('POST', '/_sandbox/orders/424242/advance', { statusId: 2 })).status).toBe(404);
    expect((await call('POST', '/_sandbox/orders/424242/split', { parts: 1 })).status).toBe(400);
    expect((await call('GET', '/_sandbox/nothing')).status).toBe(404);
    expect((await call('PUT', '/_sandbox/calls')).status).toBe(405);
  });

  it('refuses impossible warehouse moves with a 400', async () => {
    const { accountId, apiKeys } = sandbox.createAccount({ products: [{ sku: 'A', stock: 5 }] });
    const client = createWhistlClient({ baseUrl: sandbox.url, apiKey: apiKeys[0] });
    const outcome = await client.createOrder({
      orderNumber: 'X1',
      externalOrderReference: 'x:1',
      address1: '1 High St',
      town: 'York',
      postCode: 'YO1 7HH',
      country: 'GB',
      courierService: 'RM24',
      warehouseId: 1,
      items: [{ sku: 'A', quantity: 1 }],
    });
    const id = outcome.kind === 'created' ? outcome.orderId : 0;
    sandbox.advanceOrder(id, 17);
    expect((await call('POST', `/_sandbox/orders/${id}/advance`, { statusId: 2 })).json).toEqual({ message: `Order ${id} cannot move back from PICKED` });
    expect((await call('POST', `/_sandbox/orders/${id}/split`, { parts: 2 })).json).toEqual({ message: `Order ${id} has 1 units: it cannot be split into 2 parts` });
    expect(
      (await call('POST', `/_sandbox/orders/${id}/split`, { parts: [{ items: [{ sku: 'A', quantity: 1 }] }, { items: [{ sku: 'A', quantity: 1 }] }] })).json,
    ).toEqual({ message: "Parts must add up to the order: SKU 'A' is off by -1" });
    sandbox.advanceOrder(id, 4);
    expect((await call('POST', `/_sandbox/orders/${id}/advance`, { statusId: 3 })).json).toEqual({ message: `Order ${id} is already despatched` });
    expect(accountId).toBeTruthy();
  });

  it('in-process methods throw SandboxInputError for the same bad input', () => {
    expect(() => sandbox.setFaults({ errorRate: -1 })).toThrow(SandboxInputError);
    expect(() => sandbox.advanceOrder(0, 2)).toThrow(/Invalid order id/);
    expect(() => sandbox.createAccount({ warehouses: [] })).toThrow(SandboxInputError);
  });

  it('the demo seed makes an account whose products match the given SKUs', async () => {
    const demo = seedWhistlDemoAccount(sandbox, {
      products: [
        { sku: 'SHOE42', stock: 12, name: 'Shoe' },
        { sku: 'HAT1', stock: 0 },
      ],
    });
    const client = createWhistlClient({ baseUrl: sandbox.url, username: demo.username, password: demo.password });
    expect((await client.listCourierServices()).map((s) => s.name)).toEqual(['RM24', 'RM48', 'EXP', 'DPDNEXT']);
    expect(await client.listWarehouses()).toHaveLength(1);
    expect((await client.getStockLevels()).map((r) => [r.sku, r.level])).toEqual([
      ['SHOE42', 12],
      ['HAT1', 0],
    ]);
    const staticClient = createWhistlClient({ baseUrl: sandbox.url, apiKey: demo.apiKey });
    expect(await staticClient.listWarehouses()).toEqual([{ id: 1, name: 'Whistl Fulfilment Doncaster', code: 'DON' }]);
  });
});
