import type { Db } from '@/lib/db/client';
import { exchangeAuthCode } from '@/lib/bigcommerce/oauth';
import { installStore } from '@/lib/stores/install-store';
import { saveWhistlConnection } from '@/lib/stores/whistl-connection';
import { defaultInventoryDeps, type InventoryDeps } from '@/lib/sync/inventory/deps';
import type { ExportHarness } from './export-harness';

/** Inventory deps on the harness clock. */
export function inventoryDeps(db: Db, now: () => Date = () => new Date()): InventoryDeps {
  return { ...defaultInventoryDeps(db), now };
}

/**
 * A second merchant in the same simulators with a big catalog: `simple` product-tracked products
 * and `withVariants` variant-tracked products of 2 variants each, every SKU also in a new Whistl
 * account with stock. Installed through the real OAuth exchange.
 */
export async function seedBigMerchant(db: Db, h: ExportHarness, input: { hash: string; simple: number; withVariants: number; stock: number }) {
  const products = [
    ...Array.from({ length: input.simple }, (_, i) => ({ name: `Simple ${i}`, sku: `BIGS${i}`, inventoryTracking: 'product' as const, stock: 0 })),
    ...Array.from({ length: input.withVariants }, (_, i) => ({
      name: `Varied ${i}`,
      sku: `BIGV${i}`,
      inventoryTracking: 'variant' as const,
      variants: [
        { sku: `BIGV${i}A`, options: { Size: 'A' }, stock: 0 },
        { sku: `BIGV${i}B`, options: { Size: 'B' }, stock: 0 },
      ],
    })),
  ];
  h.demo.bigcommerce.control.seedStore({ hash: input.hash, productCount: 0, products, awkwardSkus: { nonAlphanumeric: 0, missing: 0 } });
  const skus = [...products.flatMap((p) => ('variants' in p ? p.variants.map((v) => v.sku) : [p.sku]))];
  const account = h.demo.whistl.createAccount({
    name: `Big ${input.hash}`,
    users: [{ username: `${input.hash}@whistl.test`, password: 'big-password' }],
    apiKeys: [`${input.hash}-api-key-0001`],
    warehouses: [{ id: 1, name: 'Doncaster', code: 'DON' }],
    products: skus.map((sku) => ({ sku, stock: input.stock })),
  });
  const code = h.demo.bigcommerce.control.issueInstallCode(input.hash);
  const appUrl = process.env.APP_URL ?? 'http://127.0.0.1';
  const grant = await exchangeAuthCode(
    { code: code.code, scope: code.scope, context: code.context },
    { loginUrl: h.demo.bigcommerce.url, clientId: 'test-client-id', clientSecret: 'test-client-secret-0123456789', redirectUri: `${appUrl}/api/app/auth` },
  );
  const { storeId } = await installStore(db, grant);
  await saveWhistlConnection(db, storeId, { baseUrl: h.demo.whistl.url, authMode: 'apiKey', apiKey: `${input.hash}-api-key-0001`, warehouseId: '1' });
  return { storeId, accountId: account.accountId, skus };
}
