import { isValid as isValidUkPostcode } from 'postcode';
import { z } from 'zod';
import { resolveCountry } from './country';
import type { Fulfilment } from './fulfilment';
import { STATUS, STATUS_NAMES, type ConnectActionUrls, type SandboxAccount, type SandboxOrder, type SandboxProduct } from './model';
import type { SandboxState } from './state';

const text = z.string().nullish();
const number = z.number().nullish();

const connectActionBody = z.object({
  Type: text,
  ExtraCode1: text,
  ExtraCode2: text,
  ExtraCode3: text,
  ExtraCode4: text,
  ExtraCode5: text,
});
export type ConnectActionBody = z.infer<typeof connectActionBody>;
export const connectActionBodySchema = connectActionBody;

/** What `PUT /api/Order` binds. Wrong JSON types are a 400, like a model-binding failure. */
export const createOrderBody = z.object({
  OrderNumber: text,
  ExternalOrderReference: text,
  Title: text,
  FirstName: text,
  LastName: text,
  CompanyName: text,
  Address1: text,
  Address2: text,
  Address3: text,
  Town: text,
  County: text,
  PostCode: text,
  Country: text,
  Email: text,
  Phone: text,
  Mobile: text,
  CourierService: text,
  CourierServiceId: number,
  Warehouse: text,
  WarehouseId: number,
  Channel: text,
  ChannelId: number,
  Currency: text,
  DeliveryNotes: text,
  OrderValue: number,
  OrderItems: z
    .array(
      z.object({
        SKU: text,
        Quantity: number,
        UnitPrice: number,
        UnitPriceVat: number,
        Discount: number,
        Details: text,
      }),
    )
    .nullish(),
  ConnectAction: connectActionBody.nullish(),
});
export type CreateOrderBody = z.infer<typeof createOrderBody>;

export interface CreateOrderResultJson {
  OrderId: number;
  OrderNumber: string | null;
  Success: boolean;
  OrderStatusId: number;
  OrderStatus: string | null;
  Message: string;
  OrderItems: { SKU: string; Id: number }[];
}

function blank(value: string | null | undefined): value is null | undefined {
  return value === null || value === undefined || value.trim() === '';
}

function rejected(body: CreateOrderBody, message: string): CreateOrderResultJson {
  return { OrderId: 0, OrderNumber: body.OrderNumber ?? null, Success: false, OrderStatusId: 0, OrderStatus: null, Message: message, OrderItems: [] };
}

/** Reads a ConnectAction block; a string is an error message. */
export function readConnectAction(block: ConnectActionBody): ConnectActionUrls | string {
  if ((block.Type ?? '').toUpperCase() !== 'WEBHOOK') return `ConnectAction Type '${block.Type ?? ''}' is not supported`;
  const urls: ConnectActionUrls = {};
  const slots: [keyof ConnectActionUrls, 'ExtraCode1' | 'ExtraCode2' | 'ExtraCode3' | 'ExtraCode5'][] = [
    ['despatched', 'ExtraCode1'],
    ['cancelled', 'ExtraCode2'],
    ['delivered', 'ExtraCode3'],
    ['split', 'ExtraCode5'],
  ];
  for (const [event, field] of slots) {
    const value = block[field];
    if (blank(value)) continue;
    if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) return `ConnectAction ${field} is not a valid URL`;
    urls[event] = value;
  }
  return urls;
}

function findProduct(account: SandboxAccount, sku: string): SandboxProduct | undefined {
  const products = [...account.products.values()];
  return products.find((p) => p.sku === sku) ?? products.find((p) => p.altCodes.includes(sku));
}

/**
 * `PUT /api/Order`: the contract's validations, in this order, each with its exact message:
 * required fields, duplicate OrderNumber, duplicate ExternalOrderReference, country, courier
 * service, warehouse, UK postcode, SKUs. A valid order allocates free stock, or waits
 * ONBACKORDER when there is not enough.
 */
export function createOrder(state: SandboxState, fulfilment: Fulfilment, account: SandboxAccount, body: CreateOrderBody): CreateOrderResultJson {
  const required: [string, boolean][] = [
    ['OrderNumber', blank(body.OrderNumber)],
    ['Address1', blank(body.Address1)],
    ['Town', blank(body.Town)],
    ['Country', blank(body.Country)],
    ['CourierService', blank(body.CourierService) && (body.CourierServiceId === null || body.CourierServiceId === undefined)],
    ['Warehouse', blank(body.Warehouse) && (body.WarehouseId === null || body.WarehouseId === undefined)],
    ['OrderItems', !body.OrderItems || body.OrderItems.length === 0],
  ];
  const missing = required.find(([, isMissing]) => isMissing);
  if (missing) return rejected(body, `${missing[0]} is required`);
  const items = body.OrderItems ?? [];
  for (const item of items) {
    if (blank(item.SKU)) return rejected(body, 'SKU is required');
    if (item.Quantity === null || item.Quantity === undefined) return rejected(body, 'Quantity is required');
  }
  const orderNumber = (body.OrderNumber ?? '').trim();
  const externalRef = blank(body.ExternalOrderReference) ? null : body.ExternalOrderReference.trim();
  const existing = [...account.orders.values()];
  if (existing.some((o) => o.orderNumber === orderNumber)) {
    return rejected(body, `Order with OrderNumber '${orderNumber}' already exists`);
  }
  if (externalRef !== null && existing.some((o) => o.externalOrderReference === externalRef)) {
    return rejected(body, `Order with ExternalOrderReference '${externalRef}' already exists`);
  }
  const countryText = body.Country ?? '';
  const country = resolveCountry(countryText);
  if (!country) return rejected(body, `Country '${countryText}' not found`);
  if (country === 'GB' && blank(body.PostCode)) return rejected(body, 'PostCode is required');

  const serviceText = blank(body.CourierService) ? String(body.CourierServiceId) : body.CourierService.trim();
  const active = account.courierServices.filter((s) => s.active);
  const service =
    serviceText.toUpperCase() === 'AUTO'
      ? active[0]
      : active.find((s) => s.name.toUpperCase() === serviceText.toUpperCase() || String(s.id) === serviceText);
  if (!service) return rejected(body, `Courier Service '${serviceText}' not found`);

  const warehouseText = blank(body.Warehouse) ? String(body.WarehouseId) : body.Warehouse.trim();
  const warehouse = account.warehouses.find(
    (w) => String(w.id) === warehouseText || w.name.toUpperCase() === warehouseText.toUpperCase() || w.code.toUpperCase() === warehouseText.toUpperCase(),
  );
  if (!warehouse) return rejected(body, `Warehouse '${warehouseText}' not found`);

  const postCode = blank(body.PostCode) ? null : body.PostCode.trim();
  if (country === 'GB' && (postCode === null || !isValidUkPostcode(postCode))) {
    return rejected(body, `Invalid PostCode '${body.PostCode ?? ''}' for Country 'GB'`);
  }

  const lines: { product: SandboxProduct; sku: string; item: (typeof items)[number]; quantity: number }[] = [];
  for (const item of items) {
    const sku = item.SKU ?? '';
    const product = findProduct(account, sku);
    if (!product) return rejected(body, `Product with SKU '${sku}' not found`);
    const quantity = item.Quantity ?? 0;
    if (!Number.isInteger(quantity) || quantity <= 0) {
      return rejected(body, `Quantity for SKU '${sku}' must be a whole number greater than 0`);
    }
    lines.push({ product, sku: product.sku, item, quantity });
  }

  let connectAction: ConnectActionUrls | null = null;
  if (body.ConnectAction) {
    const read = readConnectAction(body.ConnectAction);
    if (typeof read === 'string') return rejected(body, read);
    connectAction = read;
  }

  const now = state.clock.now();
  const order: SandboxOrder = {
    id: state.orderId(),
    accountId: account.id,
    orderNumber,
    externalOrderReference: externalRef,
    statusId: STATUS.NEW,
    warehouseId: warehouse.id,
    courierServiceId: service.id,
    courierServiceName: service.name,
    trackingNumber: null,
    trackingUrl: null,
    despatchDate: null,
    part: 1,
    numberOfParts: 1,
    parentId: null,
    orderDate: now,
    lastUpdated: now,
    statusChangedAt: now,
    allocated: false,
    address: {
      title: body.Title ?? null,
      firstName: body.FirstName ?? null,
      lastName: body.LastName ?? null,
      companyName: body.CompanyName ?? null,
      address1: (body.Address1 ?? '').trim(),
      address2: body.Address2 ?? null,
      address3: body.Address3 ?? null,
      town: (body.Town ?? '').trim(),
      county: body.County ?? null,
      postCode,
      country,
      email: body.Email ?? null,
      phone: body.Phone ?? null,
      mobile: body.Mobile ?? null,
    },
    currency: blank(body.Currency) ? 'GBP' : body.Currency,
    channel: body.Channel ?? null,
    orderValue: body.OrderValue ?? null,
    deliveryNotes: body.DeliveryNotes ?? null,
    lines: lines.map(({ product, sku, item, quantity }) => ({
      id: state.lineId(),
      productId: product.id,
      sku,
      quantity,
      unitPrice: item.UnitPrice ?? null,
      unitPriceVat: item.UnitPriceVat ?? null,
      discount: item.Discount ?? null,
      details: item.Details ?? null,
    })),
    connectAction,
  };
  account.orders.set(order.id, order);
  if (!fulfilment.tryAllocate(account, order, now)) order.statusId = STATUS.ONBACKORDER;
  return {
    OrderId: order.id,
    OrderNumber: order.orderNumber,
    Success: true,
    OrderStatusId: order.statusId,
    OrderStatus: STATUS_NAMES[order.statusId] ?? null,
    Message: '',
    OrderItems: order.lines.map((line) => ({ SKU: line.sku, Id: line.id })),
  };
}
