/** V2 orders, order products, shipping addresses, shipments and order statuses. */
import { parseDateFilter } from '../format';
import { intParam, isRecord, json, listParam, noContent, v2Error } from '../http';
import type { Order } from '../model';
import { archiveOrder, changeOrderStatus, createShipment, isValidStatusId, parseShipmentRequest } from '../orders';
import {
  serializeConsignments,
  serializeOrder,
  serializeOrderLine,
  serializeShipment,
  serializeShippingAddress,
  type OrderIncludes,
} from '../serialize';
import { ORDER_STATUSES } from '../statuses';
import { numericId, v2List, v2Page, type RestContext, type RestRouter } from './context';

const NOT_FOUND = 'The requested resource was not found.';
const SORT_FIELDS = ['id', 'customer_id', 'date_created', 'date_modified', 'status_id', 'channel_id'] as const;

function findOrder(ctx: RestContext, raw: string | undefined): Order {
  const id = numericId(raw, () => v2Error(404, NOT_FOUND));
  const order = ctx.store.orders.get(id);
  if (!order) throw v2Error(404, NOT_FOUND);
  return order;
}

function includes(query: URLSearchParams): OrderIncludes {
  const include = listParam(query, 'include') ?? [];
  for (const value of include) {
    if (!['consignments', 'consignments.line_items', 'fees'].includes(value)) {
      throw v2Error(400, `The include value '${value}' is not supported.`);
    }
  }
  const lineItems = include.includes('consignments.line_items');
  return {
    consignments: lineItems || include.includes('consignments'),
    lineItems,
    objectStructure: query.get('consignment_structure') === 'object',
  };
}

function intFilter(query: URLSearchParams, name: string): number | undefined {
  const value = intParam(query, name);
  if (value === null) throw v2Error(400, `The filter '${name}' must be an integer.`);
  return value;
}

function dateFilter(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const parsed = parseDateFilter(raw);
  if (parsed === undefined) throw v2Error(400, `The filter '${name}' must be an RFC-2822 or ISO-8601 date.`);
  return parsed;
}

/** V2 date filters compare at second precision, as the stored RFC-2822 dates have no milliseconds. */
function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

function listOrders(ctx: RestContext) {
  const { query } = ctx;
  const page = v2Page(query);
  const include = includes(query);
  const statusId = intFilter(query, 'status_id');
  const minId = intFilter(query, 'min_id');
  const maxId = intFilter(query, 'max_id');
  const customerId = intFilter(query, 'customer_id');
  const minModified = dateFilter(query, 'min_date_modified');
  const maxModified = dateFilter(query, 'max_date_modified');
  const minCreated = dateFilter(query, 'min_date_created');
  const maxCreated = dateFilter(query, 'max_date_created');
  const email = query.get('email');
  const [sortField = 'id', direction = 'asc'] = (query.get('sort') ?? 'id:asc').split(':');
  if (!(SORT_FIELDS as readonly string[]).includes(sortField) || !['asc', 'desc'].includes(direction)) {
    throw v2Error(400, `The sort value '${query.get('sort') ?? ''}' is not supported.`);
  }
  const orders = [...ctx.store.orders.values()].filter((order) => {
    if (order.isDeleted) return false;
    if (statusId !== undefined && order.statusId !== statusId) return false;
    if (minId !== undefined && order.id < minId) return false;
    if (maxId !== undefined && order.id > maxId) return false;
    if (customerId !== undefined && order.customerId !== customerId) return false;
    if (email && order.billingAddress.email.toLowerCase() !== email.toLowerCase()) return false;
    if (minModified !== undefined && seconds(order.dateModified) < seconds(minModified)) return false;
    if (maxModified !== undefined && seconds(order.dateModified) > seconds(maxModified)) return false;
    if (minCreated !== undefined && seconds(order.dateCreated) < seconds(minCreated)) return false;
    if (maxCreated !== undefined && seconds(order.dateCreated) > seconds(maxCreated)) return false;
    return true;
  });
  const key = (order: Order): number => {
    switch (sortField) {
      case 'customer_id':
        return order.customerId;
      case 'date_created':
        return seconds(order.dateCreated);
      case 'date_modified':
        return seconds(order.dateModified);
      case 'status_id':
        return order.statusId;
      case 'channel_id':
        return order.channelId;
      default:
        return order.id;
    }
  };
  const sign = direction === 'desc' ? -1 : 1;
  orders.sort((a, b) => sign * (key(a) - key(b)) || a.id - b.id);
  return v2List(orders, page, (order) => serializeOrder(ctx.link, ctx.store, order, include));
}

function updateOrder(ctx: RestContext, order: Order) {
  if (!isRecord(ctx.body)) throw v2Error(400, 'The request body must be a JSON object.');
  const body = ctx.body;
  if ('status_id' in body && !isValidStatusId(body.status_id)) {
    throw v2Error(400, "The field 'status_id' must be an existing order status id (0-14).");
  }
  for (const field of ['staff_notes', 'customer_message'] as const) {
    if (field in body && typeof body[field] !== 'string') throw v2Error(400, `The field '${field}' must be a string.`);
  }
  if (typeof body.staff_notes === 'string') order.staffNotes = body.staff_notes;
  if (typeof body.customer_message === 'string') order.customerMessage = body.customer_message;
  if (body.is_deleted === true) archiveOrder(ctx.core, ctx.store, order);
  const statusId = isValidStatusId(body.status_id) ? body.status_id : order.statusId;
  changeOrderStatus(ctx.core, ctx.store, order, statusId);
  ctx.committed = true;
  return json(200, serializeOrder(ctx.link, ctx.store, order, includes(ctx.query)));
}

export function registerOrderRoutes(router: RestRouter): void {
  router
    .add('GET', '/v2/orders', (ctx) => listOrders(ctx))
    .add('GET', '/v2/orders/{id}', (ctx, params) =>
      json(200, serializeOrder(ctx.link, ctx.store, findOrder(ctx, params.id), includes(ctx.query))),
    )
    .add('PUT', '/v2/orders/{id}', (ctx, params) => updateOrder(ctx, findOrder(ctx, params.id)))
    .add('DELETE', '/v2/orders/{id}', (ctx, params) => {
      archiveOrder(ctx.core, ctx.store, findOrder(ctx, params.id));
      ctx.committed = true;
      return noContent();
    })
    .add('GET', '/v2/orders/{id}/products', (ctx, params) => {
      const order = findOrder(ctx, params.id);
      return v2List(order.lines, v2Page(ctx.query), (line) => serializeOrderLine(order, line));
    })
    .add('GET', '/v2/orders/{id}/shipping_addresses', (ctx, params) => {
      const order = findOrder(ctx, params.id);
      return v2List(order.addresses, v2Page(ctx.query), (address) => serializeShippingAddress(ctx.link, order, address));
    })
    .add('GET', '/v2/orders/{id}/consignments', (ctx, params) => {
      const order = findOrder(ctx, params.id);
      const include = listParam(ctx.query, 'include') ?? [];
      return json(200, serializeConsignments(ctx.link, order, include.includes('consignments.line_items')));
    })
    .add('GET', '/v2/orders/{id}/shipments', (ctx, params) => {
      const order = findOrder(ctx, params.id);
      return v2List(order.shipments, v2Page(ctx.query), (shipment) => serializeShipment(order, shipment));
    })
    .add('GET', '/v2/orders/{id}/shipments/{shipment_id}', (ctx, params) => {
      const order = findOrder(ctx, params.id);
      const shipmentId = numericId(params.shipment_id, () => v2Error(404, NOT_FOUND));
      const shipment = order.shipments.find((candidate) => candidate.id === shipmentId);
      if (!shipment) throw v2Error(404, NOT_FOUND);
      return json(200, serializeShipment(order, shipment));
    })
    .add('POST', '/v2/orders/{id}/shipments', (ctx, params) => {
      const order = findOrder(ctx, params.id);
      const request = parseShipmentRequest(order, ctx.body);
      const shipment = createShipment(ctx.core, ctx.store, order, request);
      ctx.committed = true;
      return json(201, serializeShipment(order, shipment));
    })
    .add('GET', '/v2/order_statuses', () =>
      json(
        200,
        ORDER_STATUSES.map((status, index) => ({
          id: status.id,
          name: status.name,
          system_label: status.name,
          custom_label: status.name,
          system_description: status.description,
          sort_order: index,
        })),
      ),
    )
    .add('GET', '/v2/order_statuses/{id}', (_ctx, params) => {
      const status = ORDER_STATUSES.find((candidate) => String(candidate.id) === params.id);
      if (!status) throw v2Error(404, NOT_FOUND);
      return json(200, {
        id: status.id,
        name: status.name,
        system_label: status.name,
        custom_label: status.name,
        system_description: status.description,
      });
    });
}
