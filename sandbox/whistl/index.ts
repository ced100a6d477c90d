export { startWhistlSandbox, WhistlSandbox, type WhistlSandboxOptions } from './server';
export { WhistlSandboxControl, type OrderSummary, type SandboxControlOptions } from './control';
export type { AccountSeed, AutoAdvance, FaultsInput, SplitInput, StockLevelInput } from './control-schemas';
export type { FaultState } from './faults';
export type { AccountCreated } from './state';
export type { WebhookDelivery, WebhookEvent } from './webhooks';
export { SandboxInputError, SandboxNotFoundError } from './errors';
export { seedWhistlDemoAccount, DEMO_COURIER_SERVICES, DEMO_WAREHOUSE, type DemoAccount, type DemoSeedOptions } from './demo-seed';
