import { z } from 'zod';
import { formatUkLocal } from '../uk-time';
import type { ConnectActionUrls, WhistlOrderInput } from '../types';

/** The PascalCase body of `PUT /api/Order`. Absent optional fields are left out, not sent as null. */
export function toCreateOrderBody(input: WhistlOrderInput): Record<string, unknown> {
  const body: Record<string, unknown> = {
    OrderNumber: input.orderNumber,
    ExternalOrderReference: input.externalOrderReference,
    Title: input.title,
    FirstName: input.firstName,
    LastName: input.lastName,
    CompanyName: input.companyName,
    Address1: input.address1,
    Address2: input.address2,
    Address3: input.address3,
    Town: input.town,
    County: input.county,
    PostCode: input.postCode,
    Country: input.country,
    Email: input.email,
    Phone: input.phone,
    Mobile: input.mobile,
    CourierService: input.courierService,
    CourierServiceId: input.courierServiceId,
    Warehouse: input.warehouse,
    WarehouseId: input.warehouseId,
    Channel: input.channel,
    ChannelId: input.channelId,
    Currency: input.currency,
    RequiredDespatchDate: input.requiredDespatchDate && formatUkLocal(input.requiredDespatchDate),
    RequiredDeliveryDate: input.requiredDeliveryDate && formatUkLocal(input.requiredDeliveryDate),
    DeliveryNotes: input.deliveryNotes,
    GiftMessages: input.giftMessages,
    Comments: input.comments,
    OrderValue: input.orderValue,
    ShippingTotalExVat: input.shippingTotalExVat,
    ShippingTotalVat: input.shippingTotalVat,
    DiscountTotalExVat: input.discountTotalExVat,
    DiscountTotalVat: input.discountTotalVat,
    TotalVat: input.totalVat,
    VATNumber: input.vatNumber,
    EORINumber: input.eoriNumber,
    IOSSNumber: input.iossNumber,
    UKIMSNumber: input.ukimsNumber,
    NumberOfParcels: input.numberOfParcels,
    Tags: input.tags,
    OrderItems: input.items.map((line) =>
      dropUndefined({
        SKU: line.sku,
        Quantity: line.quantity,
        UnitPrice: line.unitPrice,
        UnitPriceVat: line.unitPriceVat,
        Discount: line.discount,
        Details: line.details,
      }),
    ),
    ConnectAction: input.connectAction && toConnectActionBody(input.connectAction),
  };
  return dropUndefined(body);
}

/** `{ Type: "WEBHOOK", ExtraCode1..5 }` as used at creation and by `PUT /api/Order/{id}/ConnectActions`. */
export function toConnectActionBody(urls: ConnectActionUrls): Record<string, unknown> {
  return dropUndefined({
    Type: 'WEBHOOK',
    ExtraCode1: urls.despatched,
    ExtraCode2: urls.cancelled,
    ExtraCode3: urls.delivered,
    ExtraCode5: urls.split,
  });
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

export interface CreateOrderResult {
  success: boolean;
  orderId: number | null;
  orderNumber: string | null;
  statusId: number | null;
  message: string;
  items: { sku: string; id: number | null }[];
}

/** The response is an ARRAY of results even for one order: only `[0]` is ours. */
const createOrderResultItem = z.object({
  OrderId: z.number().nullish(),
  OrderNumber: z.string().nullish(),
  Success: z.boolean(),
  OrderStatusId: z.number().nullish(),
  Message: z.string().nullish(),
  OrderItems: z.array(z.object({ SKU: z.string(), Id: z.number().nullish(), ID: z.number().nullish() })).nullish(),
});

/** The response is an ARRAY of results even for one order: only `[0]` is ours. */
export const createOrderResponse = z
  .tuple([createOrderResultItem], createOrderResultItem)
  .transform(([first]): CreateOrderResult => ({
    success: first.Success,
    orderId: first.OrderId ?? null,
    orderNumber: first.OrderNumber ?? null,
    statusId: first.OrderStatusId ?? null,
    message: first.Message ?? '',
    items: (first.OrderItems ?? []).map((item) => ({ sku: item.SKU, id: item.Id ?? item.ID ?? null })),
  }));
