import type {
  CancelOutcome,
  ConnectActionUrls,
  CourierService,
  CreateOrderOutcome,
  ListOrdersQuery,
  ListProductsQuery,
  OrderStatus,
  Page,
  StockLevel,
  StockLevelsQuery,
  Warehouse,
  WhistlOrder,
  WhistlOrderInput,
  WhistlProduct,
} from './types';

/**
 * Everything the connector asks of a fulfilment backend. The Mintsoft-based Whistl API is one
 * implementation (`createWhistlClient`); another Whistl site system can be added behind the
 * same interface without touching the sync logic.
 *
 * Every method throws the typed errors from `./errors`. A rejection of an order by Whistl is
 * NOT an error: it is a `CreateOrderOutcome`.
 */
export interface WhistlAdapter {
  /** Authenticates and reads the warehouses: proves the credentials work. */
  testConnection(): Promise<{ warehouses: Warehouse[] }>;

  /**
   * Creates one order. Never retried by the client. On `WhistlTimeoutError`, or any
   * `WhistlRetriableError` with `outcomeUnknown`, the order may exist: search before retrying.
   */
  createOrder(order: WhistlOrderInput): Promise<CreateOrderOutcome>;

  /** All orders (and split parts) with this number; empty when none. */
  searchOrdersByNumber(orderNumber: string): Promise<WhistlOrder[]>;

  /** null when Whistl has no such order (404). */
  getOrder(id: number): Promise<WhistlOrder | null>;

  listOrders(query?: ListOrdersQuery): Promise<Page<WhistlOrder>>;

  /** Every page of `listOrders`, in order, until a short page. */
  iterateOrders(query?: Omit<ListOrdersQuery, 'page'>): AsyncIterable<WhistlOrder>;

  /** Only succeeds while the order is NEW; otherwise `success: false` with Whistl's message. Not retried. */
  cancelOrder(id: number): Promise<CancelOutcome>;

  getStockLevels(query?: StockLevelsQuery): Promise<StockLevel[]>;

  /** The change feed: stock rows whose level changed since `from`. */
  getStockUpdatedSince(from: Date): Promise<StockLevel[]>;

  listProducts(query?: ListProductsQuery): Promise<Page<WhistlProduct>>;

  iterateProducts(query?: Omit<ListProductsQuery, 'page'>): AsyncIterable<WhistlProduct>;

  searchProducts(search: string): Promise<WhistlProduct[]>;

  listCourierServices(): Promise<CourierService[]>;

  listWarehouses(): Promise<Warehouse[]>;

  /** Registers (replaces) the webhook URLs for an order after creation. */
  setConnectActions(orderId: number, urls: ConnectActionUrls): Promise<void>;

  getOrderStatuses(): Promise<OrderStatus[]>;
}
