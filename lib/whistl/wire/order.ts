import { z } from 'zod';
import type { WhistlOrder, WhistlOrderItem } from '../types';
import { optionalNumber, optionalText, ukDate } from './common';

const orderItem = z
  .object({
    ID: z.number().nullish(),
    Id: z.number().nullish(),
    SKU: z.string(),
    Quantity: z.number(),
    UnitPrice: optionalNumber,
  })
  .transform(
    (i): WhistlOrderItem => ({ id: i.ID ?? i.Id ?? null, sku: i.SKU, quantity: i.Quantity, unitPrice: i.UnitPrice }),
  );

export const order = z
  .object({
    ID: z.number(),
    OrderNumber: z.string(),
    ExternalOrderReference: optionalText,
    OrderStatusId: z.number(),
    OrderStatus: optionalText,
    WarehouseId: optionalNumber,
    CourierServiceId: optionalNumber,
    CourierServiceName: optionalText,
    TrackingNumber: optionalText,
    TrackingUrl: optionalText,
    DespatchDate: ukDate,
    Part: optionalNumber,
    NumberOfParts: optionalNumber,
    LastUpdated: ukDate,
    OrderItems: z.array(orderItem).nullish(),
  })
  .transform(
    (o): WhistlOrder => ({
      id: o.ID,
      orderNumber: o.OrderNumber,
      externalOrderReference: o.ExternalOrderReference,
      orderStatusId: o.OrderStatusId,
      orderStatus: o.OrderStatus,
      warehouseId: o.WarehouseId,
      courierServiceId: o.CourierServiceId,
      courierServiceName: o.CourierServiceName,
      trackingNumber: o.TrackingNumber,
      trackingUrl: o.TrackingUrl,
      despatchDate: o.DespatchDate,
      part: o.Part,
      numberOfParts: o.NumberOfParts,
      lastUpdated: o.LastUpdated,
      items: o.OrderItems ?? [],
    }),
  );

export const orders = z.array(order);
