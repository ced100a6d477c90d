/** V3 catalog: variants by SKU and products (`sku`, `sku:in`, `id:in`, `include=variants`, `include_fields`). */
import { intParam, listParam, v3Error } from '../http';
import type { Product, Variant } from '../model';
import { serializeProduct, serializeVariant } from '../serialize';
import { v3List, v3Page, type RestRouter } from './context';

function idList(query: URLSearchParams, name: string): number[] | undefined {
  const values = listParam(query, name);
  if (values === undefined) return undefined;
  if (values.some((value) => !/^\d+$/.test(value))) throw v3Error(422, `Invalid ${name}`, { [name]: 'must be a list of integers' });
  return values.map(Number);
}

export function registerCatalogRoutes(router: RestRouter): void {
  router
    .add('GET', '/v3/catalog/variants', (ctx) => {
      const { query, store } = ctx;
      const page = v3Page(query, 250);
      const sku = query.get('sku');
      const id = intParam(query, 'id');
      if (id === null) throw v3Error(422, 'Invalid id', { id: 'must be an integer' });
      const productIds = idList(query, 'product_id:in');
      const variants: { product: Product; variant: Variant }[] = [];
      for (const product of store.products.values()) {
        if (productIds && !productIds.includes(product.id)) continue;
        for (const variant of product.variants) {
          if (sku !== null && variant.sku !== sku) continue;
          if (id !== undefined && variant.id !== id) continue;
          variants.push({ product, variant });
        }
      }
      return v3List(variants, page, query, ({ product, variant }) => serializeVariant(store, product, variant));
    })
    .add('GET', '/v3/catalog/products', (ctx) => {
      const { query, store } = ctx;
      const include = listParam(query, 'include') ?? [];
      const page = v3Page(query, 250);
      const sku = query.get('sku');
      const skus = listParam(query, 'sku:in');
      const ids = idList(query, 'id:in');
      const id = intParam(query, 'id');
      if (id === null) throw v3Error(422, 'Invalid id', { id: 'must be an integer' });
      const matchesSku = (product: Product, wanted: string[]): boolean =>
        wanted.includes(product.sku) || product.variants.some((variant) => variant.sku !== '' && wanted.includes(variant.sku));
      const products = [...store.products.values()].filter((product) => {
        if (id !== undefined && product.id !== id) return false;
        if (ids && !ids.includes(product.id)) return false;
        if (sku !== null && !matchesSku(product, [sku])) return false;
        if (skus && !matchesSku(product, skus)) return false;
        return true;
      });
      // include_fields: the id and the listed fields; sub-resources asked for with include still come.
      const fields = listParam(query, 'include_fields');
      const keep = fields ? new Set(['id', ...fields, ...include]) : null;
      return v3List(products, page, query, (product) => {
        const body = serializeProduct(store, product, include.includes('variants'));
        return keep ? Object.fromEntries(Object.entries(body).filter(([key]) => keep.has(key))) : body;
      });
    });
}
