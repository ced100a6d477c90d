/**
 * The benchmark's world: a database of its own, both simulators over HTTP, and an app receiver
 * that hands webhook deliveries to the real route handlers. Stores are installed the way a
 * merchant installs them: the real OAuth exchange, the Whistl connection saved, webhooks
 * registered through the real BigCommerce client.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { POST as bigCommerceWebhookPOST } from '@/app/api/webhooks/bigcommerce/route';
import { POST as whistlWebhookPOST } from '@/app/api/webhooks/whistl/[storeHash]/[secret]/route';
import { exchangeAuthCode } from '@/lib/bigcommerce/oauth';
import { disconnectDb, getDb, type Db } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { pgRunner } from '@/lib/db/runners';
import { resetEnvCache } from '@/lib/env';
import { bigCommerceClientFor } from '@/lib/stores/clients';
import { installStore } from '@/lib/stores/install-store';
import { saveWhistlConnection } from '@/lib/stores/whistl-connection';
import { registerOrderWebhooks } from '@/lib/sync/webhooks/register';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '@/sandbox/bigcommerce';
import { seedDemoStore } from '@/sandbox/bigcommerce/demo-seed';
import { startWhistlSandbox, type WhistlSandbox } from '@/sandbox/whistl';

export const CLIENT_ID = 'bench-client-id';
export const CLIENT_SECRET = 'bench-client-secret-0123456789abcdef';

export interface World {
  db: Db;
  dbLabel: string;
  bc: BigCommerceSandbox;
  whistl: WhistlSandbox;
  appUrl: string;
  webhooks: { bigcommerce: number; whistl: number; non2xx: number };
  close(): Promise<void>;
}

export interface BenchStore {
  storeId: string;
  hash: string;
  whistlAccountId: string;
  skus: string[];
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** DATABASE_URL set: a fresh database on that server (dropped at the end). Else PGlite in memory. */
async function openDatabase(): Promise<{ db: Db; label: string; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    process.env.PGLITE_DATA_DIR = 'memory://bench';
    resetEnvCache();
    return { db: await getDb(), label: 'PGlite (embedded, in memory, same process)', drop: async () => undefined };
  }
  const name = `wc_bench_${randomBytes(5).toString('hex')}`;
  await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(adminUrl, name);
  await withClient(url, (client) => applyMigrations(pgRunner(client)));
  process.env.DATABASE_URL = url;
  resetEnvCache();
  const host = new URL(adminUrl).host;
  return {
    db: await getDb(),
    label: `PostgreSQL at ${host} (fresh database ${name})`,
    drop: async () => {
      await withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

const WHISTL_PATH = /^\/api\/webhooks\/whistl\/([^/]+)\/([^/]+)\/?$/;

export async function startWorld(): Promise<World> {
  const webhooks = { bigcommerce: 0, whistl: 0, non2xx: 0 };
  const receiver: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      let handled: Promise<Response>;
      const whistlMatch = WHISTL_PATH.exec(path);
      if (whistlMatch) {
        webhooks.whistl += 1;
        const params = Promise.resolve({ storeHash: decodeURIComponent(whistlMatch[1] ?? ''), secret: decodeURIComponent(whistlMatch[2] ?? '') });
        handled = whistlWebhookPOST(new Request(`http://localhost${path}`, { method: 'POST', body, headers }), { params });
      } else if (path === '/api/webhooks/bigcommerce') {
        webhooks.bigcommerce += 1;
        handled = bigCommerceWebhookPOST(new Request('http://localhost/api/webhooks/bigcommerce', { method: 'POST', body, headers }));
      } else {
        handled = Promise.resolve(new Response('not found', { status: 404 }));
      }
      handled.then(
        async (response) => {
          if (response.status >= 300) webhooks.non2xx += 1;
          res.writeHead(response.status, { 'content-type': 'application/json' });
          res.end(await response.text());
        },
        (error: unknown) => {
          webhooks.non2xx += 1;
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const appUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  const bc = await startBigCommerceSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl });
  const whistl = await startWhistlSandbox({ port: 0, autoAdvance: { enabled: false, stepMs: 3_600_000 } });

  process.env.BIGCOMMERCE_CLIENT_ID = CLIENT_ID;
  process.env.BIGCOMMERCE_CLIENT_SECRET = CLIENT_SECRET;
  process.env.BIGCOMMERCE_API_URL = bc.url;
  process.env.BIGCOMMERCE_LOGIN_URL = bc.url;
  process.env.APP_URL = appUrl;
  resetEnvCache();
  const database = await openDatabase();

  return {
    db: database.db,
    dbLabel: database.label,
    bc,
    whistl,
    appUrl,
    webhooks,
    close: async () => {
      await disconnectDb();
      await database.drop().catch((error: unknown) => console.error('[bench] could not drop the bench database:', error));
      await Promise.allSettled([bc.close(), whistl.close()]);
      await new Promise((resolve) => receiver.close(resolve));
    },
  };
}

/** Installs a seeded BigCommerce store through the real OAuth exchange and connects its own Whistl account. */
export interface InstallOptions {
  webhooks: boolean;
  /** Set before the install, so the app's rate limiter learns this window from its very first call. */
  quota?: { requests: number; windowMs: number };
}

export async function installBenchStore(world: World, hash: string, skus: string[], stock: number, options: InstallOptions): Promise<BenchStore> {
  if (options.quota) world.bc.control.setQuota(hash, options.quota);
  const account = world.whistl.createAccount({
    name: `Bench ${hash}`,
    apiKeys: [`${hash}-bench-api-key-0001`],
    warehouses: [{ id: 1, name: 'Doncaster', code: 'DON' }],
    products: skus.map((sku) => ({ sku, stock })),
  });
  const code = world.bc.control.issueInstallCode(hash);
  const grant = await exchangeAuthCode(
    { code: code.code, scope: code.scope, context: code.context },
    { loginUrl: world.bc.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: `${world.appUrl}/api/app/auth` },
  );
  const { storeId } = await installStore(world.db, grant);
  await saveWhistlConnection(world.db, storeId, { baseUrl: world.whistl.url, authMode: 'apiKey', apiKey: `${hash}-bench-api-key-0001`, warehouseId: '1' });
  if (options.webhooks) {
    await registerOrderWebhooks(world.db, await bigCommerceClientFor(world.db, storeId), { storeId, storeHash: hash, appUrl: world.appUrl });
  }
  return { storeId, hash, whistlAccountId: account.accountId, skus };
}

/** The demo merchant's catalog (clean, alphanumeric SKUs only) with its main shipping methods mapped. */
export async function installShopStore(world: World, hash: string, options: InstallOptions): Promise<BenchStore> {
  const demo = seedDemoStore(world.bc, { hash, productCount: 60 });
  const awkward = new Set(demo.awkwardSkus);
  const skus = world.bc.control
    .catalog(hash)
    .filter((entry) => entry.type === 'physical' && /^[A-Za-z0-9]+$/.test(entry.sku) && !awkward.has(entry.sku))
    .map((entry) => entry.sku);
  // Plenty of stock: the peak hour measures throughput, not backorders.
  const store = await installBenchStore(world, hash, skus, 1_000_000, options);
  await world.db.shippingMapping.createMany({
    data: [
      { storeId: store.storeId, methodKey: 'royal mail tracked 48', methodLabel: 'Royal Mail Tracked 48', courierService: 'RM48' },
      { storeId: store.storeId, methodKey: 'royal mail tracked 24', methodLabel: 'Royal Mail Tracked 24', courierService: 'RM24' },
      { storeId: store.storeId, methodKey: 'dpd next day', methodLabel: 'DPD Next Day', courierService: 'DPDNEXT' },
    ],
    skipDuplicates: true,
  });
  return store;
}

/**
 * Realistic latency: every 200 ms each simulator's fixed latency knob is re-drawn uniformly from
 * its range (BigCommerce 40-120 ms per store, Whistl 80-200 ms).
 */
export function startLatencyJitter(world: World, storeHashes: () => string[]): () => void {
  const draw = (lo: number, hi: number) => Math.round(lo + Math.random() * (hi - lo));
  const apply = () => {
    for (const hash of storeHashes()) world.bc.control.setFaults(hash, { latencyMs: draw(40, 120) });
    world.whistl.setFaults({ latencyMs: draw(80, 200) });
  };
  apply();
  const timer = setInterval(apply, 200);
  return () => clearInterval(timer);
}

export function placeShopperOrder(world: World, store: BenchStore, n: number): number {
  const sku = store.skus[n % store.skus.length] ?? '';
  const second = store.skus[(n * 7 + 3) % store.skus.length] ?? sku;
  const lines = n % 3 === 0 && second !== sku ? [{ sku, quantity: 1 }, { sku: second, quantity: 2 }] : [{ sku, quantity: 1 + (n % 2) }];
  const order = world.bc.control.placeOrder(store.hash, {
    lines,
    addresses: [
      {
        first_name: 'Ada',
        last_name: `Shopper${n}`,
        street_1: `${1 + (n % 200)} Deansgate`,
        city: 'Manchester',
        zip: 'M3 1AZ',
        country: 'United Kingdom',
        country_iso2: 'GB',
        shippingMethod: n % 4 === 0 ? 'DPD Next Day' : 'Royal Mail Tracked 48',
      },
    ],
    billingAddress: { first_name: 'Ada', last_name: `Shopper${n}`, email: `shopper${n}@example.co.uk` },
    statusId: 11,
  });
  return order.id;
}
