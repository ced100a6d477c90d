/** V3 catalog look-ups by SKU. */
import type { Transport } from '../http';
import { chunk, collect, iterateV3 } from '../paging';
import type { CatalogProduct, CatalogVariant } from '../types';
import { catalogProductSchema, catalogVariantSchema } from '../wire/catalog';
import type { CallOptions } from './call-options';

/** SKUs per `sku:in` request: keeps URLs well under common 8 KB limits. */
export const PRODUCT_SKU_CHUNK = 50;

export function createCatalogApi(transport: Transport) {
  return {
    /** Variants whose SKU is exactly `sku` (the base variant of a simple product included). */
    getVariantsBySku(sku: string, options: CallOptions = {}): Promise<CatalogVariant[]> {
      return collect(iterateV3(transport, { path: '/v3/catalog/variants', query: { sku }, priority: options.priority }, catalogVariantSchema));
    },

    /** Products whose product-level SKU is one of `skus`, each with its variants. */
    async getProductsBySkus(skus: readonly string[], options: CallOptions = {}): Promise<CatalogProduct[]> {
      const products: CatalogProduct[] = [];
      for (const part of chunk([...new Set(skus)], PRODUCT_SKU_CHUNK)) {
        const query = { 'sku:in': part.join(','), include: 'variants' };
        products.push(...(await collect(iterateV3(transport, { path: '/v3/catalog/products', query, priority: options.priority }, catalogProductSchema))));
      }
      return products;
    },
  };
}

export type CatalogApi = ReturnType<typeof createCatalogApi>;
