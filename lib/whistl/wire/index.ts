/**
 * The Whistl wire format (PascalCase JSON, UK-local dates) is parsed here and nowhere else:
 * every response goes through one of these zod schemas and comes out as a domain type.
 */
export { apiKeyResponse, courierServices, orderStatuses, products, warehouses } from './reference';
export { badRequestDetail, optionalSuccessResult, successResult } from './common';
export { createOrderResponse, toConnectActionBody, toCreateOrderBody } from './create-order';
export type { CreateOrderResult } from './create-order';
export { order, orders } from './order';
export { stockLevels } from './stock';
