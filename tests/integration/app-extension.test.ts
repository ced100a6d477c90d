import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as byBcIdGET } from '@/app/api/orders/by-bc-id/[bcOrderId]/route';
import { GET as orderGET } from '@/app/api/orders/[id]/route';
import { createBigCommerceClient } from '@/lib/bigcommerce/api';
import { resetEnvCache } from '@/lib/env';
import { ORDER_EXTENSION_LABEL, ORDER_EXTENSION_URL } from '@/lib/stores/app-extension';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '@/sandbox/bigcommerce';
import { setupTestDatabase } from '../setup/db';
import { callbacks, panelRequest, sessionFromRedirect } from '../support/app';
import { seedOrder } from './panel-support';

/** The "Whistl status" link on BigCommerce's order page, end to end against the simulator. */
const { db } = setupTestDatabase();
let sandbox: BigCommerceSandbox;
const A = 'extstorea';
const B = 'extstoreb';

async function install(hash: string) {
  const code = sandbox.control.issueInstallCode(hash);
  const response = await callbacks.auth({ code: code.code, scope: code.scope, context: code.context });
  expect(response.status).toBe(302);
  return sessionFromRedirect(response);
}

beforeAll(async () => {
  sandbox = await startBigCommerceSandbox({ clientId: process.env.BIGCOMMERCE_CLIENT_ID!, clientSecret: process.env.BIGCOMMERCE_CLIENT_SECRET!, appUrl: process.env.APP_URL ?? 'http://localhost:3000' });
  process.env.BIGCOMMERCE_LOGIN_URL = sandbox.url;
  process.env.BIGCOMMERCE_API_URL = sandbox.url;
  resetEnvCache();
  sandbox.control.seedStore({ hash: A, owner: { id: 11, email: 'owner@a.example.com' } });
  sandbox.control.seedStore({ hash: B, owner: { id: 12, email: 'owner@b.example.com' } });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('App Extension on the order page', () => {
  it('is registered once across two installs, on the ORDERS model, deep-linking to the order', async () => {
    await install(A);
    const first = sandbox.control.appExtensions(A);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ context: 'LINK', model: 'ORDERS', url: ORDER_EXTENSION_URL, label: { defaultValue: ORDER_EXTENSION_LABEL } });
    await install(A);
    expect(sandbox.control.appExtensions(A)).toEqual(first);
    expect((await db().store.findUniqueOrThrow({ where: { hash: A } })).appExtensionId).toBe(first[0]!.id);
  });

  it('a re-install repairs duplicates and a changed url, keeping one', async () => {
    const client = createBigCommerceClient({ storeHash: A, accessToken: sandbox.control.accessToken(A)!, baseUrl: sandbox.url });
    const kept = sandbox.control.appExtensions(A)[0]!;
    await client.appExtensions.update(kept.id, { url: '/orders/${id}/old' });
    await client.appExtensions.create({ context: 'LINK', model: 'ORDERS', url: ORDER_EXTENSION_URL, label: 'Whistl status' });
    await install(A);
    const after = sandbox.control.appExtensions(A);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: kept.id, url: ORDER_EXTENSION_URL });
  });

  it('opens exactly that order for the user, scoped to their store; another store’s order is not found', async () => {
    await install(B);
    const storeA = await db().store.findUniqueOrThrow({ where: { hash: A } });
    const storeB = await db().store.findUniqueOrThrow({ where: { hash: B } });
    const { order: orderA } = await seedOrder(db(), storeA.id, 100);
    await seedOrder(db(), storeA.id, 101);
    const { order: orderB } = await seedOrder(db(), storeB.id, 200);

    // The control panel: the user clicks "Whistl status" on order 100 of store A.
    const opened = sandbox.control.openAppExtension(A, { recordId: 100 });
    const load = await callbacks.load(opened.jwt);
    expect(load.status).toBe(302);
    expect(load.headers.get('location')).toMatch(/^\/orders\/100#session=/);
    const token = sessionFromRedirect(load);

    const found = await panelRequest(byBcIdGET, token, '/api/orders/by-bc-id/100', {}, { bcOrderId: '100' });
    expect(found.status).toBe(200);
    const { id } = (await found.json()) as { id: string };
    expect(id).toBe(orderA.id);
    const timeline = await panelRequest(orderGET, token, `/api/orders/${id}`, {}, { id });
    expect(((await timeline.json()) as { order: { bcOrderId: number } }).order.bcOrderId).toBe(100);

    // Store B's order id, from store A's session: not found, and nothing about it leaks.
    const foreign = await panelRequest(byBcIdGET, token, '/api/orders/by-bc-id/200', {}, { bcOrderId: '200' });
    expect(foreign.status).toBe(404);
    const body = (await foreign.json()) as { error: string };
    expect(body.error).toMatch(/not found/i);
    expect(JSON.stringify(body)).not.toContain(orderB.id);
    expect((await panelRequest(orderGET, token, `/api/orders/${orderB.id}`, {}, { id: orderB.id })).status).toBe(404);
    for (const bad of ['abc', '0', '-1', '99999999999', '1e3']) {
      expect((await panelRequest(byBcIdGET, token, `/api/orders/by-bc-id/${bad}`, {}, { bcOrderId: bad })).status, bad).toBe(404);
    }
  });

  it('uninstall removes it; a later install registers it again, once', async () => {
    const uninstall = sandbox.control.signPayload(A, { kind: 'uninstall' });
    expect((await callbacks.uninstall(uninstall.jwt)).status).toBe(200);
    expect(sandbox.control.appExtensions(A)).toEqual([]);
    expect((await db().store.findUniqueOrThrow({ where: { hash: A } })).appExtensionId).toBeNull();
    // Store B keeps its own.
    expect(sandbox.control.appExtensions(B)).toHaveLength(1);

    await install(A);
    expect(sandbox.control.appExtensions(A)).toHaveLength(1);
  });

  it('a store that did not grant the scope still installs (the link is optional)', async () => {
    sandbox.control.seedStore({ hash: 'extstorec', owner: { id: 13, email: 'owner@c.example.com' } });
    const code = sandbox.control.issueInstallCode('extstorec', { scope: 'store_v2_orders store_v2_products_read_only' });
    const response = await callbacks.auth({ code: code.code, scope: code.scope, context: code.context });
    expect(response.status).toBe(302);
    expect(sandbox.control.appExtensions('extstorec')).toEqual([]);
    expect((await db().store.findUniqueOrThrow({ where: { hash: 'extstorec' } })).appExtensionId).toBeNull();
  });
});
