import type { CatalogProduct } from '../../bigcommerce/api/types';
import { toWhistlSku } from '../rules';
import type { SkuRules } from '../types';

/** One stock-tracked BigCommerce item and the identifier an adjustment of it must use. */
export interface BigCommerceStockItem {
  bcSku: string;
  trackingMode: 'product' | 'variant';
  productId: number;
  /** Set for variant tracking (the variant adjusted). */
  variantId: number | null;
  /** The Whistl SKU the store's rules give, or why there is none. */
  whistlSku: string | null;
  skuProblem: string | null;
}

export interface BigCommerceCatalogRead {
  items: BigCommerceStockItem[];
  /** Tracked items without a SKU: nothing can match them. */
  withoutSku: number;
  untrackedProducts: number;
  /** BigCommerce requests made (catalog pages). */
  requests: number;
}

/** The items of one product that carry stock: the product itself, or each variant. */
export function stockItemsOf(product: CatalogProduct, rules: SkuRules): { items: BigCommerceStockItem[]; withoutSku: number } {
  const items: BigCommerceStockItem[] = [];
  let withoutSku = 0;
  const add = (bcSku: string, trackingMode: 'product' | 'variant', variantId: number | null) => {
    if (bcSku.trim() === '') {
      withoutSku += 1;
      return;
    }
    const resolved = toWhistlSku(bcSku, rules);
    items.push({
      bcSku,
      trackingMode,
      productId: product.id,
      variantId,
      whistlSku: 'sku' in resolved ? resolved.sku : null,
      skuProblem: 'problem' in resolved ? resolved.problem.message : null,
    });
  };
  if (product.inventoryTracking === 'product') add(product.sku, 'product', null);
  else if (product.inventoryTracking === 'variant') for (const variant of product.variants) add(variant.sku, 'variant', variant.id);
  return { items, withoutSku };
}

/**
 * Walks the whole catalog (a full reconciliation only): every stock-tracked item with its SKU,
 * tracking mode and ids, and the Whistl SKU the store's rules translate it to.
 */
export async function readBigCommerceItems(pages: AsyncIterable<CatalogProduct[]>, rules: SkuRules): Promise<BigCommerceCatalogRead> {
  const read: BigCommerceCatalogRead = { items: [], withoutSku: 0, untrackedProducts: 0, requests: 0 };
  for await (const products of pages) {
    read.requests += 1;
    for (const product of products) {
      if (product.inventoryTracking === 'none') {
        read.untrackedProducts += 1;
        continue;
      }
      const { items, withoutSku } = stockItemsOf(product, rules);
      read.items.push(...items);
      read.withoutSku += withoutSku;
    }
  }
  return read;
}
