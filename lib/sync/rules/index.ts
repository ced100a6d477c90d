export * from './address';
export * from './build-order';
export * from './countries';
export * from './owners';
export * from './runbook';
export * from './shipping';
export * from './sku';
