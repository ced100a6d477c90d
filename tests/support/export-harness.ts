import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { POST as webhookPOST } from '@/app/api/webhooks/bigcommerce/route';
import type { Db } from '@/lib/db/client';
import { exchangeAuthCode } from '@/lib/bigcommerce/oauth';
import { resetEnvCache } from '@/lib/env';
import { bigCommerceClientFor } from '@/lib/stores/clients';
import { installStore } from '@/lib/stores/install-store';
import { saveWhistlConnection } from '@/lib/stores/whistl-connection';
import { defaultExportDeps, type ExportDeps } from '@/lib/sync/export/deps';
import { registerOrderWebhooks } from '@/lib/sync/webhooks/register';
import { createWhistlClient, type WhistlAdapter } from '@/lib/whistl';
import { startDemoSandboxes, type DemoSandboxes } from '@/sandbox/demo';

/**
 * A merchant wired end to end for export tests: both simulators with the demo data, the store
 * installed through the real OAuth exchange, Whistl connected, webhooks registered and delivered
 * over HTTP into the real route handler.
 */
export interface ExportHarness {
  demo: DemoSandboxes;
  storeId: string;
  storeHash: string;
  deps: ExportDeps;
  whistl: WhistlAdapter;
  /** Raw webhook deliveries the route accepted, for replaying. */
  deliveries: Array<{ body: string; headers: Record<string, string>; status: number }>;
  /** Moves the runner's clock forward (retry backoff, hold windows). */
  advance(ms: number): void;
  close(): Promise<void>;
}

const CLIENT_ID = 'test-client-id';
const CLIENT_SECRET = 'test-client-secret-0123456789';

export async function startExportHarness(db: Db, options: { storeHash: string; productCount?: number }): Promise<ExportHarness> {
  const deliveries: ExportHarness['deliveries'] = [];
  const receiver: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      void webhookPOST(new Request('http://localhost/api/webhooks/bigcommerce', { method: 'POST', body, headers })).then(
        async (response) => {
          deliveries.push({ body, headers, status: response.status });
          res.writeHead(response.status, { 'content-type': 'application/json' });
          res.end(await response.text());
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const appUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  const demo = await startDemoSandboxes({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl, storeHash: options.storeHash, productCount: options.productCount ?? 40, warehouseStepMs: 3_600_000 });
  demo.whistl.setAutoAdvance({ enabled: false, stepMs: 3_600_000 });
  process.env.BIGCOMMERCE_API_URL = demo.bigcommerce.url;
  process.env.APP_URL = appUrl;
  resetEnvCache();

  const code = demo.bigcommerce.control.issueInstallCode(demo.store.hash);
  const grant = await exchangeAuthCode(
    { code: code.code, scope: code.scope, context: code.context },
    { loginUrl: demo.bigcommerce.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: `${appUrl}/api/app/auth` },
  );
  const { storeId } = await installStore(db, grant);
  await saveWhistlConnection(db, storeId, {
    baseUrl: demo.whistl.url,
    authMode: 'password',
    username: demo.whistlAccount.username,
    password: demo.whistlAccount.password,
    warehouseId: String(demo.whistlAccount.warehouses[0]!.id),
  });
  await registerOrderWebhooks(db, await bigCommerceClientFor(db, storeId), { storeId, storeHash: demo.store.hash, appUrl });

  let offsetMs = 0;
  const base = defaultExportDeps(db);
  const deps: ExportDeps = { ...base, now: () => new Date(Date.now() + offsetMs) };
  return {
    demo,
    storeId,
    storeHash: demo.store.hash,
    deps,
    whistl: createWhistlClient({ baseUrl: demo.whistl.url, apiKey: demo.whistlAccount.apiKey }),
    deliveries,
    advance: (ms) => {
      offsetMs += ms;
    },
    close: async () => {
      await demo.close();
      await new Promise((resolve) => receiver.close(resolve));
    },
  };
}

/** A UK address as the demo shopper would give it. */
export function ukAddress(shippingMethod: string, overrides: Record<string, string> = {}) {
  return { first_name: 'Ada', last_name: 'Lovelace', street_1: '1 Deansgate', city: 'Manchester', zip: 'M3 1AZ', country: 'United Kingdom', country_iso2: 'GB', shippingMethod, ...overrides };
}
