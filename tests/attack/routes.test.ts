import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../setup/db';
import { seedOrder, seedStore, type SeededStore } from '../integration/panel-support';
import { call, discoverRoutes, expectRefused, fingerprint, HOSTILE_BODIES, PROTOTYPE_POLLUTION_BODY, type Method, type RouteHandler } from './support';

/**
 * Every route handler in app/api, found on disk (a route added later is covered without editing
 * this file): sessions that are missing or forged, ids that are not ids, hostile JSON bodies,
 * cron calls without the secret. Each must be a 4xx with a plain message and write nothing.
 */
const { db } = setupTestDatabase();
let routes: Array<{ key: string; method: Method; path: string; params: string[]; handler: RouteHandler }>;
let a: SeededStore;
let b: SeededStore;
const B_MARKERS = ['routesbravo', 'Bravo Customer', 'bravo@customer.example'];

/** POST/PUT routes that take no body: an action, so a body is ignored rather than refused. */
const BODYLESS_ACTIONS = new Set(['POST /api/sku-rules/scan', 'POST /api/settings/whistl/test']);
/** Actions that start background work against BigCommerce and Whistl (catalog scan, audit): only called unauthenticated here. */
const NOT_CALLED_SIGNED_IN = new Set(['POST /api/sku-rules/scan', 'POST /api/audit']);

const kind = (path: string) => (path.startsWith('/api/app/') ? 'callback' : path.startsWith('/api/cron/') ? 'cron' : path.startsWith('/api/webhooks/') ? 'webhook' : path.startsWith('/api/sandbox/') ? 'sandbox' : 'panel');

beforeAll(async () => {
  const found = await discoverRoutes();
  routes = [...found].map(([key, handler]) => {
    const [method, path] = key.split(' ') as [Method, string];
    return { key, method, path, params: [...path.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!), handler };
  });
  a = await seedStore(db(), 'routesalpha');
  b = await seedStore(db(), 'routesbravo');
  await seedOrder(db(), a.storeId, 7001, [{ type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:alpha' }], { customerName: 'Alpha Customer', customerEmail: 'alpha@customer.example' });
  await seedOrder(db(), b.storeId, 7002, [{ type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:bravo' }], { customerName: 'Bravo Customer', customerEmail: 'bravo@customer.example' });
});

const panel = () => routes.filter((r) => kind(r.path) === 'panel');
const fill = (path: string, params: Record<string, string>) => path.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));
const allParams = (names: string[], value: string) => Object.fromEntries(names.map((n) => [n, value]));
const RANDOM_UUID = '3f1c9a57-2b8e-4d6a-9c1e-5a7b3d2f8e10';

describe('route discovery', () => {
  it('finds the app callbacks, cron, webhook and panel routes', () => {
    const keys = routes.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['GET /api/app/load', 'GET /api/cron/orders', 'POST /api/webhooks/bigcommerce', 'GET /api/orders/[id]', 'PUT /api/team/[userId]']));
    expect(panel().length).toBeGreaterThan(20);
  });
});

describe('every panel route without a valid session: 401, nothing written', () => {
  const tokens: Array<{ name: string; headers: () => Record<string, string> }> = [
    { name: 'no token', headers: () => ({}) },
    { name: 'forged token', headers: () => ({ authorization: `Bearer ${'A'.repeat(43)}` }) },
    { name: 'a token of another shape', headers: () => ({ authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdG9yZSI6ImEifQ.' }) },
    { name: 'token with a tampered last character', headers: () => ({ authorization: `Bearer ${a.tokens.ADMIN.slice(0, -1)}${a.tokens.ADMIN.endsWith('A') ? 'B' : 'A'}` }) },
    { name: 'Basic auth', headers: () => ({ authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }) },
    { name: 'token in a cookie', headers: () => ({ cookie: `session=${a.tokens.ADMIN}` }) },
  ];
  it.each(tokens)('$name', async ({ headers }) => {
    const before = await fingerprint(db());
    for (const route of panel()) {
      const response = await call(route.handler, route.method, fill(route.path, allParams(route.params, RANDOM_UUID)), { headers: { ...headers(), 'content-type': 'application/json' }, body: route.method === 'GET' ? undefined : '{}' }, allParams(route.params, RANDOM_UUID));
      await expectRefused(response, [401], route.key);
    }
    expect(await fingerprint(db())).toEqual(before);
  });
});

describe('every panel route with an id that names nothing: 4xx, nothing written', () => {
  const ids = [RANDOM_UUID, '1', `' OR '1'='1`, '../../etc/passwd', '<script>x</script>', 'z'.repeat(3000)];
  it.each(ids)('id %s', async (id) => {
    const before = await fingerprint(db());
    const withIds = panel().filter((r) => r.params.length > 0);
    expect(withIds.length).toBeGreaterThanOrEqual(4);
    for (const route of withIds) {
      const params = allParams(route.params, id);
      const response = await call(route.handler, route.method, fill(route.path, params), { headers: { authorization: `Bearer ${a.tokens.ADMIN}`, 'content-type': 'application/json' }, body: route.method === 'GET' ? undefined : '{}' }, params);
      await expectRefused(response, [400, 404], `${route.key} ${id.slice(0, 30)}`);
    }
    expect(await fingerprint(db())).toEqual(before);
  });
});

describe("every panel list (GET without an id) shows store A only A's data", () => {
  it('no route leaks store B', async () => {
    const lists = panel().filter((r) => r.method === 'GET' && r.params.length === 0);
    expect(lists.length).toBeGreaterThan(10);
    for (const route of lists) {
      const response = await call(route.handler, 'GET', route.path, { headers: { authorization: `Bearer ${a.tokens.ADMIN}` } });
      const text = await response.text();
      expect(response.status, `${route.key}: ${text.slice(0, 200)}`).toBe(200);
      for (const marker of [...B_MARKERS, b.storeId]) expect(text, `${route.key} leaks ${marker}`).not.toContain(marker);
    }
  });
});

describe('every POST/PUT panel route refuses hostile JSON bodies: 4xx, plain message, nothing written', () => {
  it.each(HOSTILE_BODIES)('$name', async ({ body, statuses }) => {
    const text = body();
    const before = await fingerprint(db());
    const writes = panel().filter((r) => (r.method === 'POST' || r.method === 'PUT') && !NOT_CALLED_SIGNED_IN.has(r.key));
    expect(writes.length).toBeGreaterThan(8);
    for (const route of writes) {
      const params = allParams(route.params, RANDOM_UUID);
      const response = await call(route.handler, route.method, fill(route.path, params), { headers: { authorization: `Bearer ${a.tokens.ADMIN}`, 'content-type': 'application/json' }, body: text }, params);
      if (BODYLESS_ACTIONS.has(route.key)) {
        expect(response.status, route.key).toBeLessThan(500);
        continue;
      }
      // A route with an id may answer 404 for the id before it reads the body: both are refusals.
      await expectRefused(response, route.params.length > 0 ? [...statuses, 404] : statuses, `${route.key} (${text.length} bytes)`);
    }
    expect(await fingerprint(db())).toEqual(before);
  });
});

describe('prototype pollution keys', () => {
  it('no POST/PUT route pollutes Object.prototype or answers 5xx', async () => {
    for (const route of panel().filter((r) => (r.method === 'POST' || r.method === 'PUT') && !NOT_CALLED_SIGNED_IN.has(r.key))) {
      const params = allParams(route.params, RANDOM_UUID);
      const response = await call(route.handler, route.method, fill(route.path, params), { headers: { authorization: `Bearer ${a.tokens.ADMIN}`, 'content-type': 'application/json' }, body: PROTOTYPE_POLLUTION_BODY }, params);
      expect(response.status, route.key).toBeLessThan(500);
      expect(({} as Record<string, unknown>).polluted, route.key).toBeUndefined();
    }
  });
});

describe('every cron route without the right secret: 401, no job run', () => {
  const attempts: Array<{ name: string; headers: Record<string, string>; query?: string }> = [
    { name: 'no authorization', headers: {} },
    { name: 'wrong secret', headers: { authorization: 'Bearer wrong-secret-0123456789' } },
    { name: 'the secret with a character missing', headers: { authorization: `Bearer ${'test-cron-secret-0123456789'.slice(0, -1)}` } },
    { name: 'the secret as a prefix', headers: { authorization: 'Bearer test-cron-secret-0123456789-and-more' } },
    { name: 'empty bearer', headers: { authorization: 'Bearer ' } },
    { name: 'the secret as Basic auth', headers: { authorization: `Basic ${Buffer.from(':test-cron-secret-0123456789').toString('base64')}` } },
    { name: 'the secret in the query string', headers: {}, query: '?secret=test-cron-secret-0123456789&token=test-cron-secret-0123456789' },
    { name: 'the secret in another header', headers: { 'x-cron-secret': 'test-cron-secret-0123456789' } },
    { name: "a panel session's token", headers: {} },
  ];
  it.each(attempts)('$name', async ({ name, headers, query }) => {
    const cron = routes.filter((r) => kind(r.path) === 'cron');
    expect(cron.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/cron/orders', '/api/cron/fulfilment', '/api/cron/inventory']));
    const before = await fingerprint(db());
    for (const route of cron) {
      const auth = name.startsWith("a panel session") ? { authorization: `Bearer ${a.tokens.ADMIN}` } : headers;
      await expectRefused(await call(route.handler, route.method, `${route.path}${query ?? ''}`, { headers: auth, body: route.method === 'POST' ? '{}' : undefined }), [401], route.key);
    }
    expect(await fingerprint(db())).toEqual(before);
  });
});

describe('the demo opener outside the demo', () => {
  it('is a 404 with a plain message', async () => {
    for (const route of routes.filter((r) => kind(r.path) === 'sandbox')) await expectRefused(await call(route.handler, route.method, route.path), [404], route.key);
  });
});
