/**
 * The control API: the same typed operations in-process (`sandbox.control`) and over HTTP under
 * `/_sandbox/...`. Every input is parsed with zod; invalid input is a `ControlInputError`
 * (HTTP 400 with a message).
 */
import { z } from 'zod';
import { clearAppExtensions, findAppExtension, listAppExtensions, type AppExtensionRecord } from './app-extensions';
import { settleIdle, type SandboxCore } from './core';
import type { FaultSettings, Order, StoreState, StoreUser } from './model';
import { productInventoryKey, variantInventoryKey } from './model';
import { DEFAULT_SCOPES, issueInstallCode, signPayload, authCallbackUrl, type SignedPayload } from './oauth';
import { archiveOrder, changeOrderStatus, ControlError, placeOrder, type PlaceOrderInput } from './orders';
import { serializeShipment } from './serialize';
import { seedStore, type SeedStoreInput } from './store';
import { inventoryItems } from './routes/inventory';
import { MAX_STATUS_ID } from './statuses';

export class ControlInputError extends Error {}
export { ControlError };

const hashSchema = z.string().regex(/^[a-z0-9]{1,32}$/, 'store hash must be 1-32 lowercase letters or digits');
const userSchema = z.object({ id: z.number().int().positive().optional(), email: z.email(), locale: z.string().min(2).optional() });
const quotaSchema = z.object({ requests: z.number().int().positive(), windowMs: z.number().int().positive() });
const methodSchema = z.union([
  z.string().min(1),
  z.object({
    name: z.string().min(1),
    type: z.enum(['perorder', 'peritem', 'weight', 'total', 'freeshipping']).optional(),
    rate: z.number().nonnegative().optional(),
    enabled: z.boolean().optional(),
  }),
]);
const addressSchema = z.object({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  company: z.string().optional(),
  street_1: z.string().optional(),
  street_2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  zip: z.string().optional(),
  country: z.string().optional(),
  country_iso2: z.string().length(2).optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});

const seedStoreSchema = z.strictObject({
  hash: hashSchema.optional(),
  name: z.string().min(1).optional(),
  owner: userSchema.optional(),
  users: z.array(userSchema).optional(),
  quota: quotaSchema.optional(),
  productCount: z.number().int().min(0).max(20_000).optional(),
  awkwardSkus: z.object({ nonAlphanumeric: z.number().int().min(0).optional(), missing: z.number().int().min(0).optional() }).optional(),
  products: z
    .array(
      z.object({
        name: z.string().min(1),
        sku: z.string(),
        type: z.enum(['physical', 'digital']).optional(),
        price: z.number().nonnegative().optional(),
        weight: z.number().nonnegative().optional(),
        inventoryTracking: z.enum(['none', 'product', 'variant']).optional(),
        stock: z.number().int().optional(),
        safetyStock: z.number().int().min(0).optional(),
        variants: z
          .array(
            z.object({
              sku: z.string(),
              options: z.record(z.string(), z.string()),
              price: z.number().nonnegative().optional(),
              stock: z.number().int().optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  defaultStock: z.number().int().min(0).optional(),
  shippingMethods: z.array(methodSchema).optional(),
  shippingZones: z
    .array(z.object({ name: z.string().min(1), countryIso2: z.string().length(2).optional(), methods: z.array(methodSchema) }))
    .optional(),
  customers: z
    .array(z.object({ email: z.email(), firstName: z.string().min(1), lastName: z.string().min(1), address: addressSchema.optional() }))
    .optional(),
});

const installCodeSchema = z.strictObject({ userId: z.number().int().positive().optional(), scope: z.string().min(1).optional() });
const signSchema = z.strictObject({
  kind: z.enum(['load', 'uninstall', 'remove_user']),
  userId: z.number().int().positive().optional(),
  url: z.string().optional(),
  channelId: z.number().int().positive().optional(),
});
const openExtensionSchema = z.strictObject({
  extensionId: z.string().min(1).optional(),
  /** The record the user is looking at: an order id for an ORDERS extension. */
  recordId: z.number().int().positive(),
  userId: z.number().int().positive().optional(),
});
const statusSchema = z.number().int().min(0).max(MAX_STATUS_ID);
const placeOrderSchema = z.strictObject({
  customerId: z.number().int().min(0).optional(),
  billingAddress: addressSchema.extend({ email: z.string().min(3) }).optional(),
  lines: z
    .array(
      z.object({
        sku: z.string().optional(),
        variantId: z.number().int().positive().optional(),
        quantity: z.number().int().positive(),
        type: z.enum(['physical', 'digital', 'giftcertificate']).optional(),
        name: z.string().min(1).optional(),
        price: z.number().nonnegative().optional(),
        addressIndex: z.number().int().min(0).optional(),
        recipientEmail: z.string().optional(),
      }),
    )
    .min(1, 'an order needs at least one line'),
  addresses: z
    .array(
      addressSchema.extend({
        first_name: z.string().min(1),
        last_name: z.string().min(1),
        street_1: z.string().min(1),
        city: z.string().min(1),
        zip: z.string(),
        shippingMethod: z.string(),
        shippingCost: z.number().nonnegative().optional(),
      }),
    )
    .optional(),
  statusId: statusSchema.optional(),
  paymentMethod: z.string().optional(),
  customerMessage: z.string().optional(),
  staffNotes: z.string().optional(),
  decrementStock: z.boolean().optional(),
});
const inventorySchema = z.strictObject({
  items: z
    .array(
      z
        .object({
          sku: z.string().min(1).optional(),
          variantId: z.number().int().positive().optional(),
          productId: z.number().int().positive().optional(),
          quantity: z.number().int().optional(),
          safetyStock: z.number().int().min(0).optional(),
        })
        .refine((item) => [item.sku, item.variantId, item.productId].filter((value) => value !== undefined).length === 1, {
          message: 'give exactly one of sku, variantId or productId',
        }),
    )
    .min(1),
});
const rate = z.number().min(0).max(1);
const faultsSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  errorRate: rate.optional(),
  errorAfterCommitRate: rate.optional(),
  storm: z.object({ durationMs: z.number().int().min(0), withHeaders: z.boolean().optional() }).optional(),
  dropWebhookRate: rate.optional(),
  duplicateWebhookRate: rate.optional(),
});

export type SeedStoreRequest = SeedStoreInput;
export type InstallCodeRequest = z.infer<typeof installCodeSchema>;
export type SignPayloadRequest = z.infer<typeof signSchema>;
export type PlaceOrderRequest = PlaceOrderInput;
export type SetInventoryRequest = z.infer<typeof inventorySchema>;
export type FaultsRequest = z.infer<typeof faultsSchema>;
export type OpenAppExtensionRequest = z.infer<typeof openExtensionSchema>;

export interface StoreSummary {
  hash: string;
  storeId: string;
  name: string;
  owner: StoreUser;
  users: StoreUser[];
  quota: { requests: number; windowMs: number };
  productCount: number;
  orderCount: number;
  shippingZones: { id: number; name: string; methods: { id: number; name: string }[] }[];
  customers: { id: number; email: string }[];
  installed: boolean;
}

export interface OrderSummary {
  id: number;
  statusId: number;
  customerId: number;
  addresses: { id: number; zip: string; shippingMethod: string }[];
  lines: { id: number; sku: string; quantity: number; quantityShipped: number; type: string; orderAddressId: number }[];
}

export interface InstallCodeResult {
  code: string;
  scope: string;
  context: string;
  expiresAt: number;
  /** `{appUrl}/api/app/auth?code&scope&context` when the app URL is known. */
  callbackUrl: string | undefined;
}

export interface CatalogEntry {
  productId: number;
  variantId: number;
  name: string;
  sku: string;
  type: 'physical' | 'digital';
  inventoryTracking: string;
  price: number;
}

export interface WebhookDeliveryRecord {
  webhookId: string;
  hookId: number;
  scope: string;
  hash: string;
  duplicate: boolean;
  attempt: number;
  dropped: boolean;
  status: number | null;
  error: string | null;
  payload: unknown;
}

export interface CallStatistics {
  calls: Record<string, number>;
  total: number;
  served429: number;
  injectedErrors: number;
  unauthorized: number;
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ControlInputError(z.prettifyError(result.error));
  return result.data;
}

function orderSummary(order: Order): OrderSummary {
  return {
    id: order.id,
    statusId: order.statusId,
    customerId: order.customerId,
    addresses: order.addresses.map((address) => ({ id: address.id, zip: address.zip, shippingMethod: address.shippingMethod })),
    lines: order.lines.map((line) => ({
      id: line.id,
      sku: line.sku,
      quantity: line.quantity,
      quantityShipped: line.quantityShipped,
      type: line.type,
      orderAddressId: line.orderAddressId,
    })),
  };
}

export class SandboxControl {
  constructor(private readonly core: SandboxCore) {}

  private store(hash: string): StoreState {
    const store = this.core.stores.get(hash);
    if (!store) throw new ControlError(`store ${hash} does not exist`, 404);
    return store;
  }

  private order(store: StoreState, orderId: number): Order {
    const order = store.orders.get(orderId);
    if (!order) throw new ControlError(`order ${orderId} does not exist in store ${store.hash}`, 404);
    return order;
  }

  seedStore(input: SeedStoreRequest): StoreSummary {
    const parsed = parse(seedStoreSchema, input);
    if (parsed.hash && this.core.stores.has(parsed.hash)) throw new ControlInputError(`store ${parsed.hash} already exists`);
    const store = seedStore(this.core, parsed);
    this.core.stores.set(store.hash, store);
    return this.getStore(store.hash);
  }

  getStore(hash: string): StoreSummary {
    const store = this.store(hash);
    return {
      hash: store.hash,
      storeId: store.storeId,
      name: store.name,
      owner: { ...store.owner },
      users: store.users.map((user) => ({ ...user })),
      quota: { ...store.quota },
      productCount: store.products.size,
      orderCount: store.orders.size,
      shippingZones: store.zones.map((zone) => ({
        id: zone.id,
        name: zone.name,
        methods: zone.methods.map((method) => ({ id: method.id, name: method.name })),
      })),
      customers: store.customers.map((customer) => ({ id: customer.id, email: customer.email })),
      installed: store.accessToken !== null,
    };
  }

  listStores(): string[] {
    return [...this.core.stores.keys()];
  }

  catalog(hash: string): CatalogEntry[] {
    const store = this.store(hash);
    return [...store.products.values()].flatMap((product) =>
      product.variants.map((variant) => ({
        productId: product.id,
        variantId: variant.id,
        name: product.name,
        sku: variant.sku,
        type: product.type,
        inventoryTracking: product.inventoryTracking,
        price: variant.price,
      })),
    );
  }

  issueInstallCode(hash: string, input: InstallCodeRequest = {}): InstallCodeResult {
    const parsed = parse(installCodeSchema, input);
    const store = this.store(hash);
    const user = parsed.userId === undefined ? store.owner : store.users.find((candidate) => candidate.id === parsed.userId);
    if (!user) throw new ControlError(`user ${parsed.userId ?? ''} does not exist in store ${hash}`);
    const code = issueInstallCode(this.core, store, user, parsed.scope ?? DEFAULT_SCOPES);
    const context = `stores/${store.hash}`;
    const callback = authCallbackUrl(this.core);
    const query = new URLSearchParams({ code: code.code, scope: code.scope, context });
    return { code: code.code, scope: code.scope, context, expiresAt: code.expiresAt, callbackUrl: callback ? `${callback}?${query.toString()}` : undefined };
  }

  /** Signs a load / uninstall / remove_user payload; uninstall also revokes the token and deletes hooks. */
  signPayload(hash: string, input: SignPayloadRequest): SignedPayload {
    const parsed = parse(signSchema, input);
    const store = this.store(hash);
    const user = parsed.userId === undefined ? store.owner : store.users.find((candidate) => candidate.id === parsed.userId);
    if (!user) throw new ControlError(`user ${parsed.userId ?? ''} does not exist in store ${hash}`);
    const payload = signPayload(this.core, store, { kind: parsed.kind, user, url: parsed.url, channelId: parsed.channelId });
    if (parsed.kind === 'uninstall') {
      store.accessToken = null;
      store.hooks.clear();
      clearAppExtensions(store, this.core.clientId);
    }
    if (parsed.kind === 'remove_user' && user.id !== store.owner.id) {
      store.users = store.users.filter((candidate) => candidate.id !== user.id);
    }
    return payload;
  }

  /** The App Extensions the app registered on the store (GraphQL `store { appExtensions }`). */
  appExtensions(hash: string): AppExtensionRecord[] {
    return listAppExtensions(this.store(hash), this.core.clientId);
  }

  /**
   * A user clicks the app's extension on a record page: the control panel loads the app with the
   * extension's url, `${id}` filled with the record id, as the signed payload's `url` claim.
   * Without `extensionId` the app's only (first) extension is used.
   */
  openAppExtension(hash: string, input: OpenAppExtensionRequest): SignedPayload & { url: string; extensionId: string } {
    const parsed = parse(openExtensionSchema, input);
    const store = this.store(hash);
    const extension = parsed.extensionId ? findAppExtension(store, this.core.clientId, parsed.extensionId) : listAppExtensions(store, this.core.clientId)[0];
    if (!extension) throw new ControlError(parsed.extensionId ? `app extension ${parsed.extensionId} does not exist in store ${hash}` : `the app has no App Extension on store ${hash}`, 404);
    if (!store.accessToken) throw new ControlError(`the app is not installed on store ${hash}`, 409);
    const url = extension.url.replaceAll('${id}', String(parsed.recordId));
    const payload = this.signPayload(hash, { kind: 'load', url, ...(parsed.userId ? { userId: parsed.userId } : {}) });
    return { ...payload, url, extensionId: extension.id };
  }

  /** The access token currently valid for the app on a store (null before install). */
  accessToken(hash: string): string | null {
    return this.store(hash).accessToken?.token ?? null;
  }

  placeOrder(hash: string, input: PlaceOrderRequest): OrderSummary {
    const parsed = parse(placeOrderSchema, input);
    const store = this.store(hash);
    return orderSummary(placeOrder(this.core, store, parsed));
  }

  getOrder(hash: string, orderId: number): OrderSummary {
    const store = this.store(hash);
    return orderSummary(this.order(store, orderId));
  }

  setOrderStatus(hash: string, orderId: number, statusId: number): OrderSummary {
    const status = parse(statusSchema, statusId);
    const store = this.store(hash);
    const order = this.order(store, orderId);
    changeOrderStatus(this.core, store, order, status);
    return orderSummary(order);
  }

  archiveOrder(hash: string, orderId: number): OrderSummary {
    const store = this.store(hash);
    const order = this.order(store, orderId);
    archiveOrder(this.core, store, order);
    return orderSummary(order);
  }

  /** Shipments of an order in their V2 wire shape. */
  shipments(hash: string, orderId: number): Record<string, unknown>[] {
    const store = this.store(hash);
    const order = this.order(store, orderId);
    return order.shipments.map((shipment) => serializeShipment(order, shipment));
  }

  /** Sets stock immediately (no async delay): the merchant editing stock in the control panel. */
  setInventory(hash: string, input: SetInventoryRequest): { key: string; onHand: number; safetyStock: number }[] {
    const parsed = parse(inventorySchema, input);
    const store = this.store(hash);
    const updates = parsed.items.map((item, index) => {
      let key: string | undefined;
      if (item.productId !== undefined) {
        const product = store.products.get(item.productId);
        if (product?.inventoryTracking === 'product') key = productInventoryKey(product.id);
      } else {
        const variant =
          item.variantId !== undefined
            ? store.variantsById.get(item.variantId)
            : [...store.variantsById.values()].find((candidate) => candidate.sku === item.sku);
        const product = variant ? store.products.get(variant.productId) : undefined;
        if (product && variant) {
          key = product.inventoryTracking === 'product' ? productInventoryKey(product.id) : product.inventoryTracking === 'variant' ? variantInventoryKey(variant.id) : undefined;
        }
      }
      const record = key ? store.inventory.get(key) : undefined;
      if (!key || !record) throw new ControlError(`items[${index}]: no tracked inventory item matches`);
      return { key, record, item };
    });
    return updates.map(({ key, record, item }) => {
      if (item.quantity !== undefined) record.onHand = item.quantity;
      if (item.safetyStock !== undefined) record.safetyStock = item.safetyStock;
      return { key, onHand: record.onHand, safetyStock: record.safetyStock };
    });
  }

  inventory(hash: string): { sku: string; productId: number; variantId: number; onHand: number; availableToSell: number }[] {
    return inventoryItems(this.store(hash)).map(({ product, variant, record }) => ({
      sku: product.inventoryTracking === 'product' ? product.sku : variant.sku,
      productId: product.id,
      variantId: variant.id,
      onHand: record.onHand,
      availableToSell: Math.max(0, record.onHand - record.safetyStock),
    }));
  }

  stats(hash: string): CallStatistics {
    const { stats } = this.store(hash);
    const calls = Object.fromEntries([...stats.calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
    return {
      calls,
      total: [...stats.calls.values()].reduce((sum, count) => sum + count, 0),
      served429: stats.served429,
      injectedErrors: stats.injectedErrors,
      unauthorized: stats.unauthorized,
    };
  }

  resetStats(hash: string): CallStatistics {
    const store = this.store(hash);
    store.stats = { calls: new Map(), served429: 0, injectedErrors: 0, unauthorized: 0 };
    return this.stats(hash);
  }

  setQuota(hash: string, quota: { requests: number; windowMs: number }): { requests: number; windowMs: number } {
    const parsed = parse(quotaSchema, quota);
    const store = this.store(hash);
    store.quota = parsed;
    store.rate = { startedAt: this.core.now(), used: 0 };
    return { ...store.quota };
  }

  setFaults(hash: string, input: FaultsRequest): FaultSettings {
    const parsed = parse(faultsSchema, input);
    const store = this.store(hash);
    const { storm, ...rest } = parsed;
    for (const [key, value] of Object.entries(rest) as [keyof typeof rest, number | undefined][]) {
      if (value !== undefined) store.faults[key] = value;
    }
    if (storm) {
      store.faults.stormUntil = this.core.now() + storm.durationMs;
      store.faults.stormWithHeaders = storm.withHeaders ?? true;
    }
    return { ...store.faults };
  }

  clearFaults(hash: string): FaultSettings {
    const store = this.store(hash);
    store.faults = {
      latencyMs: 0,
      errorRate: 0,
      errorAfterCommitRate: 0,
      stormUntil: 0,
      stormWithHeaders: true,
      dropWebhookRate: 0,
      duplicateWebhookRate: 0,
    };
    return { ...store.faults };
  }

  faults(hash: string): FaultSettings {
    return { ...this.store(hash).faults };
  }

  webhookDeliveries(hash: string): WebhookDeliveryRecord[] {
    return this.store(hash).deliveries.map((delivery) => ({
      webhookId: delivery.webhookId,
      hookId: delivery.hookId,
      scope: delivery.scope,
      hash: delivery.hash,
      duplicate: delivery.duplicate,
      attempt: delivery.attempt,
      dropped: delivery.dropped,
      status: delivery.status,
      error: delivery.error,
      payload: delivery.payload,
    }));
  }

  /** Resolves once async inventory adjustments and webhook deliveries queued so far are done. */
  idle(): Promise<void> {
    return settleIdle(this.core);
  }
}
