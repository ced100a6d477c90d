import { describe, expect, it } from 'vitest';
import type { OrderLine } from '@/lib/bigcommerce/api';
import { whistlWebhookUrl } from '@/lib/sync/fulfilment/connect-action-urls';
import { planShipmentItems } from '@/lib/sync/fulfilment/plan-shipment-items';
import { isTerminalWhistlStatus, nextWhistlStatus } from '@/lib/sync/fulfilment/policy';
import { trackingCarrierSlug } from '@/lib/sync/fulfilment/tracking-carrier';
import type { SkuRules } from '@/lib/sync/types';

const rules: SkuRules = { policy: 'ALPHANUMERIC', uppercase: true, stripChars: '-', prefix: '', suffix: '', aliases: new Map([['OLD-1', 'NEW1']]) };

function line(orderProductId: number, sku: string, quantity: number, extra: Partial<OrderLine> = {}): OrderLine {
  return {
    orderProductId,
    orderId: 100,
    productId: 1,
    variantId: null,
    orderAddressId: 7,
    name: sku,
    sku,
    type: 'physical',
    quantity,
    quantityShipped: 0,
    priceIncTax: '1.00',
    priceExTax: '1.00',
    totalIncTax: '1.00',
    parentOrderProductId: null,
    options: [],
    ...extra,
  };
}
const item = (sku: string, quantity: number) => ({ id: null, sku, quantity, unitPrice: null });

describe('planShipmentItems', () => {
  it('maps Whistl SKUs back to order product ids through the store rules (transform and alias)', () => {
    const plan = planShipmentItems([line(1, 'tee-red', 2), line(2, 'OLD-1', 1)], [item('TEERED', 2), item('NEW1', 1)], rules, { split: false });
    expect(plan).toEqual({ items: [{ orderProductId: 1, quantity: 2 }, { orderProductId: 2, quantity: 1 }], unmatched: [], short: [] });
  });

  it('a split part ships only its own items and does not report the rest as short', () => {
    const plan = planShipmentItems([line(1, 'A1', 2), line(2, 'B1', 1)], [item('A1', 1)], rules, { split: true });
    expect(plan).toEqual({ items: [{ orderProductId: 1, quantity: 1 }], unmatched: [], short: [] });
  });

  it('never ships more than is left on a line; the excess is reported', () => {
    const plan = planShipmentItems([line(1, 'A1', 2, { quantityShipped: 1 })], [item('A1', 2)], rules, { split: false });
    expect(plan?.items).toEqual([{ orderProductId: 1, quantity: 1 }]);
    expect(plan?.unmatched).toEqual([{ sku: 'A1', quantity: 1 }]);
  });

  it('reports quantities that disagree with the order', () => {
    const plan = planShipmentItems([line(1, 'A1', 3), line(2, 'B1', 1)], [item('A1', 2), item('ZZ9', 1)], rules, { split: false });
    expect(plan?.items).toEqual([{ orderProductId: 1, quantity: 2 }]);
    expect(plan?.unmatched).toEqual([{ sku: 'ZZ9', quantity: 1 }]);
    expect(plan?.short).toEqual([
      { orderProductId: 1, sku: 'A1', ordered: 3, despatched: 2 },
      { orderProductId: 2, sku: 'B1', ordered: 1, despatched: 0 },
    ]);
  });

  it('a SKU on several lines fills them in order', () => {
    const plan = planShipmentItems([line(1, 'A1', 1), line(2, 'a-1', 2)], [item('A1', 3)], rules, { split: false });
    expect(plan?.items).toEqual([{ orderProductId: 1, quantity: 1 }, { orderProductId: 2, quantity: 2 }]);
    expect(plan?.short).toEqual([]);
  });

  it('no items from Whistl: a whole despatch ships what is left, a split part is not guessed', () => {
    const lines = [line(1, 'A1', 2, { quantityShipped: 2 }), line(2, 'B1', 1), line(3, 'GIFT', 1, { type: 'giftcertificate' })];
    expect(planShipmentItems(lines, [], rules, { split: false })?.items).toEqual([{ orderProductId: 2, quantity: 1 }]);
    expect(planShipmentItems(lines, [], rules, { split: true })).toBeNull();
  });

  it('leaves out digital lines and bundle children', () => {
    const lines = [line(1, 'A1', 1), line(2, 'EBOOK', 1, { type: 'digital' }), line(3, 'A1', 1, { parentOrderProductId: 1 })];
    expect(planShipmentItems(lines, [item('A1', 1)], rules, { split: false })?.items).toEqual([{ orderProductId: 1, quantity: 1 }]);
  });
});

describe('forward-only Whistl status', () => {
  it('never leaves despatched or cancelled', () => {
    expect(nextWhistlStatus(null, 2)).toBe(2);
    expect(nextWhistlStatus(2, 7)).toBe(7);
    expect(nextWhistlStatus(7, 1)).toBe(1);
    expect(nextWhistlStatus(4, 2)).toBe(4);
    expect(nextWhistlStatus(4, 5)).toBe(5);
    expect(nextWhistlStatus(5, 4)).toBe(4);
    expect(nextWhistlStatus(3, 1)).toBe(3);
    expect([3, 4, 5, 6].every(isTerminalWhistlStatus)).toBe(true);
    expect([1, 2, 7, 17].some(isTerminalWhistlStatus)).toBe(false);
  });
});

describe('tracking carrier and webhook URL', () => {
  it('maps well-known Whistl services to AfterShip slugs and leaves the rest empty', () => {
    expect(trackingCarrierSlug('RM48')).toBe('royal-mail');
    expect(trackingCarrierSlug('Royal Mail Tracked 24')).toBe('royal-mail');
    expect(trackingCarrierSlug('DPDNEXT')).toBe('dpd-uk');
    expect(trackingCarrierSlug('EXP')).toBe('');
    expect(trackingCarrierSlug(null)).toBe('');
  });

  it('puts the store hash and secret in the path', () => {
    expect(whistlWebhookUrl('https://app.example.com/', 'abc123', 's3cr_t-X')).toBe('https://app.example.com/api/webhooks/whistl/abc123/s3cr_t-X');
  });
});
