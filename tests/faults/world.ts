import { POST as bigCommerceWebhookPOST } from '@/app/api/webhooks/bigcommerce/route';
import type { PlaceOrderRequest } from '@/sandbox/bigcommerce/control';
import type { FulfilmentHarness } from '../support/fulfilment-harness';
import { ukAddress } from '../support/export-harness';

/**
 * The shoppers, the warehouse and the faults of the fault matrix: everything that happens to the
 * connector from outside while its runners work.
 */

/** What an order was meant to test, and what must become of it. */
export type OrderKind =
  | 'clean'
  | 'multi-address'
  | 'unpaid'
  | 'unmapped-method'
  | 'bad-sku'
  | 'missing-sku'
  | 'unknown-to-whistl'
  | 'bad-postcode';

export interface PlacedOrder {
  bcOrderId: number;
  kind: OrderKind;
  /** Physical units per BigCommerce SKU (lines without a SKU are left out). */
  units: Map<string, number>;
  addresses: number;
}

/** Which exception type each kind of unexportable order must raise. */
export const EXPECTED_EXCEPTION: Partial<Record<OrderKind, readonly string[]>> = {
  'unmapped-method': ['UNMAPPED_SHIPPING'],
  'bad-sku': ['INVALID_SKU'],
  'missing-sku': ['MISSING_SKU', 'INVALID_SKU'],
  'unknown-to-whistl': ['INVALID_SKU'],
  'bad-postcode': ['INVALID_ADDRESS'],
};

export const EXPORTABLE: ReadonlySet<OrderKind> = new Set(['clean', 'multi-address']);

/** A small seeded PRNG so a failing run can be repeated with FAULTS_SEED. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Catalogue {
  cleanSkus: string[];
  awkwardSkus: string[];
  missingSkuVariantIds: number[];
  notInWhistl: string[];
  unmappedMethod: string;
}

export function catalogueOf(h: FulfilmentHarness): Catalogue {
  const clean = new Set(h.cleanSkus);
  const notInWhistl = h.demo.bigcommerce.control
    .catalog(h.storeHash)
    .filter((e) => e.type === 'physical' && /^[A-Za-z0-9]+$/.test(e.sku) && !clean.has(e.sku))
    .map((e) => e.sku);
  return {
    cleanSkus: h.cleanSkus,
    awkwardSkus: h.demo.store.awkwardSkus,
    missingSkuVariantIds: h.demo.store.missingSkuVariantIds,
    notInWhistl,
    unmappedMethod: 'Pigeon Post',
  };
}

const METHODS = ['Royal Mail Tracked 48', 'DPD Next Day'];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** The order mix: mostly clean, with every kind of order that cannot flow. */
export function chooseKind(random: () => number, catalogue: Catalogue): OrderKind {
  const r = random();
  if (r < 0.55) return 'clean';
  if (r < 0.7) return 'multi-address';
  if (r < 0.75) return 'unpaid';
  if (r < 0.81) return 'unmapped-method';
  if (r < 0.86 && catalogue.awkwardSkus.length > 0) return 'bad-sku';
  if (r < 0.9 && catalogue.missingSkuVariantIds.length > 0) return 'missing-sku';
  if (r < 0.95 && catalogue.notInWhistl.length > 0) return 'unknown-to-whistl';
  return 'bad-postcode';
}

/** Places one shopper order of the given kind, as checkout would (webhooks fire). */
export function placeShopperOrder(h: FulfilmentHarness, catalogue: Catalogue, kind: OrderKind, random: () => number): PlacedOrder {
  const cleanLines = (n: number, addressIndex = 0) =>
    Array.from({ length: n }, () => ({ sku: pick(random, catalogue.cleanSkus), quantity: 1 + Math.floor(random() * 3), addressIndex }));
  const method = pick(random, METHODS);
  let lines: PlaceOrderRequest['lines'] = cleanLines(1 + Math.floor(random() * 2));
  let addresses = [ukAddress(method)];
  let statusId = 11;
  switch (kind) {
    case 'clean':
      break;
    case 'multi-address':
      addresses = [ukAddress(method), ukAddress(pick(random, METHODS), { first_name: 'Grace', street_1: '2 Oxford Road', zip: 'M1 5QA' })];
      lines = [...cleanLines(1, 0), ...cleanLines(1, 1)];
      break;
    case 'unpaid':
      statusId = 1;
      break;
    case 'unmapped-method':
      addresses = [ukAddress(catalogue.unmappedMethod)];
      break;
    case 'bad-sku':
      lines = [...cleanLines(1), { sku: pick(random, catalogue.awkwardSkus), quantity: 1 }];
      break;
    case 'missing-sku':
      lines = [...cleanLines(1), { variantId: pick(random, catalogue.missingSkuVariantIds), quantity: 1 }];
      break;
    case 'unknown-to-whistl':
      lines = [...cleanLines(1), { sku: pick(random, catalogue.notInWhistl), quantity: 1 }];
      break;
    case 'bad-postcode':
      addresses = [ukAddress(method, { zip: 'NOT A POSTCODE' })];
      break;
  }
  const order = h.demo.bigcommerce.control.placeOrder(h.storeHash, {
    lines,
    addresses,
    billingAddress: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.co.uk' },
    statusId,
  });
  const units = new Map<string, number>();
  for (const line of order.lines) {
    if (line.type !== 'physical' || !line.sku) continue;
    units.set(line.sku, (units.get(line.sku) ?? 0) + line.quantity);
  }
  return { bcOrderId: order.id, kind, units, addresses: addresses.length };
}

/** Repeated background work that can be stopped and awaited. */
export function every(ms: () => number, tick: () => Promise<void> | void, onError: (error: unknown) => void): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    timer = setTimeout(() => {
      running = Promise.resolve()
        .then(tick)
        .catch(onError)
        .finally(() => {
          if (!stopped) schedule();
        });
    }, ms());
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Brings every webhook that got through at least once up to three deliveries (BigCommerce's own
 * duplicate knob gives two; this replays the signed request once more, as a retrying sender
 * would). Webhooks the simulators dropped on every attempt stay undelivered.
 */
export class WebhookTripler {
  private readonly bcCounts = new Map<string, number>();
  private bcSeen = 0;
  private whistlSeen = 0;
  replayed = 0;

  constructor(private readonly h: FulfilmentHarness) {}

  async topUp(): Promise<void> {
    const bc = this.h.deliveries.slice(this.bcSeen);
    this.bcSeen += bc.length;
    const byHash = new Map<string, (typeof bc)[number]>();
    for (const delivery of bc) {
      const hash = hashOf(delivery.body);
      this.bcCounts.set(hash, (this.bcCounts.get(hash) ?? 0) + 1);
      byHash.set(hash, delivery);
    }
    for (const [hash, delivery] of byHash) {
      while ((this.bcCounts.get(hash) ?? 0) < 3) {
        this.bcCounts.set(hash, (this.bcCounts.get(hash) ?? 0) + 1);
        this.replayed += 1;
        const response = await bigCommerceWebhookPOST(
          new Request('http://localhost/api/webhooks/bigcommerce', { method: 'POST', body: delivery.body, headers: delivery.headers }),
        );
        if (response.status >= 500) throw new Error(`BigCommerce webhook replay answered ${response.status}`);
      }
    }
    const whistl = this.h.whistlDeliveries.slice(this.whistlSeen);
    this.whistlSeen += whistl.length;
    for (const delivery of whistl) {
      for (let i = 0; i < 2; i += 1) {
        this.replayed += 1;
        const response = await this.h.postWhistlWebhook(delivery.path, delivery.body);
        if (response.status >= 500) throw new Error(`Whistl webhook replay answered ${response.status}`);
      }
    }
  }
}

function hashOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'hash' in parsed && typeof parsed.hash === 'string') return parsed.hash;
  } catch {
    // fall through: an unparseable body is its own webhook
  }
  return body;
}
