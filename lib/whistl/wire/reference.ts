import { z } from 'zod';
import type { CourierService, OrderStatus, Warehouse, WhistlProduct } from '../types';
import { flag, optionalText, ukDate } from './common';

export const apiKeyResponse = z.string().min(1, 'empty API key');

export const warehouses = z.array(
  z
    .object({ ID: z.number(), Name: z.string(), Code: z.string().nullish() })
    .transform((w): Warehouse => ({ id: w.ID, name: w.Name, code: w.Code ?? null })),
);

export const courierServices = z.array(
  z
    .object({
      Id: z.number(),
      Name: z.string(),
      TrackingURL: z.string().nullish(),
      Active: z.boolean().nullish(),
    })
    .transform(
      (c): CourierService => ({
        id: c.Id,
        name: c.Name,
        trackingUrl: c.TrackingURL ?? null,
        active: c.Active ?? true,
      }),
    ),
);

export const orderStatuses = z.array(
  z.object({ ID: z.number(), Name: z.string() }).transform((s): OrderStatus => ({ id: s.ID, name: s.Name })),
);

export const products = z.array(
  z
    .object({
      ID: z.number(),
      SKU: z.string(),
      Name: z.string().nullish(),
      EAN: optionalText,
      Bundle: flag,
      LastUpdated: ukDate,
    })
    .transform(
      (p): WhistlProduct => ({
        id: p.ID,
        sku: p.SKU,
        name: p.Name ?? '',
        ean: p.EAN,
        bundle: p.Bundle,
        lastUpdated: p.LastUpdated,
      }),
    ),
);
