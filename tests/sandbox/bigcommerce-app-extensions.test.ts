import jwt from 'jsonwebtoken';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBigCommerceClient } from '@/lib/bigcommerce/api';
import { CLIENT_SECRET, install, request, startInstalledStore, type InstalledStore } from './bigcommerce-harness';

let store: InstalledStore;

beforeEach(async () => {
  store = await startInstalledStore();
});
afterEach(async () => {
  await store.close();
});

const graphql = (query: string, variables?: Record<string, unknown>, token = store.token) =>
  request(`${store.sandbox.storeUrl(store.hash)}/graphql`, 'POST', { query, ...(variables ? { variables } : {}) }, { 'x-auth-token': token });

const CREATE_INLINE = `mutation {
  appExtension {
    createAppExtension(input: { context: LINK, model: ORDERS, url: "/orders/\${id}", label: { defaultValue: "Whistl status", locales: [{ value: "Statut Whistl", localeCode: "fr-FR" }] } }) {
      appExtension { id context model url label { defaultValue } }
    }
  }
}`;

describe('BigCommerce simulator: GraphQL App Extensions', () => {
  it('creates with inline literals, lists, updates and deletes', async () => {
    const created = await graphql(CREATE_INLINE);
    expect(created.status).toBe(200);
    const node = (created.body as { data: { appExtension: { createAppExtension: { appExtension: Record<string, unknown> } } } }).data.appExtension.createAppExtension.appExtension;
    expect(node).toMatchObject({ context: 'LINK', model: 'ORDERS', url: '/orders/${id}', label: { defaultValue: 'Whistl status' } });
    expect(node.id).toMatch(/^bc\/store\/appExtension\/\d+$/);

    const listed = await graphql('query { store { appExtensions { edges { node { id url model } } } } }');
    expect((listed.body as { data: { store: { appExtensions: { edges: unknown[] } } } }).data.store.appExtensions.edges).toHaveLength(1);

    const updated = await graphql('mutation U($input: UpdateAppExtensionInput!) { appExtension { updateAppExtension(input: $input) { appExtension { id url } } } }', {
      input: { id: node.id, data: { url: '/orders/${id}/status', label: { defaultValue: 'Whistl' } } },
    });
    expect(updated.body).toMatchObject({ data: { appExtension: { updateAppExtension: { appExtension: { url: '/orders/${id}/status' } } } } });

    const deleted = await graphql('mutation { appExtension { deleteAppExtension(input: { id: "' + String(node.id) + '" }) { deletedAppExtensionId } } }');
    expect(deleted.body).toMatchObject({ data: { appExtension: { deleteAppExtension: { deletedAppExtensionId: node.id } } } });
    expect(store.sandbox.control.appExtensions(store.hash)).toEqual([]);
  });

  it('refuses bad input as GraphQL errors, and calls without the scope or token', async () => {
    const bad = [
      'mutation { appExtension { createAppExtension(input: { context: POPUP, model: ORDERS, url: "/x", label: { defaultValue: "A" } }) { appExtension { id } } } }',
      'mutation { appExtension { createAppExtension(input: { context: LINK, model: ORDERS, url: "https://evil.example/x", label: { defaultValue: "A" } }) { appExtension { id } } } }',
      'mutation { appExtension { createAppExtension(input: { context: LINK, model: ORDERS, url: "/x", label: { defaultValue: "" } }) { appExtension { id } } } }',
      'mutation { appExtension { createAppExtension(input: { context: LINK, model: ORDERS, url: "/x" }) { appExtension { id } } } }',
      'mutation { appExtension { deleteAppExtension(input: { id: "bc/store/appExtension/999" }) { deletedAppExtensionId } } }',
      'mutation { appExtension { createAppExtension(input: { context: LINK, url: "/x", label: { defaultValue: "A" ',
      'query { products { edges { node { id } } } }',
    ];
    for (const query of bad) {
      const response = await graphql(query);
      expect(response.status, query).toBe(200);
      expect((response.body as { errors?: unknown[] }).errors?.length, query).toBeGreaterThan(0);
    }
    expect(store.sandbox.control.appExtensions(store.hash)).toEqual([]);
    // A string mentioning a field name is not that field.
    const sneaky = await graphql('query { store { name(x: "createAppExtension") } }');
    expect((sneaky.body as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);

    expect((await graphql('query { store { appExtensions { edges { node { id } } } } }', undefined, 'wrong')).status).toBe(401);
    const narrow = await install(store.sandbox, store.hash, 'store_v2_orders');
    const refused = await graphql(CREATE_INLINE, undefined, narrow);
    expect(JSON.stringify(refused.body)).toContain('store_app_extensions_manage');
  });

  it('serves the connector client, removes extensions on uninstall, and opens the deep link through the load flow', async () => {
    const client = createBigCommerceClient({ storeHash: store.hash, accessToken: store.token, baseUrl: store.sandbox.url });
    const created = await client.appExtensions.create({ context: 'LINK', model: 'ORDERS', url: '/orders/${id}', label: 'Whistl status' });
    expect(await client.appExtensions.list()).toEqual([created]);
    await expect(client.appExtensions.delete('bc/store/appExtension/999')).rejects.toThrow(/not found/);

    const opened = store.sandbox.control.openAppExtension(store.hash, { recordId: 142 });
    expect(opened.url).toBe('/orders/142');
    expect(opened.callbackUrl).toContain('/api/app/load?signed_payload_jwt=');
    const claims = jwt.verify(opened.jwt, CLIENT_SECRET) as Record<string, unknown>;
    expect(claims).toMatchObject({ url: '/orders/142', sub: `stores/${store.hash}` });

    const overHttp = await request(`${store.sandbox.url}/_sandbox/stores/${store.hash}/app-extensions/open`, 'POST', { recordId: 7, extensionId: created.id });
    expect(overHttp.status).toBe(201);
    expect(overHttp.body).toMatchObject({ url: '/orders/7' });
    expect((await request(`${store.sandbox.url}/_sandbox/stores/${store.hash}/app-extensions/open`, 'POST', { recordId: -1 })).status).toBe(400);
    expect((await request(`${store.sandbox.url}/_sandbox/stores/${store.hash}/app-extensions`, 'GET')).body).toHaveLength(1);

    store.sandbox.control.signPayload(store.hash, { kind: 'uninstall' });
    expect(store.sandbox.control.appExtensions(store.hash)).toEqual([]);
    expect(() => store.sandbox.control.openAppExtension(store.hash, { recordId: 1 })).toThrow(/no App Extension/);
  });
});
