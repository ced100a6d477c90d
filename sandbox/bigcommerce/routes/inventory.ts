/**
 * V3 inventory: items at the (single) default location, and absolute/relative adjustments that
 * are validated at once but applied asynchronously, like the platform's batched processing.
 */
import { randomUUID } from 'node:crypto';
import { schedule, type SandboxCore } from '../core';
import { isRecord, json, listParam, v3Error } from '../http';
import { DEFAULT_LOCATION, productInventoryKey, variantInventoryKey, type Product, type StoreState, type Variant } from '../model';
import { serializeInventoryItem, type InventoryItemRef } from '../serialize';
import { emitEvent } from '../webhooks';
import { v3List, v3Page, type RestContext, type RestRouter } from './context';

export const MAX_ADJUSTMENT_ITEMS = 2000;

type Identity = { kind: 'sku'; value: string } | { kind: 'variant_id'; value: number } | { kind: 'product_id'; value: number };

interface ResolvedAdjustment {
  key: string;
  product: Product;
  variant: Variant | undefined;
  quantity: number;
}

function describe(identity: Identity): string {
  return `${identity.kind} ${identity.value}`;
}

/** Every tracked inventory item of the store, in product/variant id order. */
export function inventoryItems(store: StoreState): InventoryItemRef[] {
  const items: InventoryItemRef[] = [];
  for (const product of store.products.values()) {
    if (product.inventoryTracking === 'product') {
      const key = productInventoryKey(product.id);
      const record = store.inventory.get(key);
      const variant = (product.baseVariantId === null ? undefined : store.variantsById.get(product.baseVariantId)) ?? product.variants[0];
      if (record && variant) items.push({ product, variant, key, record });
    } else if (product.inventoryTracking === 'variant') {
      for (const variant of product.variants) {
        const key = variantInventoryKey(variant.id);
        const record = store.inventory.get(key);
        if (record) items.push({ product, variant, key, record });
      }
    }
  }
  return items;
}

function resolveIdentity(store: StoreState, identity: Identity): { product: Product; variant: Variant | undefined } | undefined {
  if (identity.kind === 'product_id') {
    const product = store.products.get(identity.value);
    return product ? { product, variant: undefined } : undefined;
  }
  if (identity.kind === 'variant_id') {
    const variant = store.variantsById.get(identity.value);
    const product = variant ? store.products.get(variant.productId) : undefined;
    return product ? { product, variant } : undefined;
  }
  if (identity.value === '') return undefined;
  for (const product of store.products.values()) {
    const variant = product.variants.find((candidate) => candidate.sku === identity.value);
    if (variant) return { product, variant };
  }
  for (const product of store.products.values()) {
    if (product.sku === identity.value) return { product, variant: undefined };
  }
  return undefined;
}

function parseAdjustments(store: StoreState, body: unknown, absolute: boolean): ResolvedAdjustment[] {
  if (!isRecord(body) || !Array.isArray(body.items)) {
    throw v3Error(422, 'JSON data is missing or invalid', { items: 'items is required and must be an array' }, true);
  }
  if (body.reason !== undefined && typeof body.reason !== 'string') {
    throw v3Error(422, 'JSON data is missing or invalid', { reason: 'reason must be a string' }, true);
  }
  const items: unknown[] = body.items;
  if (items.length === 0) throw v3Error(422, 'JSON data is missing or invalid', { items: 'at least one item is required' }, true);
  if (items.length > MAX_ADJUSTMENT_ITEMS) {
    throw v3Error(422, `The number of items exceeds the limit of ${MAX_ADJUSTMENT_ITEMS}`, { items: `at most ${MAX_ADJUSTMENT_ITEMS} items` }, true);
  }
  const fieldErrors: Record<string, string> = {};
  const problems: string[] = [];
  const resolved: ResolvedAdjustment[] = [];
  for (const [index, raw] of items.entries()) {
    if (!isRecord(raw)) {
      fieldErrors[`items.${index}`] = 'must be an object';
      continue;
    }
    const identities: Identity[] = [];
    if (typeof raw.sku === 'string') identities.push({ kind: 'sku', value: raw.sku });
    if (typeof raw.variant_id === 'number' && Number.isInteger(raw.variant_id)) identities.push({ kind: 'variant_id', value: raw.variant_id });
    if (typeof raw.product_id === 'number' && Number.isInteger(raw.product_id)) identities.push({ kind: 'product_id', value: raw.product_id });
    const [identity] = identities;
    if (!identity || identities.length > 1) {
      fieldErrors[`items.${index}`] = 'exactly one of sku, variant_id or product_id is required';
      continue;
    }
    if (typeof raw.location_id !== 'number' || !Number.isInteger(raw.location_id)) {
      fieldErrors[`items.${index}.location_id`] = 'location_id is required and must be an integer';
      continue;
    }
    if (raw.location_id !== DEFAULT_LOCATION.id) {
      problems.push(`Location with id ${raw.location_id} not found`);
      continue;
    }
    const quantity = raw.quantity;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || (absolute && quantity < 0) || Math.abs(quantity) > 1_000_000_000) {
      fieldErrors[`items.${index}.quantity`] = absolute ? 'quantity must be an integer from 0 to 1000000000' : 'quantity must be an integer';
      continue;
    }
    const found = resolveIdentity(store, identity);
    if (!found) {
      problems.push(`Item with ${describe(identity)} not found`);
      continue;
    }
    const { product, variant } = found;
    if (product.inventoryTracking === 'none') {
      problems.push(`Item with ${describe(identity)} is not tracked, please enable inventory tracking`);
      continue;
    }
    if (product.inventoryTracking === 'product' && identity.kind !== 'product_id') {
      problems.push(`Item with ${describe(identity)} is tracked by product, please update stock by product id`);
      continue;
    }
    if (product.inventoryTracking === 'variant' && (identity.kind === 'product_id' || !variant)) {
      problems.push(`Item with ${describe(identity)} is tracked by variant, please update stock by variant id or sku`);
      continue;
    }
    const key = product.inventoryTracking === 'product' ? productInventoryKey(product.id) : variantInventoryKey(variant?.id ?? 0);
    resolved.push({ key, product, variant, quantity });
  }
  if (Object.keys(fieldErrors).length > 0) throw v3Error(422, 'JSON data is missing or invalid', fieldErrors, true);
  if (problems.length > 0) throw v3Error(422, `[${problems.join(', ')}]`, {}, true);
  return resolved;
}

function applyAdjustments(core: SandboxCore, store: StoreState, adjustments: ResolvedAdjustment[], absolute: boolean): void {
  const method = absolute ? 'absolute' : 'relative';
  for (const adjustment of adjustments) {
    const record = store.inventory.get(adjustment.key);
    if (!record) continue;
    record.onHand = absolute ? adjustment.quantity : record.onHand + adjustment.quantity;
    adjustment.product.dateModified = core.now();
    if (adjustment.product.inventoryTracking === 'product') {
      emitEvent(core, store, 'store/product/inventory/updated', {
        type: 'product',
        id: adjustment.product.id,
        inventory: { product_id: adjustment.product.id, method, value: adjustment.quantity },
      });
    } else if (adjustment.variant) {
      emitEvent(core, store, 'store/sku/inventory/updated', {
        type: 'sku',
        id: adjustment.variant.skuId ?? adjustment.variant.id,
        inventory: { product_id: adjustment.product.id, method, value: adjustment.quantity, variant_id: adjustment.variant.id },
      });
    }
  }
}

function adjust(ctx: RestContext, absolute: boolean) {
  const adjustments = parseAdjustments(ctx.store, ctx.body, absolute);
  const { core, store } = ctx;
  schedule(core, core.inventoryDelayMs, () => applyAdjustments(core, store, adjustments, absolute));
  ctx.committed = true;
  return json(200, { transaction_id: randomUUID() });
}

function idList(query: URLSearchParams, name: string): number[] | undefined {
  const values = listParam(query, name);
  if (values === undefined) return undefined;
  if (values.some((value) => !/^\d+$/.test(value))) throw v3Error(422, `Invalid ${name}`, { [name]: 'must be a list of integers' }, true);
  return values.map(Number);
}

export function registerInventoryRoutes(router: RestRouter): void {
  router
    .add('GET', '/v3/inventory/items', (ctx) => {
      const { query } = ctx;
      const page = v3Page(query, 1000);
      const skus = listParam(query, 'sku:in');
      const variantIds = idList(query, 'variant_id:in');
      const productIds = idList(query, 'product_id:in');
      const locationIds = idList(query, 'location_id:in');
      if (locationIds && !locationIds.includes(DEFAULT_LOCATION.id)) {
        return v3List([], page, query, serializeInventoryItem);
      }
      const items = inventoryItems(ctx.store).filter(({ product, variant }) => {
        const byProduct = product.inventoryTracking === 'product';
        const sku = byProduct ? product.sku : variant.sku;
        if (skus && !skus.includes(sku)) return false;
        const variantId = byProduct ? product.baseVariantId : variant.id;
        if (variantIds && (variantId === null || !variantIds.includes(variantId))) return false;
        if (productIds && !productIds.includes(product.id)) return false;
        return true;
      });
      return v3List(items, page, query, serializeInventoryItem);
    })
    .add('PUT', '/v3/inventory/adjustments/absolute', (ctx) => adjust(ctx, true))
    .add('POST', '/v3/inventory/adjustments/relative', (ctx) => adjust(ctx, false));
}
