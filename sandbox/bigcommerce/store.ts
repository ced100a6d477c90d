/** Building a store from a seed, and the catalogue/inventory lookups shared by the handlers. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { SandboxCore } from './core';
import {
  DEFAULT_FAULTS,
  nextId,
  productInventoryKey,
  variantInventoryKey,
  type Customer,
  type InventoryRecord,
  type InventoryTracking,
  type PostalAddress,
  type Product,
  type StoreState,
  type StoreUser,
  type Variant,
} from './model';

export interface SeedUser {
  id?: number;
  email: string;
  locale?: string;
}

export interface SeedVariant {
  sku: string;
  /** Option name -> value label, e.g. `{ Size: 'L', Colour: 'Red' }`. */
  options: Record<string, string>;
  price?: number;
  stock?: number;
}

export interface SeedProduct {
  name: string;
  sku: string;
  type?: 'physical' | 'digital';
  price?: number;
  weight?: number;
  inventoryTracking?: InventoryTracking;
  /** Stock for product-level tracking (or every variant without its own `stock`). */
  stock?: number;
  safetyStock?: number;
  variants?: SeedVariant[];
}

export interface SeedShippingMethod {
  name: string;
  type?: 'perorder' | 'peritem' | 'weight' | 'total' | 'freeshipping';
  rate?: number;
  enabled?: boolean;
}

export interface SeedZone {
  name: string;
  countryIso2?: string;
  methods: (string | SeedShippingMethod)[];
}

export interface SeedCustomer {
  email: string;
  firstName: string;
  lastName: string;
  address?: Partial<PostalAddress>;
}

export interface SeedStoreInput {
  hash?: string;
  name?: string;
  owner?: SeedUser;
  users?: SeedUser[];
  quota?: { requests: number; windowMs: number };
  /** Generated products added after the explicit `products`. */
  productCount?: number;
  /** Among generated products: how many get a non-alphanumeric SKU and how many none at all. */
  awkwardSkus?: { nonAlphanumeric?: number; missing?: number };
  products?: SeedProduct[];
  defaultStock?: number;
  /** Shorthand for one "United Kingdom" zone with these method names. */
  shippingMethods?: (string | SeedShippingMethod)[];
  shippingZones?: SeedZone[];
  customers?: SeedCustomer[];
}

export const DEFAULT_SHIPPING_METHODS = ['Royal Mail Tracked 48', 'Royal Mail Tracked 24', 'DPD Next Day'];

export function randomHash(): string {
  return randomBytes(5).toString('hex').slice(0, 10);
}

function user(seed: SeedUser, fallbackId: number): StoreUser {
  return { id: seed.id ?? fallbackId, email: seed.email, locale: seed.locale ?? 'en-GB' };
}

function inventoryRecord(onHand: number, safetyStock = 0): InventoryRecord {
  return { onHand, safetyStock, warningLevel: 0, isInStock: true, binPickingNumber: '' };
}

export function emptyStore(core: SandboxCore, input: SeedStoreInput): StoreState {
  const hash = input.hash ?? randomHash();
  const owner = user(input.owner ?? { email: `owner@${hash}.example.com` }, 1);
  const users = [owner, ...(input.users ?? []).map((seed, index) => user(seed, 100 + index))];
  return {
    hash,
    storeId: String(1_000_000 + core.stores.size + 1),
    accountUuid: randomUUID(),
    name: input.name ?? `Sandbox store ${hash}`,
    quota: input.quota ?? { ...core.defaultQuota },
    owner,
    users,
    accessToken: null,
    products: new Map(),
    variantsById: new Map(),
    inventory: new Map(),
    zones: [],
    customers: [],
    orders: new Map(),
    hooks: new Map(),
    faults: { ...DEFAULT_FAULTS },
    stats: { calls: new Map(), served429: 0, injectedErrors: 0, unauthorized: 0 },
    rate: { startedAt: core.now(), used: 0 },
    deliveries: [],
    ids: {
      product: 110,
      variant: 200,
      skuId: 300,
      option: 400,
      order: 99,
      orderLine: 0,
      orderAddress: 0,
      shipment: 0,
      hook: 20_000_000,
      customer: 0,
      zone: 0,
      method: 0,
      giftCertificate: 0,
    },
  };
}

export function addProduct(core: SandboxCore, store: StoreState, seed: SeedProduct, defaultStock: number): Product {
  const now = core.now();
  const id = nextId(store, 'product');
  const tracking = seed.inventoryTracking ?? (seed.variants && seed.variants.length > 0 ? 'variant' : 'product');
  const price = seed.price ?? 10;
  const weight = seed.weight ?? 0.5;
  const baseVariant: Variant = { id: nextId(store, 'variant'), productId: id, sku: seed.sku, skuId: null, optionValues: [], price, weight };
  const optionIds = new Map<string, number>();
  const variants: Variant[] =
    seed.variants && seed.variants.length > 0
      ? seed.variants.map((variantSeed) => ({
          id: nextId(store, 'variant'),
          productId: id,
          sku: variantSeed.sku,
          skuId: nextId(store, 'skuId'),
          price: variantSeed.price ?? price,
          weight,
          optionValues: Object.entries(variantSeed.options).map(([name, label]) => {
            let optionId = optionIds.get(name);
            if (optionId === undefined) {
              optionId = nextId(store, 'option');
              optionIds.set(name, optionId);
            }
            return { id: nextId(store, 'option'), option_id: optionId, option_display_name: name, label };
          }),
        }))
      : [baseVariant];
  const product: Product = {
    id,
    name: seed.name,
    type: seed.type ?? 'physical',
    sku: seed.sku,
    price,
    costPrice: Math.round(price * 45) / 100,
    weight,
    inventoryTracking: tracking,
    baseVariantId: seed.variants && seed.variants.length > 0 ? null : baseVariant.id,
    variants,
    brand: '',
    binPickingNumber: '',
    dateCreated: now,
    dateModified: now,
  };
  store.products.set(id, product);
  for (const variant of variants) store.variantsById.set(variant.id, variant);
  if (tracking === 'product') {
    store.inventory.set(productInventoryKey(id), inventoryRecord(seed.stock ?? defaultStock, seed.safetyStock));
  } else if (tracking === 'variant') {
    for (const [index, variant] of variants.entries()) {
      const variantSeed = seed.variants?.[index];
      store.inventory.set(variantInventoryKey(variant.id), inventoryRecord(variantSeed?.stock ?? seed.stock ?? defaultStock, seed.safetyStock));
    }
  }
  return product;
}

const SIZES = ['S', 'M', 'L'];
const COLOURS = ['Red', 'Navy', 'Black'];
const NOUNS = ['Tee', 'Hoodie', 'Mug', 'Tote Bag', 'Beanie', 'Notebook', 'Poster', 'Socks', 'Candle', 'Water Bottle'];

/** Deterministic generated catalogue: a mix of simple products and size variants, all tracking modes. */
export function generatedProducts(count: number, awkward: { nonAlphanumeric?: number; missing?: number } = {}): SeedProduct[] {
  const products: SeedProduct[] = [];
  let nonAlpha = awkward.nonAlphanumeric ?? 0;
  let missing = awkward.missing ?? 0;
  for (let index = 1; index <= count; index += 1) {
    const noun = NOUNS[index % NOUNS.length] ?? 'Item';
    const colour = COLOURS[index % COLOURS.length] ?? 'Red';
    const code = `${noun.replace(/\s+/g, '').slice(0, 4).toUpperCase()}${String(index).padStart(4, '0')}`;
    const price = 5 + ((index * 37) % 60) + 0.99;
    const hasVariants = index % 3 === 0;
    const tracking: InventoryTracking = index % 11 === 0 ? 'none' : hasVariants ? (index % 2 === 0 ? 'product' : 'variant') : 'product';
    const awkwardSku = (base: string, size?: string): string => {
      if (nonAlpha > 0) {
        nonAlpha -= 1;
        return `${noun.toUpperCase().replace(/\s+/g, '-')}-${colour.toUpperCase()}/${size ?? 'OS'}`;
      }
      if (missing > 0) {
        missing -= 1;
        return '';
      }
      return base;
    };
    if (hasVariants) {
      products.push({
        name: `${colour} ${noun} ${index}`,
        sku: code,
        price,
        inventoryTracking: tracking,
        variants: SIZES.map((size, sizeIndex) => ({
          sku: sizeIndex === 2 ? awkwardSku(`${code}${size}`, size) : `${code}${size}`,
          options: { Size: size },
        })),
      });
    } else {
      products.push({ name: `${colour} ${noun} ${index}`, sku: awkwardSku(code), price, inventoryTracking: tracking });
    }
  }
  return products;
}

function defaultAddress(seed: SeedCustomer, index: number): PostalAddress {
  return {
    first_name: seed.firstName,
    last_name: seed.lastName,
    company: '',
    street_1: `${10 + index} High Street`,
    street_2: '',
    city: 'London',
    state: 'Greater London',
    zip: 'SW1A 1AA',
    country: 'United Kingdom',
    country_iso2: 'GB',
    phone: '07700900000',
    email: seed.email,
    ...seed.address,
  };
}

export function seedStore(core: SandboxCore, input: SeedStoreInput): StoreState {
  const store = emptyStore(core, input);
  const stock = input.defaultStock ?? 100;
  for (const product of input.products ?? []) addProduct(core, store, product, stock);
  for (const product of generatedProducts(input.productCount ?? 0, input.awkwardSkus)) addProduct(core, store, product, stock);
  const zones: SeedZone[] = input.shippingZones ?? [
    { name: 'United Kingdom', countryIso2: 'GB', methods: input.shippingMethods ?? DEFAULT_SHIPPING_METHODS },
  ];
  for (const zone of zones) {
    store.zones.push({
      id: nextId(store, 'zone'),
      name: zone.name,
      countryIso2: zone.countryIso2 ?? 'GB',
      enabled: true,
      methods: zone.methods.map((method) => {
        const seed = typeof method === 'string' ? { name: method } : method;
        return {
          id: nextId(store, 'method'),
          name: seed.name,
          type: seed.type ?? 'perorder',
          rate: seed.rate ?? 4.95,
          enabled: seed.enabled ?? true,
        };
      }),
    });
  }
  for (const [index, seed] of (input.customers ?? []).entries()) {
    const customer: Customer = {
      id: nextId(store, 'customer'),
      email: seed.email,
      firstName: seed.firstName,
      lastName: seed.lastName,
      address: defaultAddress(seed, index),
    };
    store.customers.push(customer);
  }
  return store;
}

export interface ResolvedItem {
  product: Product;
  variant: Variant;
}

/** Finds a purchasable variant by its SKU (base variant SKU of a simple product included). */
export function findBySku(store: StoreState, sku: string): ResolvedItem | undefined {
  if (sku === '') return undefined;
  for (const product of store.products.values()) {
    for (const variant of product.variants) {
      if (variant.sku === sku) return { product, variant };
    }
  }
  return undefined;
}

export function findByVariantId(store: StoreState, variantId: number): ResolvedItem | undefined {
  const variant = store.variantsById.get(variantId);
  const product = variant ? store.products.get(variant.productId) : undefined;
  return variant && product ? { product, variant } : undefined;
}

/** The inventory key stock for this variant lives under, or undefined when untracked. */
export function inventoryKeyFor(product: Product, variant: Variant): string | undefined {
  if (product.inventoryTracking === 'product') return productInventoryKey(product.id);
  if (product.inventoryTracking === 'variant') return variantInventoryKey(variant.id);
  return undefined;
}
