/**
 * Contract: every request body the client sends, and every response our fakes return, validates
 * against BigCommerce's OpenAPI files (../shared/specs/bigcommerce). Deliberate exceptions are
 * listed in KNOWN_SPEC_DEVIATIONS with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '@/lib/bigcommerce/api';
import { findBigCommerceOperation, validateBigCommerceQuery, validateBigCommerceRequest, validateBigCommerceResponse } from '../support/openapi';
import { startRig, type TestRig } from './client-setup';
import type { FakeReply, RecordedRequest } from './fake-server';
import {
  inventoryItemWire,
  orderLineWire,
  orderStatusesWire,
  orderWire,
  pagination,
  productWire,
  shipmentWire,
  shippingAddressWire,
  shippingMethodsWire,
  shippingZonesWire,
  variantWire,
  webhookWire,
} from './fixtures';

interface Exchange {
  request: RecordedRequest;
  reply: FakeReply;
}

/**
 * Each entry: a predicate on an error message and why that error is accepted.
 * Keep this list short; each one is a place where the spec and the real API disagree.
 */
const KNOWN_SPEC_DEVIATIONS: { match: RegExp; why: string }[] = [
  {
    match: /^GET \/v2\/orders -> 204: status 204 not declared/,
    why: 'Platform note: GET /v2/orders declares only 200, but the real API answers 204 with no body when no order matches.',
  },
  {
    match: /^PUT \/v2\/orders\/\d+ -> 200: \/consignments must match exactly one schema in oneOf/,
    why:
      'orders.v2 declares `consignments` as oneOf [resource link, expanded object] and neither branch has ' +
      'required fields, so the link `{url, resource}` the PUT returns matches both and oneOf fails. (The ' +
      'opposite happens for an expanded object: its nested `line_items` oneOf is just as ambiguous, so it ' +
      'passes through the link branch alone, and the spec check of it is vacuous. That is why the expanded ' +
      'lines and addresses are validated on their own in the last test.)',
  },
];

function unexplained(errors: string[]): string[] {
  return errors.filter((error) => !KNOWN_SPEC_DEVIATIONS.some((deviation) => deviation.match.test(error)));
}

function reply(request: RecordedRequest): FakeReply {
  const { method, path } = request;
  const page = Number(request.query.get('page') ?? '1');
  if (method === 'GET' && path === '/v2/orders') return page === 1 ? { status: 200, body: [orderWire()] } : { status: 204 };
  if (method === 'GET' && path === '/v2/orders/100') return { status: 200, body: orderWire() };
  if (method === 'PUT' && path === '/v2/orders/100') {
    const { consignments: _expanded, ...order } = orderWire({ status_id: 2, status: 'Shipped' });
    return { status: 200, body: { ...order, consignments: { url: 'https://api.bigcommerce.com/stores/abc123/v2/orders/100/consignments', resource: '/orders/100/consignments' } } };
  }
  if (method === 'GET' && path === '/v2/orders/100/products') return { status: 200, body: [orderLineWire()] };
  if (method === 'GET' && path === '/v2/orders/100/shipping_addresses') return { status: 200, body: [shippingAddressWire()] };
  if (method === 'GET' && path === '/v2/orders/100/shipments') return { status: 200, body: [shipmentWire()] };
  if (method === 'GET' && path === '/v2/orders/101/shipments') return { status: 204 };
  if (method === 'POST' && path === '/v2/orders/100/shipments') return { status: 201, body: shipmentWire() };
  if (method === 'GET' && path === '/v2/order_statuses') return { status: 200, body: orderStatusesWire };
  if (method === 'GET' && path === '/v2/shipping/zones') return { status: 200, body: shippingZonesWire };
  if (method === 'GET' && path === '/v2/shipping/zones/1/methods') return { status: 200, body: shippingMethodsWire };
  if (method === 'GET' && path === '/v3/catalog/variants') return { status: 200, body: { data: [variantWire()], meta: pagination(1, 1, 1) } };
  if (method === 'GET' && path === '/v3/catalog/products') return { status: 200, body: { data: [productWire()], meta: pagination(1, 1, 1) } };
  if (method === 'GET' && path === '/v3/inventory/items') return { status: 200, body: { data: [inventoryItemWire('MUG-BLU')], meta: pagination(1, 1, 1) } };
  if (path.startsWith('/v3/inventory/adjustments/')) return { status: 200, body: { transaction_id: 'c2e5b2a1-0000-4000-8000-000000000001' } };
  if (method === 'GET' && path === '/v3/hooks') return { status: 200, body: { data: [webhookWire()], meta: pagination(1, 1, 1) } };
  if (method === 'POST' && path === '/v3/hooks') return { status: 200, body: { data: webhookWire(), meta: {} } };
  if ((method === 'PUT' || method === 'DELETE') && path === '/v3/hooks/9') return { status: 200, body: { data: webhookWire({ is_active: false }), meta: {} } };
  return { status: 404, body: { status: 404, title: `fake has no route for ${method} ${path}` } };
}

describe('contract with the BigCommerce OpenAPI files', () => {
  let rig: TestRig;
  const exchanges: Exchange[] = [];

  beforeAll(async () => {
    rig = await startRig((request) => {
      const answer = reply(request);
      exchanges.push({ request, reply: answer });
      return answer;
    });
    const { client } = rig;
    await client.orders.get(100);
    await collect(client.orders.list({ statusId: 11, limit: 1 }));
    await collect(client.orders.listProducts(100));
    await client.orders.listShippingAddresses(100);
    await client.orders.updateStatus(100, 2);
    await client.orders.listStatuses();
    await client.shipments.list(100);
    await client.shipments.list(101);
    await client.shipments.create(100, {
      orderAddressId: 21,
      items: [{ orderProductId: 11, quantity: 2 }],
      trackingNumber: 'RM123456789GB',
      trackingCarrier: 'royal-mail',
      shippingProvider: '',
      trackingLink: 'https://track.example/RM123456789GB',
      shippingMethod: 'Royal Mail 48',
      comments: 'Despatched by Whistl',
    });
    await client.shipping.listZonesWithMethods();
    await client.catalog.getVariantsBySku('MUG-BLU');
    await client.catalog.getProductsBySkus(['MUG']);
    await client.inventory.getItemsBySkus(['MUG-BLU']);
    await client.inventory.setAbsolute({ reason: 'Whistl stock sync', items: [{ locationId: 1, quantity: 8, sku: 'MUG-BLU' }, { locationId: 1, quantity: 3, variantId: 702 }, { locationId: 1, quantity: 1, productId: 78 }] });
    await client.inventory.adjustRelative({ items: [{ locationId: 1, quantity: -2, sku: 'MUG-BLU' }] });
    await client.webhooks.list();
    await client.webhooks.create({ scope: 'store/order/created', destination: 'https://app.example/api/webhooks/bigcommerce', headers: { 'x-whistl-secret': 's3cret' } });
    await client.webhooks.update(9, { isActive: false });
    await client.webhooks.delete(9);
  });

  afterAll(async () => {
    await rig.server.close();
  });

  it('exercised every endpoint without a fake 404', () => {
    expect(exchanges.filter((exchange) => exchange.reply.status === 404).map((exchange) => `${exchange.request.method} ${exchange.request.path}`)).toEqual([]);
    expect(exchanges.length).toBe(21);
  });

  it('covers these spec operations (the list the closing note quotes)', () => {
    const covered = new Set(
      exchanges.map(({ request }) => {
        const operation = findBigCommerceOperation(request.method, request.path);
        return operation ? `${request.method} ${operation.template}` : `UNDECLARED ${request.method} ${request.path}`;
      }),
    );
    expect([...covered].sort()).toEqual([
      'DELETE /v3/hooks/{webhook_id}',
      'GET /v2/order_statuses',
      'GET /v2/orders',
      'GET /v2/orders/{order_id}',
      'GET /v2/orders/{order_id}/products',
      'GET /v2/orders/{order_id}/shipments',
      'GET /v2/orders/{order_id}/shipping_addresses',
      'GET /v2/shipping/zones',
      'GET /v2/shipping/zones/{zone_id}/methods',
      'GET /v3/catalog/products',
      'GET /v3/catalog/variants',
      'GET /v3/hooks',
      'GET /v3/inventory/items',
      'POST /v2/orders/{order_id}/shipments',
      'POST /v3/hooks',
      'POST /v3/inventory/adjustments/relative',
      'PUT /v2/orders/{order_id}',
      'PUT /v3/hooks/{webhook_id}',
      'PUT /v3/inventory/adjustments/absolute',
    ]);
  });

  it('sends only requests the spec declares, with bodies that validate', () => {
    const errors = exchanges.flatMap(({ request }) => validateBigCommerceRequest(request.method, request.path, request.body));
    expect(unexplained(errors)).toEqual([]);
    const bodies = exchanges.filter((exchange) => exchange.request.body !== undefined).map((exchange) => `${exchange.request.method} ${exchange.request.path}`);
    expect(bodies).toEqual(
      expect.arrayContaining([
        'POST /v2/orders/100/shipments',
        'PUT /v2/orders/100',
        'PUT /v3/inventory/adjustments/absolute',
        'POST /v3/inventory/adjustments/relative',
        'POST /v3/hooks',
        'PUT /v3/hooks/9',
      ]),
    );
  });

  it('sends only query parameters the spec declares, with values that validate', () => {
    const errors = exchanges.flatMap(({ request }) => validateBigCommerceQuery(request.method, request.path, request.query));
    expect(unexplained(errors)).toEqual([]);
  });

  it('a request body the spec forbids is caught (the check is not vacuous)', () => {
    const sent = exchanges.find((exchange) => exchange.request.method === 'POST' && exchange.request.path === '/v2/orders/100/shipments');
    const body = { ...(sent?.request.body as Record<string, unknown>), tracking_number: 'X'.repeat(51) };
    expect(validateBigCommerceRequest('POST', '/v2/orders/100/shipments', body).join('\n')).toMatch(/tracking_number must NOT have more than 50 characters/);
  });

  it('every response the fakes return validates (documented deviations aside)', () => {
    const errors = exchanges.flatMap(({ request, reply: answer }) => validateBigCommerceResponse(request.method, request.path, answer.status, answer.body));
    expect(unexplained(errors)).toEqual([]);
  });

  it('the expanded consignments and their line items validate against the expanded branch', () => {
    // Validate the branch the oneOf deviation above cannot check, through the products endpoint
    // (same orderProducts schema, additionalProperties: false) and the shipping addresses endpoint.
    const order = orderWire();
    const consignments = order.consignments as { shipping: { line_items: unknown[] }[]; downloads: { line_items: unknown[] }[] };
    const lines = [...consignments.shipping.flatMap((c) => c.line_items), ...consignments.downloads.flatMap((d) => d.line_items)];
    expect(validateBigCommerceResponse('GET', '/v2/orders/100/products', 200, lines)).toEqual([]);
    const { line_items: _lines, ...address } = consignments.shipping[0] as Record<string, unknown>;
    expect(validateBigCommerceResponse('GET', '/v2/orders/100/shipping_addresses', 200, [{ ...address, order_id: 100 }])).toEqual([]);
  });
});
