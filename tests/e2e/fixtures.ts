import { expect, type APIRequestContext } from '@playwright/test';
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

/**
 * Waits until an order's sync record is in `state`. The webhook usually starts the export by
 * itself (SYNC_AFTER_WEBHOOK); each round also calls the orders cron, as a scheduler would,
 * so the test does not depend on which of the two did the work.
 */
export async function waitForOrderState(request: APIRequestContext, token: string, bcOrderId: number, state: string): Promise<void> {
  const auth = { headers: { authorization: `Bearer ${token}` } };
  await expect
    .poll(
      async () => {
        const cron = await request.post(`${E2E.appUrl}/api/cron/orders`, { headers: { authorization: `Bearer ${E2E.cronSecret}` } });
        expect(cron.status()).toBe(200);
        const found = await request.get(`${E2E.appUrl}/api/orders/by-bc-id/${bcOrderId}`, auth);
        if (!found.ok()) return `not received (${found.status()})`;
        const { id } = (await found.json()) as { id: string };
        const detail = await request.get(`${E2E.appUrl}/api/orders/${id}`, auth);
        return ((await detail.json()) as { order: { state: string } }).order.state;
      },
      { timeout: 20_000 },
    )
    .toBe(state);
}
