import { z } from 'zod';
import type { StockLevel } from '../types';
import { flag, optionalNumber, ukDate } from './common';

export const stockLevels = z.array(
  z
    .object({
      ProductId: z.number(),
      WarehouseId: z.number().nullish(),
      SKU: z.string(),
      Level: z.number(),
      TotalStockLevel: z.number(),
      PreOrderable: flag,
      Bundle: flag,
      LowStockLevel: optionalNumber,
      LastUpdated: ukDate,
    })
    .transform(
      (s): StockLevel => ({
        productId: s.ProductId,
        warehouseId: s.WarehouseId ?? 0,
        sku: s.SKU,
        level: s.Level,
        totalStockLevel: s.TotalStockLevel,
        preOrderable: s.PreOrderable,
        bundle: s.Bundle,
        lowStockLevel: s.LowStockLevel,
        lastUpdated: s.LastUpdated,
      }),
    ),
);
