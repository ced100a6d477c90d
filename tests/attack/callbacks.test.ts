import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as authGET } from '@/app/api/app/auth/route';
import { GET as loadGET } from '@/app/api/app/load/route';
import { GET as removeUserGET } from '@/app/api/app/remove-user/route';
import { GET as uninstallGET } from '@/app/api/app/uninstall/route';
import { resetEnvCache } from '@/lib/env';
import { setupTestDatabase } from '../setup/db';
import { FakeLoginServer } from '../support/fake-login';
import { rawToken, signPayload, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from '../support/signed-payload';
import { seedStore } from '../integration/panel-support';
import { call, expectRefused, fingerprint, type RouteHandler } from './support';

/**
 * Hostile signed payloads on the four app callbacks. Every one is a 401 (auth: 400) with a plain
 * message, and the database is untouched: no store, user, session or uninstall.
 */
const { db } = setupTestDatabase();
const login = new FakeLoginServer();
const STORE = 'cbvictim';
const OWNER = { id: 100, email: 'owner@example.com' };

beforeAll(async () => {
  process.env.BIGCOMMERCE_LOGIN_URL = await login.start();
  resetEnvCache();
  const store = await seedStore(db(), STORE);
  // The victim store's owner, so a forged uninstall or remove-user would have something to delete.
  const user = await db().user.create({ data: { bcUserId: OWNER.id, email: OWNER.email } });
  await db().storeUser.create({ data: { storeId: store.storeId, userId: user.id, role: 'ADMIN', isOwner: true } });
});
afterAll(() => login.stop());

const now = () => Math.floor(Date.now() / 1000);
const claims = (overrides: Record<string, unknown> = {}) => ({
  aud: TEST_CLIENT_ID,
  iss: 'bc',
  iat: now(),
  nbf: now() - 5,
  exp: now() + 3600,
  jti: 'attack',
  sub: `stores/${STORE}`,
  user: { ...OWNER, locale: 'en-GB' },
  owner: OWNER,
  url: '/',
  channel_id: null,
  ...overrides,
});
/** A token with any header, HMAC-SHA256-signed with the client secret (for algorithm confusion). */
const hmac = (header: object, payload: object, secret = TEST_CLIENT_SECRET) => {
  const unsigned = rawToken(header, payload).slice(0, -1);
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};

const HOSTILE_TOKENS: Array<{ name: string; token: () => string }> = [
  { name: 'forged (signed with another secret)', token: () => signPayload({ storeHash: STORE, secret: 'attacker-secret-0123456789' }) },
  { name: 'signature stripped', token: () => signPayload({ storeHash: STORE }).replace(/\.[^.]+$/, '.') },
  { name: 'signature of another token', token: () => `${signPayload({ storeHash: STORE }).split('.').slice(0, 2).join('.')}.${signPayload({ storeHash: 'other' }).split('.')[2]}` },
  { name: 'claims tampered after signing', token: () => { const [h, , s] = signPayload({ storeHash: 'other' }).split('.'); return `${h}.${Buffer.from(JSON.stringify(claims())).toString('base64url')}.${s}`; } },
  { name: 'expired', token: () => signPayload({ storeHash: STORE, expiresIn: -3600 }) },
  { name: 'expired beyond the clock skew', token: () => signPayload({ storeHash: STORE, expiresIn: -120 }) },
  { name: 'not valid yet', token: () => signPayload({ storeHash: STORE, notBefore: 3600 }) },
  { name: 'wrong audience', token: () => signPayload({ storeHash: STORE, aud: 'another-app-client-id' }) },
  { name: 'audience as a list without us', token: () => jwt.sign(claims({ aud: ['x', 'y'] }), TEST_CLIENT_SECRET, { algorithm: 'HS256', noTimestamp: true }) },
  { name: 'wrong issuer', token: () => signPayload({ storeHash: STORE, iss: 'evil' }) },
  { name: 'no issuer', token: () => jwt.sign({ ...claims(), iss: undefined }, TEST_CLIENT_SECRET, { algorithm: 'HS256', noTimestamp: true }) },
  { name: 'alg none, no signature', token: () => rawToken({ alg: 'none', typ: 'JWT' }, claims()) },
  { name: 'alg None (case), no signature', token: () => rawToken({ alg: 'None', typ: 'JWT' }, claims()) },
  { name: 'alg none with a signature', token: () => rawToken({ alg: 'none', typ: 'JWT' }, claims(), 'c2lnbmF0dXJl') },
  { name: 'HS512 with the right secret (algorithm not allowed)', token: () => jwt.sign(claims(), TEST_CLIENT_SECRET, { algorithm: 'HS512', noTimestamp: true }) },
  { name: 'RS256 header over an HMAC signature (key confusion)', token: () => hmac({ alg: 'RS256', typ: 'JWT' }, claims()) },
  { name: 'sub not a store', token: () => jwt.sign(claims({ sub: 'users/1' }), TEST_CLIENT_SECRET, { algorithm: 'HS256', noTimestamp: true }) },
  { name: 'sub with SQL', token: () => jwt.sign(claims({ sub: `stores/x' OR '1'='1` }), TEST_CLIENT_SECRET, { algorithm: 'HS256', noTimestamp: true }) },
  { name: 'missing user', token: () => jwt.sign(claims({ user: undefined }), TEST_CLIENT_SECRET, { algorithm: 'HS256', noTimestamp: true }) },
  { name: 'user id not a number', token: () => jwt.sign(claims({ user: { id: '1 OR 1=1', email: 'x@y' } }), TEST_CLIENT_SECRET, { algorithm: 'HS256', noTimestamp: true }) },
  { name: 'payload not JSON', token: () => `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('not json').toString('base64url')}.x` },
  { name: 'garbage', token: () => 'garbage' },
  { name: 'empty', token: () => '' },
  { name: 'oversized (200 kB)', token: () => signPayload({ storeHash: STORE, url: `/${'a'.repeat(200_000)}` }).replace(/\.[^.]+$/, '.forged') },
];

const CALLBACKS: Array<{ name: string; path: string; handler: RouteHandler }> = [
  { name: 'load', path: '/api/app/load', handler: loadGET },
  { name: 'uninstall', path: '/api/app/uninstall', handler: uninstallGET },
  { name: 'remove-user', path: '/api/app/remove-user', handler: removeUserGET },
];

describe.each(CALLBACKS)('GET $path refuses hostile signed payloads', ({ path, handler }) => {
  it.each(HOSTILE_TOKENS)('$name: 401, plain message, nothing written', async ({ token }) => {
    const before = await fingerprint(db());
    const response = await call(handler, 'GET', `${path}?signed_payload_jwt=${encodeURIComponent(token())}`);
    const message = await expectRefused(response, [401], `${path} ${token().slice(0, 40)}`);
    expect(message).toMatch(/^(Invalid signed payload|Missing signed_payload_jwt)/);
    expect(response.headers.get('location')).toBeNull();
    expect(await fingerprint(db())).toEqual(before);
  });

  it('without any signed_payload_jwt: 401', async () => {
    await expectRefused(await call(handler, 'GET', path), [401]);
  });

  it('a genuine payload is accepted (the table above fails for its attack, not for setup)', async () => {
    if (path !== '/api/app/load') return; // uninstall / remove-user would really remove: load proves the token shape.
    const response = await call(handler, 'GET', `${path}?signed_payload_jwt=${signPayload({ storeHash: STORE, user: OWNER, owner: OWNER })}`);
    expect(response.status).toBe(302);
  });
});

describe('GET /api/app/auth (install) refuses what is not an install', () => {
  const cases: Array<{ name: string; query: Record<string, string> }> = [
    { name: 'a signed payload instead of a code', query: { signed_payload_jwt: signPayload({ storeHash: STORE }) } },
    { name: 'alg none payload instead of a code', query: { signed_payload_jwt: rawToken({ alg: 'none' }, claims()) } },
    { name: 'no code', query: { scope: 'store_v2_orders', context: `stores/${STORE}` } },
    { name: 'context not a store', query: { code: 'c', scope: 's', context: 'users/1' } },
    { name: 'context with path traversal', query: { code: 'c', scope: 's', context: 'stores/../../admin' } },
    { name: 'context with SQL', query: { code: 'c', scope: 's', context: `stores/x' OR '1'='1` } },
    { name: 'context with markup', query: { code: 'c', scope: 's', context: 'stores/<script>alert(1)</script>' } },
  ];
  it.each(cases)('$name: 400 without calling BigCommerce, nothing written', async ({ query }) => {
    const before = await fingerprint(db());
    const sent = login.requests.length;
    await expectRefused(await call(authGET, 'GET', `/api/app/auth?${new URLSearchParams(query)}`), [400]);
    expect(login.requests.length).toBe(sent);
    expect(await fingerprint(db())).toEqual(before);
  });

  it('a code BigCommerce answers with a grant for another store: 400, nothing written', async () => {
    login.reply = () => ({ status: 200, body: { access_token: 't', scope: 's', user: { id: 1, email: 'a@b.c' }, context: 'stores/someoneelse', account_uuid: 'u' } });
    const before = await fingerprint(db());
    await expectRefused(await call(authGET, 'GET', `/api/app/auth?${new URLSearchParams({ code: 'c', scope: 's', context: `stores/${STORE}` })}`), [400]);
    expect(await fingerprint(db())).toEqual(before);
  });
});
