/** BigCommerce simulator: entry points for tests, the demo and `npm run sandbox`. */
export { startBigCommerceSandbox, type BigCommerceSandbox, type BigCommerceSandboxOptions } from './server';
export {
  SandboxControl,
  ControlError,
  ControlInputError,
  type CallStatistics,
  type CatalogEntry,
  type FaultsRequest,
  type InstallCodeResult,
  type InstallCodeRequest,
  type OrderSummary,
  type PlaceOrderRequest,
  type SeedStoreRequest,
  type SetInventoryRequest,
  type SignPayloadRequest,
  type StoreSummary,
  type WebhookDeliveryRecord,
} from './control';
export type { SignedPayload, SignedPayloadKind } from './oauth';
export { DEFAULT_SCOPES } from './oauth';
export type { FaultSettings } from './model';
