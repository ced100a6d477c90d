import { describe, expect, it } from 'vitest';
import {
  findBigCommerceOperation,
  validateBigCommerceRequest,
  validateBigCommerceQuery,
  validateBigCommerceResponse,
} from '../support/openapi';

describe('tests/support/openapi', () => {
  it('maps concrete paths to spec operations, preferring literal segments', () => {
    expect(findBigCommerceOperation('GET', '/v2/orders/100/shipments')).toMatchObject({
      template: '/v2/orders/{order_id}/shipments',
      pathParams: { order_id: '100' },
    });
    expect(findBigCommerceOperation('GET', '/v2/orders/count')?.template).toBe('/v2/orders/count');
    expect(findBigCommerceOperation('put', '/v3/inventory/adjustments/absolute')?.operationId).toBe('put-absolute-adjustment');
    expect(findBigCommerceOperation('GET', '/stores/abc123/v3/catalog/variants?sku=X')?.template).toBe('/v3/catalog/variants');
    // The version prefix selects the file: there is no V3 orders API in these specs.
    expect(findBigCommerceOperation('GET', '/v3/orders/1')).toBeUndefined();
  });

  it('accepts a valid request body and reports an invalid one', () => {
    const valid = { order_address_id: 1, items: [{ order_product_id: 2, quantity: 1 }], tracking_number: 'TRK1' };
    expect(validateBigCommerceRequest('POST', '/v2/orders/100/shipments', valid)).toEqual([]);
    const errors = validateBigCommerceRequest('POST', '/v2/orders/100/shipments', { order_address_id: 'one', items: 'x' });
    expect(errors.join('\n')).toMatch(/order_address_id must be integer/);
    expect(errors.join('\n')).toMatch(/items must be array/);
  });

  it('accepts a valid response body and reports an invalid one', () => {
    expect(validateBigCommerceResponse('PUT', '/v3/inventory/adjustments/absolute', 200, { transaction_id: 'abc' })).toEqual([]);
    const errors = validateBigCommerceResponse('GET', '/v3/inventory/items', 200, { data: 'nope' });
    expect(errors.length).toBeGreaterThan(0);
  });

  it('handles OpenAPI nullable', () => {
    const hook = { id: 1, client_id: 'c', store_hash: 's', created_at: 1, updated_at: 1, scope: 'store/order/created', destination: 'https://x.example/hook', is_active: true, headers: null };
    expect(validateBigCommerceResponse('GET', '/v3/hooks/1', 200, { data: hook, meta: {} })).toEqual([]);
  });

  it('validates query parameters (names declared, values typed, comma lists split)', () => {
    expect(validateBigCommerceQuery('GET', '/v2/orders', { status_id: '11', include: 'consignments.line_items', consignment_structure: 'object', page: '2', limit: '250' })).toEqual([]);
    expect(validateBigCommerceQuery('GET', '/v3/catalog/products', new URLSearchParams('sku:in=A,B&include=variants'))).toEqual([]);
    expect(validateBigCommerceQuery('GET', '/v2/orders', { statusId: '11' })[0]).toMatch(/statusId is not declared/);
    expect(validateBigCommerceQuery('GET', '/v2/orders', { include: 'everything' })[0]).toMatch(/include .*allowed values/);
    expect(validateBigCommerceQuery('GET', '/v2/orders', { status_id: 'eleven' })[0]).toMatch(/status_id .*must be integer/);
  });

  it('reports unknown operations, undeclared statuses and missing bodies', () => {
    expect(validateBigCommerceResponse('GET', '/v2/nowhere', 200, {})).toEqual(['no such operation: GET /v2/nowhere']);
    expect(validateBigCommerceRequest('PATCH', '/v2/orders/1', {})[0]).toMatch(/no such operation/);
    // Known spec caveat (platform note): the real API answers 204 for an empty order list.
    expect(validateBigCommerceResponse('GET', '/v2/orders', 204, undefined)[0]).toMatch(/status 204 not declared/);
    expect(validateBigCommerceResponse('GET', '/v2/orders/1/shipments', 204, undefined)).toEqual([]);
    expect(validateBigCommerceRequest('POST', '/v2/orders/1/shipments', undefined)[0]).toMatch(/required/);
  });
});
