import jwt from 'jsonwebtoken';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '@/sandbox/bigcommerce';
import { APP_URL, CLIENT_ID, CLIENT_SECRET, asRecord, install, request } from './bigcommerce-harness';

let sandbox: BigCommerceSandbox;
let hash: string;

beforeEach(async () => {
  sandbox = await startBigCommerceSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl: APP_URL });
  hash = sandbox.control.seedStore({
    hash: 'oauthstore',
    owner: { id: 7, email: 'owner@shop.example.com' },
    users: [{ id: 8, email: 'staff@shop.example.com' }],
    productCount: 3,
  }).hash;
});

afterEach(async () => {
  await sandbox.close();
});

function tokenBody(code: { code: string; scope: string; context: string }, overrides: Record<string, unknown> = {}) {
  return {
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uri: `${APP_URL}/api/app/auth`,
    grant_type: 'authorization_code',
    code: code.code,
    scope: code.scope,
    context: code.context,
    ...overrides,
  };
}

describe('POST /oauth2/token', () => {
  it('exchanges an install code for the store token, user, owner, context and account uuid', async () => {
    const code = sandbox.control.issueInstallCode(hash, { userId: 8 });
    expect(code.callbackUrl).toMatch(new RegExp(`^${APP_URL}/api/app/auth\\?code=`));
    const response = await request(`${sandbox.url}/oauth2/token`, 'POST', tokenBody(code));
    expect(response.status).toBe(200);
    const body = asRecord(response.body);
    expect(body.access_token).toEqual(expect.any(String));
    expect(body.scope).toBe(code.scope);
    expect(body.context).toBe(`stores/${hash}`);
    expect(body.account_uuid).toEqual(expect.any(String));
    expect(asRecord(body.user)).toMatchObject({ id: 8, email: 'staff@shop.example.com' });
    expect(asRecord(body.owner)).toMatchObject({ id: 7, email: 'owner@shop.example.com' });
    expect(sandbox.control.accessToken(hash)).toBe(body.access_token);
  });

  it('accepts a form-encoded body too', async () => {
    const code = sandbox.control.issueInstallCode(hash);
    const form = new URLSearchParams(Object.entries(tokenBody(code)).map(([key, value]) => [key, String(value)]));
    const response = await fetch(`${sandbox.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(response.status).toBe(200);
  });

  it('rejects wrong client credentials with 401', async () => {
    const code = sandbox.control.issueInstallCode(hash);
    const response = await request(`${sandbox.url}/oauth2/token`, 'POST', tokenBody(code, { client_secret: 'nope' }));
    expect(response.status).toBe(401);
    expect(asRecord(response.body).error).toBe('invalid_client');
  });

  it('codes are single use', async () => {
    const code = sandbox.control.issueInstallCode(hash);
    expect((await request(`${sandbox.url}/oauth2/token`, 'POST', tokenBody(code))).status).toBe(200);
    const again = await request(`${sandbox.url}/oauth2/token`, 'POST', tokenBody(code));
    expect(again.status).toBe(400);
    expect(asRecord(again.body).error).toBe('invalid_grant');
  });

  it('rejects unknown codes, a wrong redirect_uri, a wrong context and a wrong grant type', async () => {
    const code = sandbox.control.issueInstallCode(hash);
    const url = `${sandbox.url}/oauth2/token`;
    expect((await request(url, 'POST', tokenBody(code, { code: 'made-up' }))).status).toBe(400);
    expect((await request(url, 'POST', tokenBody(code, { redirect_uri: 'https://evil.example.com/api/app/auth' }))).status).toBe(400);
    expect((await request(url, 'POST', tokenBody(code, { context: 'stores/other' }))).status).toBe(400);
    expect((await request(url, 'POST', tokenBody(code, { grant_type: 'client_credentials' }))).status).toBe(400);
    expect((await request(url, 'POST', 'not json', { 'content-type': 'application/json' })).status).toBe(400);
    // The code survived the failed attempts.
    expect((await request(url, 'POST', tokenBody(code))).status).toBe(200);
  });

  it('expires codes after a few minutes', async () => {
    let now = Date.UTC(2026, 10, 26, 12, 0, 0);
    const clocked = await startBigCommerceSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl: APP_URL, now: () => now });
    try {
      clocked.control.seedStore({ hash: 'clockstore' });
      const code = clocked.control.issueInstallCode('clockstore');
      now += 10 * 60 * 1000;
      expect((await request(`${clocked.url}/oauth2/token`, 'POST', tokenBody(code))).status).toBe(400);
    } finally {
      await clocked.close();
    }
  });

  it('keeps the token on re-install with the same scope and replaces it on a scope change', async () => {
    const first = await install(sandbox, hash);
    expect(await install(sandbox, hash)).toBe(first);
    const second = await install(sandbox, hash, 'store_v2_orders');
    expect(second).not.toBe(first);
    const old = await request(`${sandbox.storeUrl(hash)}/v2/order_statuses`, 'GET', undefined, { 'x-auth-token': first });
    expect(old.status).toBe(401);
  });
});

describe('REST authentication', () => {
  it('answers 401 without or with a wrong X-Auth-Token (V2 error array, V3 problem object)', async () => {
    const token = await install(sandbox, hash);
    const base = sandbox.storeUrl(hash);
    const missing = await request(`${base}/v2/orders`, 'GET');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual([expect.objectContaining({ status: 401 })]);
    const wrong = await request(`${base}/v3/catalog/products`, 'GET', undefined, { 'x-auth-token': `${token}x` });
    expect(wrong.status).toBe(401);
    expect(asRecord(wrong.body).status).toBe(401);
    expect(wrong.headers.get('x-rate-limit-requests-quota')).toBe('150');
    const ok = await request(`${base}/v3/catalog/products`, 'GET', undefined, { 'x-auth-token': token });
    expect(ok.status).toBe(200);
  });

  it('a token is only valid for the store it was issued for', async () => {
    const token = await install(sandbox, hash);
    sandbox.control.seedStore({ hash: 'otherstore' });
    await install(sandbox, 'otherstore');
    const response = await request(`${sandbox.storeUrl('otherstore')}/v2/order_statuses`, 'GET', undefined, { 'x-auth-token': token });
    expect(response.status).toBe(401);
  });

  it('answers 403 when the token lacks the scope (read-only scopes allow GET only)', async () => {
    const token = await install(sandbox, hash, 'store_v2_orders_read_only store_inventory_read_only');
    const base = sandbox.storeUrl(hash);
    const headers = { 'x-auth-token': token };
    expect((await request(`${base}/v2/orders`, 'GET', undefined, headers)).status).toBe(204);
    expect((await request(`${base}/v2/orders/100`, 'PUT', { status_id: 2 }, headers)).status).toBe(403);
    expect((await request(`${base}/v3/catalog/products`, 'GET', undefined, headers)).status).toBe(403);
    expect((await request(`${base}/v3/inventory/items`, 'GET', undefined, headers)).status).toBe(200);
    const write = await request(`${base}/v3/inventory/adjustments/absolute`, 'PUT', { items: [] }, headers);
    expect(write.status).toBe(403);
    expect(asRecord(write.body).title).toContain('store_inventory');
    expect((await request(`${base}/v3/hooks`, 'GET', undefined, headers)).status).toBe(200);
  });

  it('answers 404 for an unknown store', async () => {
    const response = await request(`${sandbox.storeUrl('nosuchstore')}/v2/orders`, 'GET', undefined, { 'x-auth-token': 'x' });
    expect(response.status).toBe(404);
  });

  it('uninstall revokes the token and deletes the hooks', async () => {
    const token = await install(sandbox, hash);
    const base = sandbox.storeUrl(hash);
    const created = await request(`${base}/v3/hooks`, 'POST', { scope: 'store/order/created', destination: 'https://app.example.com/hooks' }, { 'x-auth-token': token });
    expect(created.status).toBe(200);
    sandbox.control.signPayload(hash, { kind: 'uninstall' });
    expect((await request(`${base}/v3/hooks`, 'GET', undefined, { 'x-auth-token': token })).status).toBe(401);
    const again = await install(sandbox, hash);
    const hooks = await request(`${base}/v3/hooks`, 'GET', undefined, { 'x-auth-token': again });
    expect(asRecord(hooks.body).data).toEqual([]);
  });
});

describe('signed payload JWTs', () => {
  it('signs load payloads with HS256 and the documented claims', () => {
    const signed = sandbox.control.signPayload(hash, { kind: 'load', userId: 8, url: '/orders/100' });
    expect(signed.callbackUrl).toMatch(new RegExp(`^${APP_URL}/api/app/load\\?signed_payload_jwt=`));
    const claims = asRecord(jwt.verify(signed.jwt, CLIENT_SECRET, { algorithms: ['HS256'], audience: CLIENT_ID, issuer: 'bc' }));
    expect(claims.sub).toBe(`stores/${hash}`);
    expect(claims).not.toHaveProperty('store_hash');
    expect(asRecord(claims.user)).toEqual({ id: 8, email: 'staff@shop.example.com', locale: 'en-GB' });
    expect(asRecord(claims.owner)).toEqual({ id: 7, email: 'owner@shop.example.com' });
    expect(claims.url).toBe('/orders/100');
    expect(claims.channel_id).toBe(1);
    expect(claims.jti).toEqual(expect.any(String));
    expect(Number(claims.exp) - Number(claims.iat)).toBe(24 * 60 * 60);
    expect(Number(claims.nbf)).toBeLessThanOrEqual(Number(claims.iat));
    const header = jwt.decode(signed.jwt, { complete: true })?.header;
    expect(header?.alg).toBe('HS256');
  });

  it('signs as the owner by default and for remove_user removes that user', () => {
    const load = sandbox.control.signPayload(hash, { kind: 'load' });
    expect(asRecord(asRecord(jwt.decode(load.jwt)).user).id).toBe(7);
    sandbox.control.signPayload(hash, { kind: 'remove_user', userId: 8 });
    expect(sandbox.control.getStore(hash).users.map((user) => user.id)).toEqual([7]);
  });
});
