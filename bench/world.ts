/**
 * The benchmark's world: a database of its own (PostgreSQL), both simulators over HTTP, and the
 * app in a child process of its own (bench/app-process.ts) whose webhook receiver hands
 * deliveries to the real route handlers. Stores are installed the way a merchant installs them:
 * the real OAuth exchange, the Whistl connection saved, webhooks registered through the real
 * BigCommerce client (those install-time calls run here, in the driver, on its own connection).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { exchangeAuthCode } from '@/lib/bigcommerce/oauth';
import { disconnectDb, getDb, type Db } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { pgRunner } from '@/lib/db/runners';
import { getEnv, resetEnvCache } from '@/lib/env';
import { bigCommerceClientFor } from '@/lib/stores/clients';
import { installStore } from '@/lib/stores/install-store';
import { saveWhistlConnection } from '@/lib/stores/whistl-connection';
import { registerOrderWebhooks } from '@/lib/sync/webhooks/register';
import { startBigCommerceSandbox, type BigCommerceSandbox } from '@/sandbox/bigcommerce';
import { seedDemoStore } from '@/sandbox/bigcommerce/demo-seed';
import { startWhistlSandbox, type WhistlSandbox } from '@/sandbox/whistl';
import { pickFreePort, startAppProcess, type AppProcess } from './app-client';

export const CLIENT_ID = 'bench-client-id';
export const CLIENT_SECRET = 'bench-client-secret-0123456789abcdef';

/** Used when DATABASE_URL is not set: a local server's admin database. */
export const DEFAULT_ADMIN_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface World {
  /** The driver's own connection (installs, the simulated warehouse, metrics). */
  db: Db;
  dbLabel: string;
  bc: BigCommerceSandbox;
  whistl: WhistlSandbox;
  appUrl: string;
  /** The app process: webhook receiver, scheduler, inventory runs. */
  app: AppProcess;
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

function redactedHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(unparseable URL)';
  }
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

/**
 * A fresh database on the PostgreSQL server of DATABASE_URL (or the local default), dropped at the
 * end. PGlite is not an option any more: the app process and the driver both need the database,
 * and an in-memory PGlite cannot be shared between processes.
 */
async function openDatabase(): Promise<{ url: string; label: string; drop(): Promise<void> }> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    adminUrl = DEFAULT_ADMIN_DATABASE_URL;
    console.log(`[bench] DATABASE_URL is not set: using ${adminUrl} (the bench needs PostgreSQL; set DATABASE_URL to an admin connection string to use another server)`);
  }
  const admin = adminUrl;
  const name = `wc_bench_${randomBytes(5).toString('hex')}`;
  try {
    await withClient(admin, (client) => client.query(`CREATE DATABASE ${name}`));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `cannot create the bench database on PostgreSQL at ${redactedHost(admin)}: ${reason}. ` +
        `Start a PostgreSQL server there or set DATABASE_URL to a connection string of a role allowed to CREATE DATABASE.`,
    );
  }
  const url = databaseUrl(admin, name);
  await withClient(url, (client) => applyMigrations(pgRunner(client)));
  return {
    url,
    label: `PostgreSQL at ${redactedHost(admin)} (fresh database ${name})`,
    drop: async () => {
      await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export async function startWorld(): Promise<World> {
  // The app process's receiver port must be known before the BigCommerce simulator starts (it
  // delivers webhooks to appUrl), so it is picked first and handed to the child.
  const appPort = await pickFreePort();
  const appUrl = `http://127.0.0.1:${appPort}`;

  const bc = await startBigCommerceSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appUrl });
  const whistl = await startWhistlSandbox({ port: 0, autoAdvance: { enabled: false, stepMs: 3_600_000 } });
  const closeSimulators = () => Promise.allSettled([bc.close(), whistl.close()]);

  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase();
  } catch (error) {
    await closeSimulators();
    throw error;
  }

  let app: AppProcess;
  try {
    process.env.BIGCOMMERCE_CLIENT_ID = CLIENT_ID;
    process.env.BIGCOMMERCE_CLIENT_SECRET = CLIENT_SECRET;
    process.env.BIGCOMMERCE_API_URL = bc.url;
    process.env.BIGCOMMERCE_LOGIN_URL = bc.url;
    process.env.APP_URL = appUrl;
    process.env.DATABASE_URL = database.url;
    // Both processes must encrypt and decrypt store tokens with the same key: when the secrets are
    // not set, generate them once here and hand them to the child (rather than have both race to
    // create .data/dev-secrets.json).
    process.env.APP_ENCRYPTION_KEY ||= randomBytes(32).toString('base64');
    process.env.CRON_SECRET ||= randomBytes(24).toString('hex');
    process.env.SESSION_SECRET ||= randomBytes(32).toString('hex');
    resetEnvCache();
    getEnv();
    // The product's webhook-triggered path: export / write-back start right after the answer.
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development', SYNC_AFTER_WEBHOOK: '1' };
    app = await startAppProcess({ port: appPort, env });
  } catch (error) {
    await database.drop().catch(() => undefined);
    await closeSimulators();
    throw error;
  }

  return {
    db: await getDb(),
    dbLabel: database.label,
    bc,
    whistl,
    appUrl,
    app,
    close: async () => {
      await app.shutdown().catch((error: unknown) => console.error('[bench] could not stop the app process:', error));
      await disconnectDb();
      await database.drop().catch((error: unknown) => console.error('[bench] could not drop the bench database:', error));
      await closeSimulators();
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
