import type { WhistlSandboxControl } from './control';
import type { AccountCreated } from './state';

export interface DemoStockLine {
  sku: string;
  /** On hand at the demo warehouse. */
  stock: number;
  name?: string;
}

export interface DemoSeedOptions {
  /** The BigCommerce demo catalog's SKUs (only the ones Whistl should know). */
  products: DemoStockLine[];
  username?: string;
  password?: string;
  apiKey?: string;
}

export interface DemoAccount extends AccountCreated {
  username: string;
  password: string;
  apiKey: string;
}

export const DEMO_WAREHOUSE = { id: 1, name: 'Whistl Fulfilment Doncaster', code: 'DON' } as const;

export const DEMO_COURIER_SERVICES = [
  { id: 10, name: 'RM24', trackingUrl: 'https://www.royalmail.com/track-your-item#/tracking-results/{TrackingNumber}' },
  { id: 11, name: 'RM48', trackingUrl: 'https://www.royalmail.com/track-your-item#/tracking-results/{TrackingNumber}' },
  { id: 12, name: 'EXP', trackingUrl: 'https://track.whistl.example/express/{TrackingNumber}' },
  { id: 13, name: 'DPDNEXT', trackingUrl: 'https://track.dpd.co.uk/parcels/{TrackingNumber}' },
] as const;

/**
 * Creates the demo merchant's Whistl account: one warehouse, the usual courier services, and
 * one product per given SKU with its stock. SKUs left out of `products` are unknown to Whistl,
 * so orders for them are rejected with "Product with SKU 'X' not found".
 */
export function seedWhistlDemoAccount(sandbox: WhistlSandboxControl, options: DemoSeedOptions): DemoAccount {
  const username = options.username ?? 'demo@whistl.sandbox';
  const password = options.password ?? 'demo-password';
  const apiKey = options.apiKey ?? 'whistl-demo-static-api-key';
  const created = sandbox.createAccount({
    name: 'Demo merchant',
    users: [{ username, password }],
    apiKeys: [apiKey],
    warehouses: [{ ...DEMO_WAREHOUSE }],
    courierServices: DEMO_COURIER_SERVICES.map((s) => ({ ...s })),
    products: options.products.map((p) => ({ sku: p.sku, name: p.name ?? p.sku, stock: p.stock, lowStockLevel: 5 })),
  });
  return { ...created, username, password, apiKey };
}
