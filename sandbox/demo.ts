import { startBigCommerceSandbox, type BigCommerceSandbox } from './bigcommerce';
import { seedDemoStore, type DemoStore } from './bigcommerce/demo-seed';
import { seedWhistlDemoAccount, startWhistlSandbox, type DemoAccount, type WhistlSandbox } from './whistl';

/**
 * Both simulators with the demo merchant: a BigCommerce store of a few hundred products (some
 * SKUs Whistl would reject, some shipping methods not mapped yet) and its Whistl account, whose
 * products match the store's clean SKUs, with stock.
 */
export interface DemoSandboxes {
  bigcommerce: BigCommerceSandbox;
  whistl: WhistlSandbox;
  store: DemoStore;
  whistlAccount: DemoAccount;
  close(): Promise<void>;
}

export interface DemoSandboxOptions {
  bigcommercePort?: number;
  whistlPort?: number;
  clientId: string;
  clientSecret: string;
  appUrl: string;
  storeHash?: string;
  productCount?: number;
  /** Whistl moves each order one status step per this many ms (NEW -> PRINTED -> PICKED -> DESPATCHED). */
  warehouseStepMs?: number;
}

export const DEMO_STORE_HASH = 'demostore';

export async function startDemoSandboxes(options: DemoSandboxOptions): Promise<DemoSandboxes> {
  const bigcommerce = await startBigCommerceSandbox({
    port: options.bigcommercePort ?? 0,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    appUrl: options.appUrl,
  });
  const whistl = await startWhistlSandbox({
    port: options.whistlPort ?? 0,
    autoAdvance: { enabled: true, stepMs: options.warehouseStepMs ?? 20_000 },
  });
  const store = seedDemoStore(bigcommerce, { hash: options.storeHash ?? DEMO_STORE_HASH, productCount: options.productCount ?? 300 });
  const awkward = new Set(store.awkwardSkus);
  const warehouseSkus = bigcommerce.control
    .catalog(store.hash)
    .filter((entry) => entry.type === 'physical' && entry.sku !== '' && !awkward.has(entry.sku));
  // A few clean SKUs are left out of Whistl on purpose: orphans the SKU scan should report.
  const whistlAccount = seedWhistlDemoAccount(whistl, {
    products: warehouseSkus.slice(0, -3).map((entry, index) => ({ sku: entry.sku, name: entry.name, stock: 20 + ((index * 37) % 180) })),
  });
  return {
    bigcommerce,
    whistl,
    store,
    whistlAccount,
    close: async () => {
      await Promise.allSettled([bigcommerce.close(), whistl.close()]);
    },
  };
}
