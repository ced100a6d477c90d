/** V3 catalog wire formats (variants, products with variants). */
import { z } from 'zod';
import type { CatalogProduct, CatalogVariant } from '../types';
import { text } from './common';

export const catalogVariantSchema = z
  .object({
    id: z.number().int(),
    product_id: z.number().int(),
    sku: text,
    sku_id: z.number().int().nullish(),
    inventory_level: z.number().int().nullish(),
    purchasing_disabled: z.boolean().optional(),
  })
  .transform(
    (variant): CatalogVariant => ({
      id: variant.id,
      productId: variant.product_id,
      sku: variant.sku,
      skuId: variant.sku_id ?? null,
      inventoryLevel: variant.inventory_level ?? null,
      purchasingDisabled: variant.purchasing_disabled ?? false,
    }),
  );

export const catalogProductSchema = z
  .object({
    id: z.number().int(),
    name: text,
    sku: text,
    type: text,
    inventory_tracking: z.enum(['none', 'product', 'variant']),
    inventory_level: z.number().int().nullish(),
    is_visible: z.boolean().optional(),
    variants: z.array(catalogVariantSchema).optional(),
  })
  .transform(
    (product): CatalogProduct => ({
      id: product.id,
      name: product.name,
      sku: product.sku,
      type: product.type,
      inventoryTracking: product.inventory_tracking,
      inventoryLevel: product.inventory_level ?? null,
      isVisible: product.is_visible ?? true,
      variants: product.variants ?? [],
    }),
  );
