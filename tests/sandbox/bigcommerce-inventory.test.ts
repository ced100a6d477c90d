import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asRecord, recordsOf, startInstalledStore, type InstalledStore } from './bigcommerce-harness';
import { catalogProductSchema } from '@/lib/bigcommerce/api/wire/catalog';
import { CATALOG_PRODUCT_FIELDS } from '@/lib/sync/inventory/deps';

let store: InstalledStore;

beforeEach(async () => {
  store = await startInstalledStore({
    products: [
      {
        name: 'Tee',
        sku: 'TEE',
        inventoryTracking: 'variant',
        variants: [
          { sku: 'TEE-RED/L', options: { Colour: 'Red', Size: 'L' }, stock: 5 },
          { sku: 'TEEBLUEL', options: { Colour: 'Blue', Size: 'L' }, stock: 7 },
          { sku: '', options: { Colour: 'Green', Size: 'L' }, stock: 1 },
        ],
      },
      { name: 'Mug', sku: 'MUG1', inventoryTracking: 'product', stock: 20, safetyStock: 2 },
      { name: 'Sticker', sku: 'STICKER1', inventoryTracking: 'none' },
    ],
    productCount: 30,
  });
});

afterEach(async () => {
  await store.close();
});

function catalogEntry(sku: string) {
  const entry = store.sandbox.control.catalog(store.hash).find((candidate) => candidate.sku === sku);
  if (!entry) throw new Error(`no ${sku}`);
  return entry;
}

async function item(query: string) {
  const response = await store.api('GET', `/v3/inventory/items?${query}`);
  expect(response.status).toBe(200);
  return recordsOf(asRecord(response.body).data);
}

describe('GET /v3/inventory/items', () => {
  it('reports per-location stock, available to sell and safety stock', async () => {
    const [mug] = await item('sku:in=MUG1');
    expect(asRecord(mug?.identity)).toMatchObject({ sku: 'MUG1', product_id: catalogEntry('MUG1').productId });
    const [location] = recordsOf(mug?.locations);
    expect(location).toMatchObject({ location_id: 1, total_inventory_onhand: 20, available_to_sell: 18, settings: expect.objectContaining({ safety_stock: 2 }) });
  });

  it('filters by sku:in and variant_id:in, and skips untracked products', async () => {
    const bySku = await item(`sku:in=${encodeURIComponent('TEE-RED/L,TEEBLUEL,STICKER1')}`);
    expect(bySku.map((entry) => asRecord(entry.identity).sku)).toEqual(['TEE-RED/L', 'TEEBLUEL']);
    const variantId = catalogEntry('TEEBLUEL').variantId;
    const byVariant = await item(`variant_id:in=${variantId}`);
    expect(byVariant).toHaveLength(1);
  });

  it('pages with meta.pagination', async () => {
    const response = await store.api('GET', '/v3/inventory/items?limit=10&page=2');
    const body = asRecord(response.body);
    const pagination = asRecord(asRecord(body.meta).pagination);
    expect(recordsOf(body.data)).toHaveLength(10);
    expect(pagination).toMatchObject({ per_page: 10, current_page: 2, count: 10 });
    expect(Number(pagination.total)).toBeGreaterThan(30);
    expect(asRecord(pagination.links).next).toContain('page=3');
  });
});

describe('inventory adjustments', () => {
  it('answers 200 with a transaction id and applies absolute adjustments asynchronously', async () => {
    const mug = catalogEntry('MUG1');
    const response = await store.api('PUT', '/v3/inventory/adjustments/absolute', {
      reason: 'Whistl stock sync',
      items: [
        { location_id: 1, product_id: mug.productId, quantity: 3 },
        { location_id: 1, sku: 'TEEBLUEL', quantity: 0 },
      ],
    });
    expect(response.status).toBe(200);
    expect(asRecord(response.body).transaction_id).toEqual(expect.any(String));
    // Not applied yet: the platform processes adjustments in the background.
    expect(recordsOf((await item('sku:in=MUG1'))[0]?.locations)[0]?.total_inventory_onhand).toBe(20);
    await store.sandbox.control.idle();
    expect(recordsOf((await item('sku:in=MUG1'))[0]?.locations)[0]?.total_inventory_onhand).toBe(3);
    expect(recordsOf((await item('sku:in=TEEBLUEL'))[0]?.locations)[0]?.total_inventory_onhand).toBe(0);
  });

  it('applies relative adjustments', async () => {
    const variantId = catalogEntry('TEE-RED/L').variantId;
    const response = await store.api('POST', '/v3/inventory/adjustments/relative', {
      reason: 'returns',
      items: [{ location_id: 1, variant_id: variantId, quantity: -2 }],
    });
    expect(response.status).toBe(200);
    await store.sandbox.control.idle();
    expect(recordsOf((await item(`variant_id:in=${variantId}`))[0]?.locations)[0]?.total_inventory_onhand).toBe(3);
  });

  it('answers 422 problem+json when the identifier does not match the tracking mode', async () => {
    const mug = catalogEntry('MUG1');
    const tee = catalogEntry('TEEBLUEL');
    const cases = [
      { location_id: 1, sku: 'MUG1', quantity: 1 },
      { location_id: 1, variant_id: mug.variantId, quantity: 1 },
      { location_id: 1, product_id: tee.productId, quantity: 1 },
      { location_id: 1, sku: 'STICKER1', quantity: 1 },
    ];
    for (const adjustment of cases) {
      const response = await store.api('PUT', '/v3/inventory/adjustments/absolute', { items: [adjustment] });
      expect(response.status, JSON.stringify(adjustment)).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(asRecord(response.body)).toMatchObject({ status: 422, title: expect.stringMatching(/tracked/) });
    }
    const mixed = await store.api('POST', '/v3/inventory/adjustments/relative', {
      items: [
        { location_id: 1, product_id: mug.productId, quantity: 1 },
        { location_id: 1, sku: 'MUG1', quantity: 1 },
      ],
    });
    expect(mixed.status).toBe(422);
    await store.sandbox.control.idle();
    // The valid item of a rejected batch was not applied either.
    expect(recordsOf((await item('sku:in=MUG1'))[0]?.locations)[0]?.total_inventory_onhand).toBe(20);
  });

  it('rejects more than 2000 items, unknown SKUs, unknown locations and malformed items with 422', async () => {
    const tooMany = Array.from({ length: 2001 }, () => ({ location_id: 1, sku: 'TEEBLUEL', quantity: 1 }));
    expect((await store.api('PUT', '/v3/inventory/adjustments/absolute', { items: tooMany })).status).toBe(422);
    expect((await store.api('PUT', '/v3/inventory/adjustments/absolute', { items: tooMany.slice(0, 2000) })).status).toBe(200);
    expect((await store.api('PUT', '/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'NOPE', quantity: 1 }] })).status).toBe(422);
    expect((await store.api('PUT', '/v3/inventory/adjustments/absolute', { items: [{ location_id: 2, sku: 'TEEBLUEL', quantity: 1 }] })).status).toBe(422);
    expect((await store.api('PUT', '/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'TEEBLUEL', quantity: -1 }] })).status).toBe(422);
    expect((await store.api('PUT', '/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, quantity: 1 }] })).status).toBe(422);
    expect((await store.api('PUT', '/v3/inventory/adjustments/absolute', {})).status).toBe(422);
  });
});

describe('catalog', () => {
  it('finds a variant by SKU, including non-alphanumeric ones', async () => {
    const response = await store.api('GET', `/v3/catalog/variants?sku=${encodeURIComponent('TEE-RED/L')}`);
    const data = recordsOf(asRecord(response.body).data);
    expect(data).toEqual([expect.objectContaining({ sku: 'TEE-RED/L', inventory_level: 5 })]);
    expect(recordsOf(data[0]?.option_values)).toEqual([
      expect.objectContaining({ option_display_name: 'Colour', label: 'Red' }),
      expect.objectContaining({ option_display_name: 'Size', label: 'L' }),
    ]);
    const none = await store.api('GET', '/v3/catalog/variants?sku=NOPE');
    expect(asRecord(none.body).data).toEqual([]);
  });

  it('lists products by sku:in with include=variants and paging', async () => {
    const response = await store.api('GET', '/v3/catalog/products?sku:in=MUG1,TEE&include=variants');
    const data = recordsOf(asRecord(response.body).data);
    expect(data.map((product) => product.sku).sort()).toEqual(['MUG1', 'TEE']);
    const tee = data.find((product) => product.sku === 'TEE');
    expect(tee?.inventory_tracking).toBe('variant');
    expect(recordsOf(tee?.variants).map((variant) => variant.sku)).toEqual(['TEE-RED/L', 'TEEBLUEL', '']);
    const paged = asRecord((await store.api('GET', '/v3/catalog/products?limit=5&page=3')).body);
    expect(asRecord(asRecord(paged.meta).pagination)).toMatchObject({ total: 33, per_page: 5, current_page: 3, total_pages: 7 });
  });

  it('include_fields returns the id and the fields asked for, plus the included variants', async () => {
    const response = await store.api('GET', `/v3/catalog/products?sku:in=TEE&include=variants&include_fields=${CATALOG_PRODUCT_FIELDS.join(',')}`);
    const [tee] = recordsOf(asRecord(response.body).data);
    expect(Object.keys(tee ?? {}).sort()).toEqual(['id', ...CATALOG_PRODUCT_FIELDS, 'variants'].sort());
    expect(recordsOf(tee?.variants)).toHaveLength(3);
    // What the reconciliation reads still parses.
    expect(catalogProductSchema.parse(tee).variants.map((variant) => variant.sku)).toEqual(['TEE-RED/L', 'TEEBLUEL', '']);
  });
});
