import { formatUkLocal } from '../../lib/whistl/uk-time';
import { STATUS_NAMES, type SandboxAccount, type SandboxOrder, type SandboxProduct, type StockCell } from './model';

/** Sandbox time to Whistl's wire format: UK local, no offset. */
export function wireDate(ms: number | null): string | null {
  return ms === null ? null : formatUkLocal(new Date(ms));
}

export function orderJson(order: SandboxOrder, includeItems = true): Record<string, unknown> {
  const a = order.address;
  const json: Record<string, unknown> = {
    ID: order.id,
    OrderNumber: order.orderNumber,
    ExternalOrderReference: order.externalOrderReference,
    OrderStatusId: order.statusId,
    OrderStatus: STATUS_NAMES[order.statusId] ?? null,
    WarehouseId: order.warehouseId,
    CourierServiceId: order.courierServiceId,
    CourierServiceName: order.courierServiceName,
    TrackingNumber: order.trackingNumber,
    TrackingUrl: order.trackingUrl,
    DespatchDate: wireDate(order.despatchDate),
    Part: order.part,
    NumberOfParts: order.numberOfParts,
    OrderDate: wireDate(order.orderDate),
    LastUpdated: wireDate(order.lastUpdated),
    Title: a.title,
    FirstName: a.firstName,
    LastName: a.lastName,
    CompanyName: a.companyName,
    Address1: a.address1,
    Address2: a.address2,
    Address3: a.address3,
    Town: a.town,
    County: a.county,
    PostCode: a.postCode,
    Country: a.country,
    Email: a.email,
    Phone: a.phone,
    Mobile: a.mobile,
    Currency: order.currency,
    Channel: order.channel,
    OrderValue: order.orderValue,
    DeliveryNotes: order.deliveryNotes,
  };
  if (includeItems) json.OrderItems = orderItemsJson(order);
  return json;
}

export function orderItemsJson(order: SandboxOrder): Record<string, unknown>[] {
  return order.lines.map((line) => ({
    ID: line.id,
    OrderId: order.id,
    ProductId: line.productId,
    SKU: line.sku,
    Quantity: line.quantity,
    UnitPrice: line.unitPrice,
    UnitPriceVat: line.unitPriceVat,
    Discount: line.discount,
    Details: line.details,
  }));
}

export function productJson(product: SandboxProduct): Record<string, unknown> {
  return {
    ID: product.id,
    SKU: product.sku,
    Name: product.name,
    EAN: product.ean,
    Bundle: product.bundle,
    LowStockLevel: product.lowStockLevel,
    LastUpdated: wireDate(product.lastUpdated),
  };
}

export function stockRowJson(product: SandboxProduct, warehouseId: number, cell: StockCell): Record<string, unknown> {
  return {
    ProductId: product.id,
    WarehouseId: warehouseId,
    SKU: product.sku,
    Level: cell.onHand - cell.allocated,
    TotalStockLevel: cell.onHand,
    PreOrderable: product.preOrderable,
    Bundle: product.bundle,
    LowStockLevel: product.lowStockLevel,
    LastUpdated: wireDate(cell.lastUpdated),
  };
}

/** One row per warehouse the product is stocked in (a zero row for warehouses it never was). */
export function stockCells(account: SandboxAccount, product: SandboxProduct): [number, StockCell][] {
  return account.warehouses.map((w) => [w.id, product.stock.get(w.id) ?? { onHand: 0, allocated: 0, lastUpdated: product.lastUpdated }]);
}

/** `WarehouseId=0`: all warehouses summed into one row. */
export function summedCell(cells: [number, StockCell][]): StockCell {
  return cells.reduce<StockCell>(
    (sum, [, cell]) => ({
      onHand: sum.onHand + cell.onHand,
      allocated: sum.allocated + cell.allocated,
      lastUpdated: Math.max(sum.lastUpdated, cell.lastUpdated),
    }),
    { onHand: 0, allocated: 0, lastUpdated: 0 },
  );
}
