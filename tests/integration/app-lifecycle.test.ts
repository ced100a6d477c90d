import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as meGET } from '@/app/api/me/route';
import { GET as whistlGET, PUT as whistlPUT } from '@/app/api/settings/whistl/route';
import { decryptSecret } from '@/lib/crypto';
import { resetEnvCache } from '@/lib/env';
import { storeTokenContext } from '@/lib/stores/install-store';
import { setupTestDatabase } from '../setup/db';
import { callbacks, panelRequest, sessionFromRedirect } from '../support/app';
import { FakeLoginServer, grantFor } from '../support/fake-login';
import { signPayload } from '../support/signed-payload';

const { db } = setupTestDatabase();
const login = new FakeLoginServer();

beforeAll(async () => {
  process.env.BIGCOMMERCE_LOGIN_URL = await login.start();
  // Webhook registration after install talks to the API: the fake answers 404 there, fast.
  process.env.BIGCOMMERCE_API_URL = process.env.BIGCOMMERCE_LOGIN_URL;
  resetEnvCache();
});
afterAll(() => login.stop());
beforeEach(() => {
  login.reply = (request) => ({ status: 200, body: grantFor(request.context.slice('stores/'.length)) });
});

async function install(storeHash: string, user = { id: 100, email: 'owner@example.com' }, token = `token-${storeHash}`) {
  login.reply = () => ({ status: 200, body: grantFor(storeHash, user, token) });
  const response = await callbacks.auth({ code: `code-${storeHash}`, scope: 'store_v2_orders', context: `stores/${storeHash}` });
  expect(response.status).toBe(302);
  return sessionFromRedirect(response);
}

const counts = async () => ({
  stores: await db().store.count(),
  users: await db().user.count(),
  storeUsers: await db().storeUser.count(),
  sessions: await db().session.count(),
});

describe('GET /api/app/auth', () => {
  it('installs a new store: token exchanged, encrypted, owner made admin, panel opened', async () => {
    const response = await callbacks.auth({ code: 'abc', scope: 'store_v2_orders store_inventory', context: 'stores/newstore1' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/#session=[A-Za-z0-9_-]{40,}$/);

    const sent = login.requests.at(-1)!;
    expect(sent).toEqual({
      client_id: 'test-client-id',
      client_secret: 'test-client-secret-0123456789',
      redirect_uri: 'http://localhost:3000/api/app/auth',
      grant_type: 'authorization_code',
      code: 'abc',
      scope: 'store_v2_orders store_inventory',
      context: 'stores/newstore1',
    });

    const store = await db().store.findUniqueOrThrow({ where: { hash: 'newstore1' }, include: { users: true, settings: true } });
    expect(store.status).toBe('INSTALLED');
    expect(store.users).toHaveLength(1);
    expect(store.users[0]).toMatchObject({ role: 'ADMIN', isOwner: true });
    expect(store.settings?.exportStatusIds).toEqual([11]);
    expect(decryptSecret(store.accessTokenEnc!, storeTokenContext('newstore1'))).toBe('token-newstore1');

    // Nowhere in the row, as the database stores it, is the token readable.
    const raw = await db().$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "Store" WHERE hash = 'newstore1'`);
    expect(JSON.stringify(raw)).not.toContain('token-newstore1');

    const me = await panelRequest(meGET, sessionFromRedirect(response), '/api/me');
    expect(await me.json()).toMatchObject({ store: { hash: 'newstore1' }, role: 'ADMIN', isOwner: true });
  });

  it('re-install upserts: same store, new token, no duplicates', async () => {
    await install('reinstall1', undefined, 'first-token');
    const before = await counts();
    await install('reinstall1', undefined, 'second-token');
    const after = await counts();
    expect(after.stores).toBe(before.stores);
    expect(after.storeUsers).toBe(before.storeUsers);
    const store = await db().store.findUniqueOrThrow({ where: { hash: 'reinstall1' } });
    expect(decryptSecret(store.accessTokenEnc!, storeTokenContext('reinstall1'))).toBe('second-token');
  });

  it('a code BigCommerce rejects is a 400 with the reason, and nothing is written', async () => {
    const before = await counts();
    login.reply = () => ({ status: 400, body: { error: 'invalid_grant', error_description: 'The authorization code has expired' } });
    const response = await callbacks.auth({ code: 'old', scope: '', context: 'stores/rejected1' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/rejected the install code.*expired/);
    expect(await counts()).toEqual(before);
  });

  it('BigCommerce being down is a 502, and nothing is written', async () => {
    const before = await counts();
    login.reply = () => ({ status: 503, body: {} });
    expect((await callbacks.auth({ code: 'x', scope: '', context: 'stores/down1' })).status).toBe(502);
    login.reply = () => 'hang-up';
    const hungUp = await callbacks.auth({ code: 'x', scope: '', context: 'stores/down1' });
    expect(hungUp.status).toBe(502);
    expect(await hungUp.text()).toMatch(/Could not reach BigCommerce/);
    login.reply = () => ({ status: 200, body: { unexpected: true } });
    expect((await callbacks.auth({ code: 'x', scope: '', context: 'stores/down1' })).status).toBe(502);
    expect(await counts()).toEqual(before);
  });

  it('a token issued for another store is refused', async () => {
    const before = await counts();
    login.reply = () => ({ status: 200, body: grantFor('someoneelse') });
    expect((await callbacks.auth({ code: 'x', scope: '', context: 'stores/mine1' })).status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('malformed callbacks are 400 without calling BigCommerce', async () => {
    const sent = login.requests.length;
    expect((await callbacks.auth({ scope: '', context: 'stores/x1' })).status).toBe(400);
    expect((await callbacks.auth({ code: 'x', scope: '', context: 'nonsense' })).status).toBe(400);
    expect(login.requests.length).toBe(sent);
  });
});

describe('GET /api/app/load', () => {
  it('opens the panel at a safe deep link with a working session', async () => {
    await install('loadstore1');
    const response = await callbacks.load(signPayload({ storeHash: 'loadstore1', url: '/orders?search=42' }));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/orders\?search=42#session=/);
    const me = await panelRequest(meGET, sessionFromRedirect(response), '/api/me');
    expect(me.status).toBe(200);
  });

  it('never redirects off the app', async () => {
    await install('loadstore2');
    for (const url of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      const response = await callbacks.load(signPayload({ storeHash: 'loadstore2', url }));
      expect(response.headers.get('location')).toMatch(/^\/#session=/);
    }
  });

  it('bad tokens are 401 with a plain message and write nothing', async () => {
    await install('loadstore3');
    const before = await counts();
    for (const jwt of [
      signPayload({ storeHash: 'loadstore3', secret: 'wrong-secret' }),
      signPayload({ storeHash: 'loadstore3', expiresIn: -3600 }),
      signPayload({ storeHash: 'loadstore3', aud: 'other-app' }),
      'garbage',
    ]) {
      const response = await callbacks.load(jwt);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('text/plain');
      expect(await response.text()).toMatch(/^Invalid signed payload|^Missing/);
    }
    expect(await counts()).toEqual(before);
  });

  it('a store that never installed is a 403', async () => {
    const response = await callbacks.load(signPayload({ storeHash: 'neverinstalled' }));
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/not installed/);
  });

  it('a new store user gets the default (customer service) role and cannot change settings', async () => {
    await install('rolestore1');
    const response = await callbacks.load(signPayload({ storeHash: 'rolestore1', user: { id: 555, email: 'cx@example.com' } }));
    const token = sessionFromRedirect(response);
    expect(await (await panelRequest(meGET, token, '/api/me')).json()).toMatchObject({ role: 'CX', isOwner: false });
    expect((await panelRequest(whistlGET, token, '/api/settings/whistl')).status).toBe(403);
    const put = await panelRequest(whistlPUT, token, '/api/settings/whistl', {
      method: 'PUT',
      body: JSON.stringify({ baseUrl: 'https://api.mintsoft.co.uk', authMode: 'apiKey', apiKey: 'k' }),
    });
    expect(put.status).toBe(403);
    expect(await db().whistlConnection.count({ where: { store: { hash: 'rolestore1' } } })).toBe(0);
  });
});

describe('GET /api/app/uninstall', () => {
  it('removes the store data and sessions, twice without error', async () => {
    const token = await install('gone1');
    await panelRequest(whistlPUT, token, '/api/settings/whistl', {
      method: 'PUT',
      body: JSON.stringify({ baseUrl: 'https://api.mintsoft.co.uk', authMode: 'apiKey', apiKey: 'key-1' }),
    });
    const gone = await db().store.findUniqueOrThrow({ where: { hash: 'gone1' } });
    const order = await db().orderSync.create({ data: { storeId: gone.id, bcOrderId: 1 } });
    await db().orderSyncEvent.create({ data: { storeId: gone.id, orderSyncId: order.id, kind: 'RECEIVED', message: 'x' } });
    await db().inventorySku.create({ data: { storeId: gone.id, whistlSku: 'SKU1', lastPushed: 4 } });
    await db().shippingMapping.create({ data: { storeId: gone.id, methodKey: 'dpd', methodLabel: 'DPD', courierService: 'DPDNEXT' } });
    const jwt = signPayload({ storeHash: 'gone1' });
    const first = await callbacks.uninstall(jwt);
    expect(first.status).toBe(200);
    const second = await callbacks.uninstall(jwt);
    expect(second.status).toBe(200);
    expect(await second.text()).toMatch(/Already uninstalled/);

    const store = await db().store.findUniqueOrThrow({ where: { hash: 'gone1' } });
    expect(store).toMatchObject({ status: 'UNINSTALLED', accessTokenEnc: null });
    expect(await db().session.count({ where: { storeId: store.id } })).toBe(0);
    expect(await db().storeUser.count({ where: { storeId: store.id } })).toBe(0);
    expect(await db().whistlConnection.count({ where: { storeId: store.id } })).toBe(0);
    expect(await db().storeSettings.count({ where: { storeId: store.id } })).toBe(0);
    const where = { where: { storeId: store.id } };
    expect([await db().orderSync.count(where), await db().orderSyncEvent.count(where), await db().inventorySku.count(where), await db().shippingMapping.count(where)]).toEqual([0, 0, 0, 0]);

    expect((await panelRequest(meGET, token, '/api/me')).status).toBe(401);
    expect((await callbacks.load(signPayload({ storeHash: 'gone1' }))).status).toBe(403);

    // Coming back is a normal install.
    await install('gone1');
    expect((await db().store.findUniqueOrThrow({ where: { hash: 'gone1' } })).status).toBe('INSTALLED');
  });

  it('refuses an unsigned request', async () => {
    await install('keep1');
    expect((await callbacks.uninstall(signPayload({ storeHash: 'keep1', secret: 'forged' }))).status).toBe(401);
    expect((await db().store.findUniqueOrThrow({ where: { hash: 'keep1' } })).status).toBe('INSTALLED');
  });
});

describe('GET /api/app/remove-user', () => {
  it("removes that user's access and sessions, idempotently", async () => {
    await install('team1');
    const staff = { id: 777, email: 'staff@example.com' };
    const staffToken = sessionFromRedirect(await callbacks.load(signPayload({ storeHash: 'team1', user: staff })));
    const ownerToken = sessionFromRedirect(await callbacks.load(signPayload({ storeHash: 'team1' })));

    const jwt = signPayload({ storeHash: 'team1', user: staff });
    expect((await callbacks.removeUser(jwt)).status).toBe(200);
    expect((await callbacks.removeUser(jwt)).status).toBe(200);

    expect((await panelRequest(meGET, staffToken, '/api/me')).status).toBe(401);
    expect((await panelRequest(meGET, ownerToken, '/api/me')).status).toBe(200);
    expect(await db().user.findUnique({ where: { bcUserId: 777 } })).toBeNull();
  });
});

describe('tenancy', () => {
  it('a session of store A can neither read nor change store B', async () => {
    const tokenA = await install('tenanta');
    const tokenB = await install('tenantb', { id: 200, email: 'b@example.com' });
    const save = (token: string, apiKey: string, extra: object = {}) =>
      panelRequest(whistlPUT, token, '/api/settings/whistl', {
        method: 'PUT',
        body: JSON.stringify({ baseUrl: 'https://api.mintsoft.co.uk', authMode: 'apiKey', apiKey: `secret-${apiKey}`, warehouseId: `wh-${apiKey}`, ...extra }),
      });
    expect((await save(tokenA, 'a-key')).status).toBe(200);
    expect((await save(tokenB, 'b-key')).status).toBe(200);

    const storeB = await db().store.findUniqueOrThrow({ where: { hash: 'tenantb' } });
    // A client cannot name the store: unknown fields are refused outright.
    const smuggled = await save(tokenA, 'evil', { storeId: storeB.id });
    expect(smuggled.status).toBe(400);

    const viewA = await (await panelRequest(whistlGET, tokenA, '/api/settings/whistl')).json();
    const viewB = await (await panelRequest(whistlGET, tokenB, '/api/settings/whistl')).json();
    expect(viewA.connection.warehouseId).toBe('wh-a-key');
    expect(viewB.connection.warehouseId).toBe('wh-b-key');
    // Credentials never come back to the browser.
    expect(JSON.stringify(viewA)).not.toContain('secret-');
    expect(viewA.connection).not.toHaveProperty('apiKeyEnc');
    expect(viewA.connection.hasApiKey).toBe(true);
  });

  it('no token, a made-up token or an expired session is refused', async () => {
    expect((await panelRequest(meGET, null, '/api/me')).status).toBe(401);
    expect((await panelRequest(meGET, 'x'.repeat(43), '/api/me')).status).toBe(401);
    const token = await install('expiry1');
    await db().session.updateMany({ where: { store: { hash: 'expiry1' } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await panelRequest(meGET, token, '/api/me')).status).toBe(401);
  });
});
