import { describe, expect, it } from 'vitest';
import {
  ALL_DIGITAL_SKIP_REASON,
  buildWhistlOrders,
  externalOrderReference,
  formatOrderNumber,
  PICKUP_ONLY_SKIP_REASON,
  type BuildResult,
} from '@/lib/sync/rules';
import { consignment, line, order, postalAddress, settings, skuRules } from './fixtures/orders';

function ready(result: BuildResult) {
  if (result.kind !== 'ready') throw new Error(`expected ready, got ${JSON.stringify(result)}`);
  return result.orders;
}

function invalid(result: BuildResult) {
  if (result.kind !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(result)}`);
  return result.problems;
}

describe('buildWhistlOrders: a simple order', () => {
  it('builds one Whistl order with every field filled', () => {
    const bc = order({
      shippingAddresses: [
        consignment(
          {
            orderAddressId: 11,
            company: 'Acme Ltd',
            street2: 'Flat 2',
            zip: 'sw1a2aa',
            countryIso2: 'gb',
            shippingMethod: 'Royal Mail  Tracked 48',
          },
          [
            line({ orderProductId: 1, orderAddressId: 11, sku: 'TEE1', quantity: 2, priceIncTax: '12.0000' }),
            line({ orderProductId: 2, orderAddressId: 11, sku: 'MUG1', quantity: 1, priceIncTax: '7.5000' }),
          ],
        ),
      ],
    });
    const orders = ready(buildWhistlOrders(bc, settings({ connectAction: { despatched: 'https://app/hooks/d?s=1' } })));
    expect(orders).toEqual([
      {
        orderAddressId: 11,
        orderNumber: 'BC-1001',
        externalOrderReference: 'BC-abc123-1001',
        input: {
          orderNumber: 'BC-1001',
          externalOrderReference: 'BC-abc123-1001',
          firstName: 'Jane',
          lastName: 'Smith',
          companyName: 'Acme Ltd',
          address1: '10 Downing Street',
          address2: 'Flat 2',
          town: 'London',
          county: 'Greater London',
          postCode: 'SW1A 2AA',
          country: 'GB',
          email: 'jane@example.com',
          phone: '020 7946 0000',
          courierService: 'RM48',
          warehouseId: 3,
          currency: 'GBP',
          orderValue: 27.99,
          items: [
            { sku: 'TEE1', quantity: 2, unitPrice: 12 },
            { sku: 'MUG1', quantity: 1, unitPrice: 7.5 },
          ],
          connectAction: { despatched: 'https://app/hooks/d?s=1' },
        },
      },
    ]);
  });

  it('leaves empty optional fields and connectAction out', () => {
    const bc = order({ shippingAddresses: [consignment({ company: '', street2: '', state: '' })] });
    const [planned] = ready(buildWhistlOrders(bc, settings()));
    expect(planned!.input).not.toHaveProperty('companyName');
    expect(planned!.input).not.toHaveProperty('address2');
    expect(planned!.input).not.toHaveProperty('county');
    expect(planned!.input).not.toHaveProperty('connectAction');
    expect(Object.values(planned!.input)).not.toContain(undefined);
  });

  it('falls back to the billing email and phone', () => {
    const bc = order({ shippingAddresses: [consignment({ email: '', phone: ' ' })] });
    const [planned] = ready(buildWhistlOrders(bc, settings()));
    expect(planned!.input.email).toBe('billing@example.com');
    expect(planned!.input.phone).toBe('01632 960000');
  });

  it('sends transformed and aliased SKUs and the ordered quantity', () => {
    const bc = order({
      shippingAddresses: [
        consignment({}, [
          line({ sku: 'tee-red', quantity: 3, quantityShipped: 1 }),
          line({ sku: 'OLD/1', quantity: 1 }),
        ]),
      ],
    });
    const rules = skuRules({ uppercase: true, stripChars: '-', aliases: new Map([['OLD/1', 'NEW1']]) });
    const [planned] = ready(buildWhistlOrders(bc, settings({ sku: rules })));
    expect(planned!.input.items).toEqual([
      { sku: 'TEERED', quantity: 3, unitPrice: 12 },
      { sku: 'NEW1', quantity: 1, unitPrice: 12 },
    ]);
  });

  it('merges lines that map to the same Whistl SKU (weighted unit price)', () => {
    const bc = order({
      shippingAddresses: [
        consignment({}, [
          line({ sku: 'tee-1', quantity: 1, priceIncTax: '10.0000' }),
          line({ sku: 'TEE1', quantity: 3, priceIncTax: '14.0000' }),
          line({ sku: 'MUG1', quantity: 1 }),
        ]),
      ],
    });
    const [planned] = ready(buildWhistlOrders(bc, settings({ sku: skuRules({ uppercase: true, stripChars: '-' }) })));
    expect(planned!.input.items).toEqual([
      { sku: 'TEE1', quantity: 4, unitPrice: 13 },
      { sku: 'MUG1', quantity: 1, unitPrice: 12 },
    ]);
  });

  it('supports {storeHash} in the order-number format', () => {
    const bc = order();
    const [planned] = ready(buildWhistlOrders(bc, settings({ orderNumberFormat: '{storeHash}/{orderId}' })));
    expect(planned!.orderNumber).toBe('abc123/1001');
  });
});

describe('buildWhistlOrders: lines that never go to the warehouse', () => {
  it('leaves out digital, gift-certificate and pickup lines', () => {
    const bc = order({
      shippingAddresses: [
        consignment({}, [
          line({ sku: 'TEE1' }),
          // A digital line filed under a shipping consignment is still left out.
          line({ sku: 'EBOOK1', type: 'digital' }),
        ]),
      ],
      digitalLines: [line({ sku: 'EBOOK2', type: 'digital', orderAddressId: null })],
      giftCertificateLines: [line({ sku: '', type: 'giftcertificate', orderAddressId: null })],
      pickupLines: [line({ sku: 'PICKUP1', orderAddressId: null })],
    });
    const [planned] = ready(buildWhistlOrders(bc, settings()));
    expect(planned!.input.items.map((item) => item.sku)).toEqual(['TEE1']);
  });

  it('does not validate SKUs of lines that are not sent', () => {
    const bc = order({
      shippingAddresses: [consignment({}, [line({ sku: 'TEE1' }), line({ sku: 'bad sku!', type: 'giftcertificate' })])],
      digitalLines: [line({ sku: 'bad/sku', type: 'digital' })],
    });
    expect(buildWhistlOrders(bc, settings()).kind).toBe('ready');
  });

  it('skips an all-digital order with a reason', () => {
    const bc = order({
      shippingAddresses: [],
      digitalLines: [line({ type: 'digital', orderAddressId: null })],
      giftCertificateLines: [line({ type: 'giftcertificate', sku: '', orderAddressId: null })],
    });
    expect(buildWhistlOrders(bc, settings())).toEqual({ kind: 'skip', reason: ALL_DIGITAL_SKIP_REASON });
    expect(ALL_DIGITAL_SKIP_REASON).toBe('All lines are digital or gift certificates: nothing to ship');
  });

  it('skips an order whose only physical lines are collected in store', () => {
    const bc = order({ shippingAddresses: [], pickupLines: [line({ orderAddressId: null })] });
    expect(buildWhistlOrders(bc, settings())).toEqual({ kind: 'skip', reason: PICKUP_ONLY_SKIP_REASON });
  });

  it('skips even when the digital order has an unmapped method and a bad address', () => {
    const bc = order({
      shippingAddresses: [consignment({ shippingMethod: 'Email', zip: 'XX1' }, [line({ type: 'digital', sku: '' })])],
    });
    expect(buildWhistlOrders(bc, settings()).kind).toBe('skip');
  });
});

describe('buildWhistlOrders: two shipping addresses', () => {
  const twoAddresses = () =>
    order({
      shippingAddresses: [
        // Listed out of id order on purpose: numbering follows orderAddressId.
        consignment({ orderAddressId: 22, firstName: 'Bob', zip: 'M1 1AE', city: 'Manchester', shippingMethod: 'DPD Next Day' }, [
          line({ orderAddressId: 22, sku: 'MUG1', quantity: 1 }),
        ]),
        consignment({ orderAddressId: 21 }, [line({ orderAddressId: 21, sku: 'TEE1', quantity: 2 })]),
        // An address with only a digital line does not become a Whistl order.
        consignment({ orderAddressId: 23 }, [line({ orderAddressId: 23, type: 'digital', sku: 'EB1' })]),
      ],
    });

  it('makes one Whistl order per address, with suffixed numbers and references', () => {
    const orders = ready(buildWhistlOrders(twoAddresses(), settings()));
    expect(orders.map((o) => [o.orderAddressId, o.orderNumber, o.externalOrderReference])).toEqual([
      [21, 'BC-1001-1', 'BC-abc123-1001-1'],
      [22, 'BC-1001-2', 'BC-abc123-1001-2'],
    ]);
    const [first, second] = orders;
    expect(first!.input).toMatchObject({
      orderNumber: 'BC-1001-1',
      externalOrderReference: 'BC-abc123-1001-1',
      firstName: 'Jane',
      courierService: 'RM48',
      items: [{ sku: 'TEE1', quantity: 2 }],
      orderValue: 27.99,
    });
    expect(second!.input).toMatchObject({
      orderNumber: 'BC-1001-2',
      externalOrderReference: 'BC-abc123-1001-2',
      firstName: 'Bob',
      town: 'Manchester',
      postCode: 'M1 1AE',
      courierService: 'DPDND',
      items: [{ sku: 'MUG1', quantity: 1 }],
    });
    // The order total is carried once, on the first Whistl order.
    expect(second!.input).not.toHaveProperty('orderValue');
  });

  it('numbers the same way whatever order the addresses are read in', () => {
    const bc = twoAddresses();
    const reversed = { ...bc, shippingAddresses: [...bc.shippingAddresses].reverse() };
    expect(ready(buildWhistlOrders(reversed, settings()))).toEqual(ready(buildWhistlOrders(bc, settings())));
  });

  it('does not merge the same SKU across addresses', () => {
    const bc = order({
      shippingAddresses: [
        consignment({ orderAddressId: 1 }, [line({ orderAddressId: 1, sku: 'TEE1' })]),
        consignment({ orderAddressId: 2 }, [line({ orderAddressId: 2, sku: 'TEE1' })]),
      ],
    });
    const orders = ready(buildWhistlOrders(bc, settings()));
    expect(orders.map((o) => o.input.items)).toEqual([[{ sku: 'TEE1', quantity: 1, unitPrice: 12 }], [{ sku: 'TEE1', quantity: 1, unitPrice: 12 }]]);
  });
});

describe('buildWhistlOrders: every problem at once', () => {
  it('reports an unmapped method, a bad SKU and a bad postcode together, and nothing else', () => {
    const bc = order({
      shippingAddresses: [
        consignment({ orderAddressId: 5, shippingMethod: 'Saturday Courier', zip: 'XX1' }, [
          line({ orderAddressId: 5, sku: 'TEE1' }),
          line({ orderAddressId: 5, sku: 'TEE-RED/L' }),
        ]),
      ],
    });
    const problems = invalid(buildWhistlOrders(bc, settings()));
    expect(problems).toEqual([
      expect.objectContaining({
        type: 'UNMAPPED_SHIPPING',
        reasonKey: 'shipping:saturday courier',
        message: 'Shipping method "Saturday Courier" is not mapped to a Whistl courier service',
      }),
      expect.objectContaining({
        type: 'INVALID_ADDRESS',
        reasonKey: 'address:5:zip',
        message: 'Postcode "XX1" is not a valid UK postcode',
      }),
      expect.objectContaining({ type: 'INVALID_SKU', reasonKey: 'sku:TEE-RED/L' }),
    ]);
  });

  it('reports a missing SKU', () => {
    const bc = order({ shippingAddresses: [consignment({}, [line({ orderProductId: 77, sku: '', name: 'Mug' })])] });
    expect(invalid(buildWhistlOrders(bc, settings()))).toEqual([
      expect.objectContaining({ type: 'MISSING_SKU', reasonKey: 'sku-missing:77' }),
    ]);
  });

  it('collects problems from every address and dedupes them by reason key', () => {
    const bc = order({
      shippingAddresses: [
        consignment({ orderAddressId: 1, shippingMethod: 'Saturday Courier', city: '' }, [
          line({ orderAddressId: 1, sku: 'BAD/1' }),
          line({ orderAddressId: 1, sku: 'BAD/1' }),
        ]),
        consignment({ orderAddressId: 2, shippingMethod: 'saturday  courier', ...postalAddress({ zip: '' }) }, [
          line({ orderAddressId: 2, sku: 'BAD/1' }),
          line({ orderAddressId: 2, sku: 'BAD/2' }),
        ]),
      ],
    });
    const problems = invalid(buildWhistlOrders(bc, settings()));
    expect(problems.map((p) => p.reasonKey)).toEqual([
      'shipping:saturday courier',
      'address:1:city',
      'sku:BAD/1',
      'address:2:zip',
      'sku:BAD/2',
    ]);
    expect(problems.find((p) => p.reasonKey === 'address:2:zip')?.message).toBe(
      'Shipping address 2 of 2: Postcode is missing (required for GB)',
    );
  });

  it('uses an explicit default courier service for an unmapped method', () => {
    const bc = order({ shippingAddresses: [consignment({ shippingMethod: 'Saturday Courier' })] });
    const rules = settings().shipping;
    const [planned] = ready(buildWhistlOrders(bc, settings({ shipping: { ...rules, defaultCourierService: 'AUTO' } })));
    expect(planned!.input.courierService).toBe('AUTO');
  });
});

describe('order numbers and references', () => {
  it.each([
    ['{orderId}', '1001'],
    ['BC-{orderId}', 'BC-1001'],
    ['{storeHash}-{orderId}', 'abc123-1001'],
    ['WEB', 'WEB1001'],
    ['', '1001'],
  ])('formats %j as %j', (format, expected) => {
    expect(formatOrderNumber(format, { orderId: 1001, storeHash: 'abc123' })).toBe(expected);
  });

  it('keeps the external reference within 50 characters', () => {
    expect(externalOrderReference('abc123', 1001)).toBe('BC-abc123-1001');
    expect(externalOrderReference('abc123', 1001, '-2')).toBe('BC-abc123-1001-2');
    const long = externalOrderReference('s'.repeat(60), 123456789, '-12');
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long).toMatch(/^BC-[0-9a-z]+-123456789-12$/);
    expect(externalOrderReference('s'.repeat(60), 123456789, '-12')).toBe(long);
    expect(externalOrderReference('t'.repeat(60), 123456789, '-12')).not.toBe(long);
  });
});

describe('buildWhistlOrders: wire shape', () => {
  it('produces an input the Whistl wire layer turns into a PUT /api/Order body with a WEBHOOK ConnectAction', async () => {
    const { toCreateOrderBody } = await import('@/lib/whistl/wire');
    const connectAction = { despatched: 'https://app/d?s=1', cancelled: 'https://app/c?s=1' };
    const [planned] = ready(buildWhistlOrders(order(), settings({ connectAction })));
    const body = toCreateOrderBody(planned!.input);
    expect(body).toMatchObject({
      OrderNumber: 'BC-1001',
      ExternalOrderReference: 'BC-abc123-1001',
      PostCode: 'SW1A 2AA',
      Country: 'GB',
      CourierService: 'RM48',
      WarehouseId: 3,
      ConnectAction: { Type: 'WEBHOOK', ExtraCode1: connectAction.despatched, ExtraCode2: connectAction.cancelled },
    });
    expect(body.OrderItems).toEqual([{ SKU: expect.any(String), Quantity: 1, UnitPrice: 12 }]);
  });
});
