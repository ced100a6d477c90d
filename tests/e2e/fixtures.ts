import { startBigCommerceSandbox, type BigCommerceSandbox } from '../../sandbox/bigcommerce';
import { seedDemoStore, type DemoStore } from '../../sandbox/bigcommerce/demo-seed';
import { seedWhistlDemoAccount, startWhistlSandbox, type DemoAccount, type WhistlSandbox } from '../../sandbox/whistl';
import { E2E } from './config';

/**
 * The simulators a browser test runs against: BigCommerce on the port the app was configured
 * with (its login and API URL), Whistl on another, both seeded with the demo merchant.
 */
export class SandboxFixture {
  bigcommerce!: BigCommerceSandbox;
  whistl!: WhistlSandbox;
  store!: DemoStore;
  whistlAccount!: DemoAccount;

  async start(storeHash: string): Promise<this> {
    this.bigcommerce = await startBigCommerceSandbox({ port: E2E.loginPort, clientId: E2E.clientId, clientSecret: E2E.clientSecret, appUrl: E2E.appUrl });
    this.whistl = await startWhistlSandbox({ port: E2E.whistlPort });
    this.store = seedDemoStore(this.bigcommerce, { hash: storeHash, productCount: 60 });
    const awkward = new Set(this.store.awkwardSkus);
    this.whistlAccount = seedWhistlDemoAccount(this.whistl, {
      products: this.bigcommerce.control
        .catalog(storeHash)
        .filter((e) => e.type === 'physical' && e.sku !== '' && !awkward.has(e.sku))
        .map((e) => ({ sku: e.sku, stock: 50 })),
    });
    return this;
  }

  /** The install BigCommerce's control panel would do: opens the app's auth callback. */
  installUrl(): string {
    const { callbackUrl } = this.bigcommerce.control.issueInstallCode(this.store.hash);
    if (!callbackUrl) throw new Error('sandbox has no app URL');
    return callbackUrl;
  }

  /** A freshly signed load payload for the store owner, as the control panel sends it. */
  loadUrl(deepLink = '/', userId?: number): string {
    const signed = this.bigcommerce.control.signPayload(this.store.hash, { kind: 'load', url: deepLink, ...(userId ? { userId } : {}) });
    return `${E2E.appUrl}/api/app/load?signed_payload_jwt=${signed.jwt}`;
  }

  async cleanup(): Promise<void> {
    await Promise.allSettled([this.bigcommerce?.close(), this.whistl?.close()]);
  }
}
