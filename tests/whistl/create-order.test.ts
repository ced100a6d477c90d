import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WhistlBadRequestError, type WhistlOrderInput } from '@/lib/whistl';
import { contractRejectionTemplates, fill } from './contract-messages';
import { orderInput, startHarness, type Harness } from './harness';

describe('createOrder against the simulator, message by message', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.sandbox.close();
  });

  const [dupNumber, dupRef, unknownSku, unknownService, badPostcode, missingField] = contractRejectionTemplates();

  it('creates an order: reads [0].Success, the id, the status and the line ids', async () => {
    const input = orderInput({ items: [{ sku: 'TSHIRTBLK', quantity: 1 }, { sku: 'MUG01', quantity: 2 }] });
    const outcome = await h.client.createOrder(input);
    expect(outcome).toMatchObject({ kind: 'created', orderNumber: input.orderNumber, statusId: 1 });
    if (outcome.kind !== 'created') return;
    expect(outcome.orderId).toBeGreaterThan(0);
    expect(outcome.items.map((i) => i.sku)).toEqual(['TSHIRTBLK', 'MUG01']);
    expect(outcome.items.every((i) => typeof i.id === 'number')).toBe(true);
    const read = await h.client.getOrder(outcome.orderId);
    expect(read).toMatchObject({
      id: outcome.orderId,
      orderNumber: input.orderNumber,
      externalOrderReference: input.externalOrderReference,
      orderStatusId: 1,
      courierServiceName: 'RM48',
      trackingNumber: null,
      despatchDate: null,
    });
    expect(read?.items.map((i) => [i.sku, i.quantity])).toEqual([['TSHIRTBLK', 1], ['MUG01', 2]]);
  });

  it(`duplicate OrderNumber: "${dupNumber}"`, async () => {
    const first = orderInput();
    await h.client.createOrder(first);
    const outcome = await h.client.createOrder({ ...orderInput(), orderNumber: first.orderNumber });
    expect(outcome).toEqual({
      kind: 'duplicate',
      field: 'OrderNumber',
      value: first.orderNumber,
      message: fill(dupNumber ?? '', first.orderNumber),
    });
  });

  it(`duplicate ExternalOrderReference: "${dupRef}"`, async () => {
    const first = orderInput();
    await h.client.createOrder(first);
    const outcome = await h.client.createOrder({ ...orderInput(), externalOrderReference: first.externalOrderReference });
    expect(outcome).toEqual({
      kind: 'duplicate',
      field: 'ExternalOrderReference',
      value: first.externalOrderReference,
      message: fill(dupRef ?? '', first.externalOrderReference),
    });
  });

  it('uniqueness is per account: another account may reuse the number', async () => {
    const input = orderInput();
    await h.client.createOrder(input);
    const other = h.sandbox.createAccount({ products: [{ sku: 'TSHIRTBLK', stock: 5 }] });
    const otherClient = h.makeClient({ apiKey: other.apiKeys[0] });
    expect((await otherClient.createOrder(input)).kind).toBe('created');
  });

  it(`unknown SKU: "${unknownSku}"`, async () => {
    const outcome = await h.client.createOrder(orderInput({ items: [{ sku: 'TSHIRTBLK', quantity: 1 }, { sku: 'NOSUCH1', quantity: 1 }] }));
    expect(outcome).toEqual({ kind: 'rejected', reason: 'UNKNOWN_SKU', sku: 'NOSUCH1', message: fill(unknownSku ?? '', 'NOSUCH1') });
  });

  it('an alternative code (AltCodes) is accepted as the SKU', async () => {
    const outcome = await h.client.createOrder(orderInput({ items: [{ sku: 'MUGOLD', quantity: 1 }] }));
    expect(outcome.kind).toBe('created');
  });

  it(`unknown courier service: "${unknownService}"`, async () => {
    const outcome = await h.client.createOrder(orderInput({ courierService: 'PIGEON' }));
    expect(outcome).toEqual({
      kind: 'rejected',
      reason: 'UNKNOWN_SERVICE',
      service: 'PIGEON',
      message: fill(unknownService ?? '', 'PIGEON'),
    });
  });

  it('courier service by numeric id, and AUTO, are accepted', async () => {
    const byId = await h.client.createOrder(orderInput({ courierService: undefined, courierServiceId: 12 }));
    expect(byId.kind).toBe('created');
    const auto = await h.client.createOrder(orderInput({ courierService: 'AUTO' }));
    expect(auto.kind).toBe('created');
    const unknownId = await h.client.createOrder(orderInput({ courierService: undefined, courierServiceId: 999 }));
    expect(unknownId).toMatchObject({ reason: 'UNKNOWN_SERVICE', service: '999' });
  });

  it(`bad UK postcode: "${badPostcode}"`, async () => {
    const outcome = await h.client.createOrder(orderInput({ postCode: 'SW1A XYZ' }));
    expect(outcome).toEqual({
      kind: 'rejected',
      reason: 'BAD_POSTCODE',
      postcode: 'SW1A XYZ',
      country: 'GB',
      message: fill(badPostcode ?? '', 'SW1A XYZ'),
    });
  });

  it('country as ISO-3 or name is read as GB for the postcode check; other countries are not checked as UK', async () => {
    expect(await h.client.createOrder(orderInput({ country: 'GBR', postCode: 'nope' }))).toMatchObject({ reason: 'BAD_POSTCODE', country: 'GB' });
    expect(await h.client.createOrder(orderInput({ country: 'United Kingdom', postCode: 'nope' }))).toMatchObject({ reason: 'BAD_POSTCODE' });
    expect((await h.client.createOrder(orderInput({ country: 'FR', postCode: '75001' }))).kind).toBe('created');
    expect(await h.client.createOrder(orderInput({ country: 'Atlantis' }))).toMatchObject({ reason: 'OTHER', message: "Country 'Atlantis' not found" });
  });

  it.each<[string, Partial<WhistlOrderInput>]>([
    ['OrderNumber', { orderNumber: '' }],
    ['Address1', { address1: ' ' }],
    ['Town', { town: '' }],
    ['Country', { country: '' }],
    ['CourierService', { courierService: undefined }],
    ['Warehouse', { warehouseId: undefined }],
    ['OrderItems', { items: [] }],
    ['PostCode', { postCode: '' }],
  ])(`missing field: "${missingField}" for %s`, async (field, patch) => {
    const outcome = await h.client.createOrder({ ...orderInput(), ...patch });
    expect(outcome).toEqual({ kind: 'rejected', reason: 'MISSING_FIELD', field, message: fill(missingField ?? '', '', field) });
  });

  it('an unknown warehouse is OTHER with its message', async () => {
    const outcome = await h.client.createOrder(orderInput({ warehouseId: 77 }));
    expect(outcome).toEqual({ kind: 'rejected', reason: 'OTHER', message: "Warehouse '77' not found" });
  });

  it('a rejected order creates nothing', async () => {
    const input = orderInput({ courierService: 'PIGEON' });
    await h.client.createOrder(input);
    expect(await h.client.searchOrdersByNumber(input.orderNumber)).toEqual([]);
  });

  it('a malformed body is a 400 WhistlBadRequestError (plain string or {Message})', async () => {
    const bad = orderInput({ items: [{ sku: 'TSHIRTBLK', quantity: 'two' as unknown as number }] });
    const error = await h.client.createOrder(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhistlBadRequestError);
    expect((error as WhistlBadRequestError).status).toBe(400);
    expect((error as WhistlBadRequestError).detail).toMatch(/The request is invalid: OrderItems\.0\.Quantity/);
  });

  it('sends PascalCase with ms-apikey and never the query-string key', async () => {
    const seen: { url: string; headers: Headers; body: unknown }[] = [];
    const spy: typeof fetch = async (url, init) => {
      seen.push({ url: String(url), headers: new Headers(init?.headers), body: init?.body ? JSON.parse(String(init.body)) : undefined });
      return fetch(url, init);
    };
    const input = orderInput({ connectAction: { despatched: 'https://hooks.test/d?s=1' }, requiredDespatchDate: new Date('2026-07-01T08:00:00Z') });
    await h.makeClient({ fetch: spy }).createOrder(input);
    const [call] = seen;
    expect(call?.url).toBe(`${h.sandbox.url}/api/Order`);
    expect(call?.url).not.toMatch(/apikey/i);
    expect(call?.headers.get('ms-apikey')).toBe(h.account.apiKeys[0]);
    expect(call?.body).toMatchObject({
      OrderNumber: input.orderNumber,
      ExternalOrderReference: input.externalOrderReference,
      PostCode: 'SW1A 2AA',
      CourierService: 'RM48',
      WarehouseId: 1,
      RequiredDespatchDate: '2026-07-01T09:00:00',
      OrderItems: [{ SKU: 'TSHIRTBLK', Quantity: 2, UnitPrice: 12.5 }],
      ConnectAction: { Type: 'WEBHOOK', ExtraCode1: 'https://hooks.test/d?s=1' },
    });
  });
});
