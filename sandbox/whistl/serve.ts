/**
 * Runs the Whistl simulator on its own: `npx tsx sandbox/whistl/serve.ts [SKU ...]`.
 * Port from SANDBOX_WHISTL_PORT (default 4020). Seeds the demo account with the given SKUs
 * (25 on hand each), or a few sample SKUs, and prints the URL and credentials.
 */
import { seedWhistlDemoAccount } from './demo-seed';
import { startWhistlSandbox } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.SANDBOX_WHISTL_PORT ?? 4020);
  const skus = process.argv.slice(2);
  const sandbox = await startWhistlSandbox({ port, autoAdvance: { enabled: true, stepMs: 20_000 } });
  const demo = seedWhistlDemoAccount(sandbox, {
    products: (skus.length > 0 ? skus : ['DEMOTEE1', 'DEMOMUG1', 'DEMOCAP1']).map((sku) => ({ sku, stock: 25 })),
  });
  console.log(`Whistl sandbox on ${sandbox.url}`);
  console.log(`  username ${demo.username}  password ${demo.password}  static key ${demo.apiKey}`);
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
