/**
 * `npm run sandbox`: both simulators alone, seeded with the demo merchant.
 * Ports: SANDBOX_BIGCOMMERCE_PORT (default 4010) and SANDBOX_WHISTL_PORT (default 4020).
 */
import { loadDevSecrets, SANDBOX_CLIENT_ID } from '../lib/dev-secrets';
import { startDemoSandboxes } from '../sandbox/demo';

async function main() {
  const clientId = process.env.BIGCOMMERCE_CLIENT_ID ?? SANDBOX_CLIENT_ID;
  const clientSecret = process.env.BIGCOMMERCE_CLIENT_SECRET ?? loadDevSecrets().BIGCOMMERCE_CLIENT_SECRET;
  const appUrl = process.env.APP_URL ?? 'http://localhost:3000';
  const demo = await startDemoSandboxes({
    bigcommercePort: Number(process.env.SANDBOX_BIGCOMMERCE_PORT ?? 4010),
    whistlPort: Number(process.env.SANDBOX_WHISTL_PORT ?? 4020),
    clientId,
    clientSecret,
    appUrl,
  });
  const summary = demo.bigcommerce.control.getStore(demo.store.hash);
  console.log(`BigCommerce sandbox  ${demo.bigcommerce.url}   (REST ${demo.bigcommerce.storeUrl(demo.store.hash)}/v2|v3, control ${demo.bigcommerce.url}/_sandbox)
Whistl sandbox       ${demo.whistl.url}   (control ${demo.whistl.url}/_sandbox)

Demo store           ${demo.store.hash}: ${summary.productCount} products, owner ${summary.owner.email}
  app client id      ${clientId}
  app client secret  ${clientSecret}
  install            POST ${demo.bigcommerce.url}/_sandbox/stores/${demo.store.hash}/install-codes, then open its callbackUrl
  SKUs Whistl rejects ${demo.store.awkwardSkus.join(', ')}
  unmapped methods   ${demo.store.unmappedMethods.join(', ')}
Whistl account       username ${demo.whistlAccount.username}, password ${demo.whistlAccount.password}, API key ${demo.whistlAccount.apiKey}, warehouse ${demo.whistlAccount.warehouses[0]?.id}

Ctrl-C stops both.`);
  const stop = () => {
    void demo.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
