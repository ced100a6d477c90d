import { z } from 'zod';
import { ApiBadRequest, boolParam, dateParam, intParam, pageOf, paging, requiredParam } from './api-params';
import { connectActionBodySchema, createOrder, createOrderBody, readConnectAction } from './create-order';
import type { Fulfilment } from './fulfilment';
import { reply, type JsonReply, type Query } from './http';
import { STATUS_NAMES, type SandboxAccount, type SandboxOrder } from './model';
import { orderItemsJson, orderJson, productJson, stockCells, stockRowJson, summedCell, wireDate } from './serialize';
import type { SandboxState } from './state';

export interface ApiContext {
  account: SandboxAccount;
  query: Query;
  /** Captured path segments, e.g. the order id. */
  params: string[];
  body: unknown;
}

export interface ApiRoute {
  method: 'GET' | 'PUT' | 'POST';
  pattern: RegExp;
  /** e.g. "GET /api/Order/{id}": the key for call counts and fault matching. */
  key: string;
  handle(ctx: ApiContext): JsonReply;
}

const authBody = z.object({ Username: z.string().min(1), Password: z.string().min(1) });

/** `POST /api/Auth`: the only unauthenticated call. Returns the key as a bare JSON string. */
export function handleAuth(state: SandboxState, body: unknown): JsonReply {
  const parsed = authBody.safeParse(body);
  if (!parsed.success) return reply(400, { Message: 'Username and Password are required' });
  const key = state.logIn(parsed.data.Username, parsed.data.Password);
  if (!key) return reply(401, { Message: 'Invalid username or password' });
  return reply(200, key);
}

function withOrder(handle: (order: SandboxOrder, ctx: ApiContext) => JsonReply): (ctx: ApiContext) => JsonReply {
  return (ctx) => {
    const id = Number(ctx.params[0]);
    const order = ctx.account.orders.get(id);
    return order ? handle(order, ctx) : reply(404, { Message: `Order ${id} not found` });
  };
}

function byId(a: { id: number }, b: { id: number }): number {
  return a.id - b.id;
}

export function apiRoutes(state: SandboxState, fulfilment: Fulfilment): ApiRoute[] {
  return [
    {
      method: 'PUT',
      pattern: /^\/api\/Order$/i,
      key: 'PUT /api/Order',
      handle: ({ account, body }) => {
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          return reply(400, { Message: 'The request is invalid: send one order as a JSON object.' });
        }
        const parsed = createOrderBody.safeParse(body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new ApiBadRequest(`The request is invalid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'bad body'}`);
        }
        return reply(200, [createOrder(state, fulfilment, account, parsed.data)]);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/Order\/Search$/i,
      key: 'GET /api/Order/Search',
      handle: ({ account, query }) => {
        const orderNumber = requiredParam(query, 'OrderNumber');
        const found = [...account.orders.values()].filter((o) => o.orderNumber === orderNumber).sort(byId);
        return reply(200, found.map((o) => orderJson(o)));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/Order\/List$/i,
      key: 'GET /api/Order/List',
      handle: ({ account, query }) => {
        const statusId = intParam(query, 'OrderStatusId');
        const warehouseId = intParam(query, 'WarehouseId');
        const sinceUpdated = dateParam(query, 'SinceLastUpdated');
        const sinceDespatch = dateParam(query, 'SinceDespatchDate');
        const includeItems = boolParam(query, 'IncludeOrderItems') ?? false;
        const { page, limit } = paging(query);
        const matching = [...account.orders.values()]
          .filter((o) => statusId === undefined || o.statusId === statusId)
          .filter((o) => warehouseId === undefined || o.warehouseId === warehouseId)
          .filter((o) => sinceUpdated === undefined || o.lastUpdated >= sinceUpdated)
          .filter((o) => sinceDespatch === undefined || (o.despatchDate !== null && o.despatchDate >= sinceDespatch))
          .sort(byId);
        return reply(200, pageOf(matching, page, limit).map((o) => orderJson(o, includeItems)));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/Order\/Statuses$/i,
      key: 'GET /api/Order/Statuses',
      handle: () => reply(200, Object.entries(STATUS_NAMES).map(([id, name]) => ({ ID: Number(id), Name: name }))),
    },
    {
      method: 'GET',
      pattern: /^\/api\/Order\/(\d+)$/i,
      key: 'GET /api/Order/{id}',
      handle: withOrder((order) => reply(200, orderJson(order))),
    },
    {
      method: 'GET',
      pattern: /^\/api\/Order\/(\d+)\/Items$/i,
      key: 'GET /api/Order/{id}/Items',
      handle: withOrder((order) => reply(200, orderItemsJson(order))),
    },
    {
      method: 'GET',
      pattern: /^\/api\/Order\/(\d+)\/Shipments$/i,
      key: 'GET /api/Order/{id}/Shipments',
      handle: withOrder((order) =>
        reply(
          200,
          order.trackingNumber === null
            ? []
            : [
                {
                  OrderId: order.id,
                  TrackingNumber: order.trackingNumber,
                  TrackingUrl: order.trackingUrl,
                  CourierServiceName: order.courierServiceName,
                  DespatchDate: wireDate(order.despatchDate),
                  Part: order.part,
                  NumberOfParts: order.numberOfParts,
                },
              ],
        ),
      ),
    },
    {
      method: 'GET',
      pattern: /^\/api\/Order\/(\d+)\/Splits$/i,
      key: 'GET /api/Order/{id}/Splits',
      handle: withOrder((order, { account }) => {
        if (order.numberOfParts <= 1) return reply(200, []);
        const root = order.parentId ?? order.id;
        const family = [...account.orders.values()].filter((o) => o.id === root || o.parentId === root);
        return reply(200, family.sort((a, b) => a.part - b.part).map((o) => orderJson(o)));
      }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/Order\/(\d+)\/Cancel$/i,
      key: 'GET /api/Order/{id}/Cancel',
      handle: withOrder((order, { account }) => reply(200, fulfilment.cancelFromApi(account, order))),
    },
    {
      method: 'PUT',
      pattern: /^\/api\/Order\/(\d+)\/ConnectActions$/i,
      key: 'PUT /api/Order/{id}/ConnectActions',
      handle: withOrder((order, { body }) => {
        const parsed = connectActionBodySchema.safeParse(body);
        if (!parsed.success || typeof body !== 'object' || body === null) {
          throw new ApiBadRequest('The request is invalid: send a ConnectAction object.');
        }
        const urls = readConnectAction(parsed.data);
        if (typeof urls === 'string') return reply(200, { Success: false, Message: urls });
        order.connectAction = urls;
        return reply(200, { Success: true, Message: '' });
      }),
    },
    {
      method: 'GET',
      pattern: /^\/api\/Product\/StockLevels$/i,
      key: 'GET /api/Product/StockLevels',
      handle: ({ account, query }) => {
        const warehouseId = intParam(query, 'WarehouseId');
        const productId = intParam(query, 'ProductId');
        const sku = query.get('SKU');
        const rows: Record<string, unknown>[] = [];
        for (const product of [...account.products.values()].sort(byId)) {
          if (sku !== undefined && product.sku !== sku) continue;
          if (productId !== undefined && product.id !== productId) continue;
          const cells = stockCells(account, product);
          if (warehouseId === 0) rows.push(stockRowJson(product, 0, summedCell(cells)));
          for (const [wid, cell] of cells) {
            if (warehouseId === undefined || warehouseId === wid) rows.push(stockRowJson(product, wid, cell));
          }
        }
        return reply(200, rows);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/Product\/StockLevels\/UpdatedSince$/i,
      key: 'GET /api/Product/StockLevels/UpdatedSince',
      handle: ({ account, query }) => {
        if (query.get('FromDate') === undefined) throw new ApiBadRequest('FromDate is required');
        const from = dateParam(query, 'FromDate') ?? 0;
        const rows: Record<string, unknown>[] = [];
        for (const product of [...account.products.values()].sort(byId)) {
          for (const [wid, cell] of product.stock) {
            if (cell.lastUpdated >= from) rows.push(stockRowJson(product, wid, cell));
          }
        }
        return reply(200, rows);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/Product\/List$/i,
      key: 'GET /api/Product/List',
      handle: ({ account, query }) => {
        const since = dateParam(query, 'SinceLastUpdated');
        const { page, limit } = paging(query);
        const matching = [...account.products.values()].filter((p) => since === undefined || p.lastUpdated >= since).sort(byId);
        return reply(200, pageOf(matching, page, limit).map(productJson));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/Product\/Search$/i,
      key: 'GET /api/Product/Search',
      handle: ({ account, query }) => {
        const needle = requiredParam(query, 'Search').toLowerCase();
        const found = [...account.products.values()].filter((p) =>
          [p.sku, p.name, p.ean ?? ''].some((field) => field.toLowerCase().includes(needle)),
        );
        return reply(200, found.sort(byId).map(productJson));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/Product\/(\d+)\/AltCodes$/i,
      key: 'GET /api/Product/{id}/AltCodes',
      handle: ({ account, params }) => {
        const product = account.products.get(Number(params[0]));
        if (!product) return reply(404, { Message: `Product ${params[0]} not found` });
        return reply(200, product.altCodes.map((code) => ({ ProductId: product.id, AltCode: code })));
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/Courier\/Services$/i,
      key: 'GET /api/Courier/Services',
      handle: ({ account }) =>
        reply(200, account.courierServices.map((s) => ({ Id: s.id, Name: s.name, TrackingURL: s.trackingUrl, Active: s.active }))),
    },
    {
      method: 'GET',
      pattern: /^\/api\/Warehouse$/i,
      key: 'GET /api/Warehouse',
      handle: ({ account }) => reply(200, account.warehouses.map((w) => ({ ID: w.id, Name: w.name, Code: w.code }))),
    },
  ];
}
