import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWhistlClient, WhistlAuthError } from '@/lib/whistl';
import { orderInput, startHarness, type Harness } from './harness';

describe('authentication', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.sandbox.close();
  });

  it('POST /api/Auth returns the key as a bare JSON string', async () => {
    const response = await fetch(`${h.sandbox.url}/api/Auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Username: h.username, Password: h.password }),
    });
    expect(response.status).toBe(200);
    const key: unknown = await response.json();
    expect(typeof key).toBe('string');
    const warehouses = await fetch(`${h.sandbox.url}/api/Warehouse`, { headers: { 'ms-apikey': String(key) } });
    expect(warehouses.status).toBe(200);
  });

  it('the legacy GET /api/Auth and ?APIKey= are switched off', async () => {
    const legacyLogin = await fetch(`${h.sandbox.url}/api/Auth?username=${h.username}&password=x`);
    expect(legacyLogin.status).toBe(405);
    const queryKey = await fetch(`${h.sandbox.url}/api/Warehouse?APIKey=${h.account.apiKeys[0]}`);
    expect(queryKey.status).toBe(401);
    const noKey = await fetch(`${h.sandbox.url}/api/Warehouse`);
    expect(noKey.status).toBe(401);
  });

  it('a client with only username/password logs in once and reuses the key', async () => {
    const client = h.makeClient({ apiKey: undefined, username: h.username, password: h.password });
    const { warehouses } = await client.testConnection();
    expect(warehouses).toEqual([{ id: 1, name: 'Whistl Doncaster', code: 'DON' }]);
    await Promise.all([client.listCourierServices(), client.listWarehouses(), client.getStockLevels()]);
    expect(h.sandbox.callCounts()['POST /api/Auth']).toBe(1);
  });

  it('concurrent first calls share one login', async () => {
    const client = h.makeClient({ apiKey: undefined, username: h.username, password: h.password });
    await Promise.all(Array.from({ length: 6 }, () => client.listWarehouses()));
    expect(h.sandbox.callCounts()['POST /api/Auth']).toBe(1);
  });

  it('an issued key expires after 24 h of sandbox time; the client re-logs in once and carries on', async () => {
    const client = h.makeClient({ apiKey: undefined, username: h.username, password: h.password });
    await client.listWarehouses();
    h.sandbox.advanceClock(24 * 60 * 60 * 1000 - 1000);
    await client.listWarehouses();
    expect(h.sandbox.callCounts()['POST /api/Auth']).toBe(1);
    h.sandbox.advanceClock(2000);
    await client.listWarehouses();
    expect(h.sandbox.callCounts()['POST /api/Auth']).toBe(2);
    expect(h.sandbox.callCounts()['GET /api/Warehouse']).toBe(4);
  });

  it('static keys never expire', async () => {
    h.sandbox.advanceClock(30 * 24 * 60 * 60 * 1000);
    await expect(h.client.listWarehouses()).resolves.toHaveLength(1);
  });

  it('a wrong static key with a good password: re-login once, then the call succeeds', async () => {
    const client = h.makeClient({ apiKey: 'wrong-key-123', username: h.username, password: h.password });
    await expect(client.listWarehouses()).resolves.toHaveLength(1);
    expect(h.sandbox.callCounts()['POST /api/Auth']).toBe(1);
  });

  it('401 again after the re-login: fails with "Whistl credentials rejected", one login only, no loop', async () => {
    const client = h.makeClient({ apiKey: undefined, username: h.username, password: h.password });
    await client.listWarehouses();
    h.sandbox.resetCallCounts();
    h.sandbox.setFaults({ unauthorized: { count: 5 } });
    const error = await client.listWarehouses().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhistlAuthError);
    expect((error as Error).message).toMatch(/^Whistl credentials rejected/);
    expect(h.sandbox.callCounts()).toEqual({ 'GET /api/Warehouse': 2, 'POST /api/Auth': 1 });
  });

  it('a refused password: WhistlAuthError "Whistl credentials rejected"', async () => {
    const client = h.makeClient({ apiKey: undefined, username: h.username, password: 'wrong' });
    const error = await client.testConnection().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhistlAuthError);
    expect((error as WhistlAuthError).message).toMatch(/^Whistl credentials rejected: login/);
    expect((error as WhistlAuthError).status).toBe(401);
  });

  it('the password changed while the key was still cached: one re-login attempt, then the auth error', async () => {
    const client = h.makeClient({ apiKey: 'revoked-key-0000', username: h.username, password: h.password });
    h.sandbox.setUser(h.account.accountId, { username: h.username, password: 'rotated' });
    await expect(client.listWarehouses()).rejects.toThrow(/^Whistl credentials rejected/);
    expect(h.sandbox.callCounts()['POST /api/Auth']).toBe(1);
  });

  it('a bad static key without a password fails at once with the auth error (no login attempted)', async () => {
    const client = createWhistlClient({ baseUrl: h.sandbox.url, apiKey: 'not-a-real-key' });
    await expect(client.listWarehouses()).rejects.toThrow('Whistl credentials rejected: the API key was refused (401)');
    expect(h.sandbox.callCounts()['POST /api/Auth']).toBeUndefined();
  });

  it('a create refused with 401 is re-sent once after the re-login (401 means it was not processed)', async () => {
    const client = h.makeClient({ apiKey: 'stale-key-000000', username: h.username, password: h.password });
    const outcome = await client.createOrder(orderInput());
    expect(outcome.kind).toBe('created');
    expect(h.sandbox.callCounts()['PUT /api/Order']).toBe(2);
  });
});
