/**
 * The demo store: a few hundred products (variants, all three tracking modes), about ten SKUs
 * Whistl would reject (non-alphanumeric or missing), UK and international shipping methods of
 * which some are not mapped yet, a handful of customers, and realistic random shopper orders.
 */
import type { CatalogEntry, OrderSummary, PlaceOrderRequest, StoreSummary } from './control';
import type { BigCommerceSandbox } from './server';

export interface DemoSeedOptions {
  hash?: string;
  /** Generated products (default 300). */
  productCount?: number;
  /** Seed of the order generator (default 42), for reproducible demos. */
  seed?: number;
  ownerEmail?: string;
}

export interface DemoStore {
  hash: string;
  summary: StoreSummary;
  /** SKUs a strict 3PL would reject (non-alphanumeric); `missingSkuVariantIds` have no SKU at all. */
  awkwardSkus: string[];
  missingSkuVariantIds: number[];
  /** Shipping method names the demo expects to be unmapped at first. */
  unmappedMethods: string[];
  /** Places one random, realistic shopper order (fires order webhooks like checkout does). */
  placeRandomOrder(): OrderSummary;
}

export const DEMO_MAPPED_METHODS = ['Royal Mail Tracked 48', 'Royal Mail Tracked 24', 'DPD Next Day'];
export const DEMO_UNMAPPED_METHODS = ['Free UK Delivery (3-5 days)', 'Saturday Courier', 'International Tracked'];

interface UkPlace {
  street: string;
  city: string;
  county: string;
  postcode: string;
}

const PLACES: UkPlace[] = [
  { street: '10 Downing Street', city: 'London', county: 'Greater London', postcode: 'SW1A 2AA' },
  { street: '221B Baker Street', city: 'London', county: 'Greater London', postcode: 'NW1 6XE' },
  { street: '1 Deansgate', city: 'Manchester', county: 'Greater Manchester', postcode: 'M3 1AZ' },
  { street: '14 New Street', city: 'Birmingham', county: 'West Midlands', postcode: 'B2 4RH' },
  { street: '3 Park Row', city: 'Leeds', county: 'West Yorkshire', postcode: 'LS1 5HD' },
  { street: '22 Queen Street', city: 'Cardiff', county: 'South Glamorgan', postcode: 'CF10 2BU' },
  { street: '5 Princes Street', city: 'Edinburgh', county: 'City of Edinburgh', postcode: 'EH2 2AN' },
  { street: '40 Buchanan Street', city: 'Glasgow', county: 'Glasgow City', postcode: 'G1 3LB' },
  { street: '8 Broad Quay', city: 'Bristol', county: 'Bristol', postcode: 'BS1 4DJ' },
  { street: '17 Grey Street', city: 'Newcastle upon Tyne', county: 'Tyne and Wear', postcode: 'NE1 6EE' },
  { street: '2 Castle Street', city: 'Belfast', county: 'County Antrim', postcode: 'BT1 1GH' },
  { street: '9 Lord Street', city: 'Liverpool', county: 'Merseyside', postcode: 'L2 1TS' },
];

const INVALID_POSTCODES = ['SW1A 2A', 'QQ1 1QQ', '12345', 'M3 1AZZ'];
const FIRST_NAMES = ['Olivia', 'Amelia', 'Isla', 'Ava', 'Noah', 'Oliver', 'George', 'Arthur', 'Leo', 'Freya', 'Harry', 'Mia'];
const LAST_NAMES = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Davies', 'Patel', 'Khan', 'Murphy', 'Walsh'];

/** mulberry32: small deterministic PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function seedDemoStore(sandbox: BigCommerceSandbox, options: DemoSeedOptions = {}): DemoStore {
  const hash = options.hash ?? 'demostore1';
  const customers = Array.from({ length: 6 }, (_, index) => {
    const place = PLACES[index % PLACES.length] ?? PLACES[0];
    const firstName = FIRST_NAMES[index] ?? 'Sam';
    const lastName = LAST_NAMES[index] ?? 'Smith';
    return {
      email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@example.co.uk`,
      firstName,
      lastName,
      address: { street_1: place?.street ?? '', city: place?.city ?? '', state: place?.county ?? '', zip: place?.postcode ?? '' },
    };
  });
  const summary = sandbox.control.seedStore({
    hash,
    name: 'Whistl Demo Outfitters',
    owner: { id: 1, email: options.ownerEmail ?? 'owner@demo-outfitters.example.com' },
    users: [
      { id: 2, email: 'ops@demo-outfitters.example.com' },
      { id: 3, email: 'support@demo-outfitters.example.com' },
    ],
    productCount: options.productCount ?? 300,
    awkwardSkus: { nonAlphanumeric: 7, missing: 3 },
    defaultStock: 40,
    products: [
      { name: 'Brand Style Guide (eBook)', sku: 'EBOOK001', type: 'digital', price: 4.99, inventoryTracking: 'none' },
      { name: 'Knitting Pattern Download', sku: 'PATTERN002', type: 'digital', price: 2.5, inventoryTracking: 'none' },
    ],
    shippingZones: [
      {
        name: 'United Kingdom',
        countryIso2: 'GB',
        methods: [
          { name: 'Royal Mail Tracked 48', rate: 3.95 },
          { name: 'Royal Mail Tracked 24', rate: 4.95 },
          { name: 'DPD Next Day', rate: 6.95 },
          { name: 'Free UK Delivery (3-5 days)', type: 'freeshipping', rate: 0 },
          { name: 'Saturday Courier', rate: 9.95 },
        ],
      },
      { name: 'Rest of the World', countryIso2: 'FR', methods: [{ name: 'International Tracked', rate: 14.5 }] },
    ],
    customers,
  });
  const catalog = sandbox.control.catalog(hash);
  const physical = catalog.filter((entry) => entry.type === 'physical');
  const digital = catalog.filter((entry) => entry.type === 'digital');
  const random = seededRandom(options.seed ?? 42);

  const lineFor = (entry: CatalogEntry, quantity: number, addressIndex: number): PlaceOrderRequest['lines'][number] =>
    entry.sku === '' ? { variantId: entry.variantId, quantity, addressIndex } : { sku: entry.sku, quantity, addressIndex };

  const address = (firstName: string, lastName: string, email: string, method: string) => {
    const place = pick(random, PLACES);
    const zip = random() < 0.05 ? pick(random, INVALID_POSTCODES) : place.postcode;
    return {
      first_name: firstName,
      last_name: lastName,
      street_1: place.street,
      city: place.city,
      state: place.county,
      zip,
      country: 'United Kingdom',
      country_iso2: 'GB',
      phone: `07700 900${String(Math.floor(random() * 1000)).padStart(3, '0')}`,
      email,
      shippingMethod: method,
    };
  };

  const placeRandomOrder = (): OrderSummary => {
    const registered = random() < 0.6 ? pick(random, summary.customers) : undefined;
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const email = registered?.email ?? `${firstName.toLowerCase()}.${lastName.toLowerCase()}${Math.floor(random() * 1000)}@example.com`;
    const method = random() < 0.12 ? pick(random, ['Free UK Delivery (3-5 days)', 'Saturday Courier']) : pick(random, DEMO_MAPPED_METHODS);
    const twoAddresses = random() < 0.08;
    const addresses = [address(firstName, lastName, email, method)];
    if (twoAddresses) addresses.push(address(pick(random, FIRST_NAMES), lastName, email, pick(random, DEMO_MAPPED_METHODS)));
    const lineCount = 1 + Math.floor(random() * 3);
    const lines: PlaceOrderRequest['lines'] = [];
    const used = new Set<number>();
    for (let index = 0; index < lineCount + (twoAddresses ? 1 : 0); index += 1) {
      const entry = pick(random, physical);
      if (used.has(entry.variantId)) continue;
      used.add(entry.variantId);
      const addressIndex = twoAddresses && index === lineCount ? 1 : 0;
      lines.push(lineFor(entry, 1 + Math.floor(random() * (random() < 0.8 ? 1 : 3)), addressIndex));
    }
    if (twoAddresses && !lines.some((line) => line.addressIndex === 1)) {
      const entry = physical.find((candidate) => !used.has(candidate.variantId)) ?? pick(random, physical);
      lines.push(lineFor(entry, 1, 1));
    }
    if (digital.length > 0 && random() < 0.08) lines.push({ sku: pick(random, digital).sku, quantity: 1 });
    if (random() < 0.05) {
      lines.push({ type: 'giftcertificate', name: '£25 Gift Certificate', price: 25, quantity: 1, recipientEmail: 'friend@example.com' });
    }
    return sandbox.control.placeOrder(hash, {
      customerId: registered?.id,
      billingAddress: { ...addresses[0], email },
      lines,
      addresses,
      statusId: random() < 0.9 ? 11 : 7,
      paymentMethod: pick(random, ['Credit Card', 'PayPal', 'Apple Pay']),
    });
  };

  return {
    hash,
    summary,
    awkwardSkus: catalog.filter((entry) => entry.sku !== '' && !/^[A-Za-z0-9]+$/.test(entry.sku)).map((entry) => entry.sku),
    missingSkuVariantIds: catalog.filter((entry) => entry.sku === '').map((entry) => entry.variantId),
    unmappedMethods: DEMO_UNMAPPED_METHODS,
    placeRandomOrder,
  };
}
