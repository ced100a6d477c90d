/**
 * `npm run audit:large` (`-- --orders=N --products=N` to change the size): the go-live audit on a
 * large store — 20,000 orders and 50,000 SKUs (10,000 products x 5 variants) by default — against
 * both simulators in this process, on an in-memory database. Prints run time, memory and requests.
 * Run with `node --expose-gc` for a steadier memory baseline (optional).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

function arg(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function main() {
  Object.assign(process.env, {
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    PGLITE_DATA_DIR: 'memory://',
    APP_URL: 'http://localhost:3000',
    CRON_SECRET: randomBytes(16).toString('hex'),
    APP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SESSION_SECRET: randomBytes(24).toString('hex'),
    BIGCOMMERCE_CLIENT_ID: 'large-client-id',
    BIGCOMMERCE_CLIENT_SECRET: 'large-client-secret-0123456789',
    BIGCOMMERCE_API_URL: 'http://127.0.0.1:9/unused',
    BIGCOMMERCE_LOGIN_URL: 'http://127.0.0.1:9/unused',
  });
  delete process.env.DATABASE_URL;
  const orders = arg('orders', 20_000);
  const products = arg('products', 10_000);
  const { getDb, disconnectDb } = await import('../lib/db/client');
  const { runLargeAudit } = await import('../tests/support/large-audit');
  const db = await getDb();
  const log = (line: string) => console.log(`[audit:large] ${line}`);
  log(`store: ${orders} orders, ${products * 5} SKUs; BigCommerce quota 150 requests / 30 s`);
  const result = await runLargeAudit(db, { orders, products }, log);
  const { report } = result;
  log(`run time: ${(result.ms / 1000).toFixed(1)} s`);
  log(`memory: RSS ${result.rssBeforeMb} MB before the audit (simulators and data included), peak ${result.peakRssMb} MB (+${Math.round((result.peakRssMb - result.rssBeforeMb) * 10) / 10} MB); peak heap growth during the audit ${result.heapGrowthPeakMb} MB (garbage included); live heap growth after GC, sampled every second: ${result.liveHeapGrowthPeakMb ?? 'n/a (no --expose-gc)'} MB`);
  log(`requests: BigCommerce ${result.bigcommerceRequests} (report counts ${report.requests.bigcommerce}), Whistl ${report.requests.whistl}; 429s served by BigCommerce: ${result.served429}`);
  log(`orders: ${report.orders.total} checked, ${report.orders.clean} clean (${((report.orders.cleanShare ?? 0) * 100).toFixed(1)}%), ${report.orders.blocked} blocked`);
  for (const finding of report.findings) log(`  ${finding.id}: ${finding.count} items${finding.orders !== null ? `, ${finding.orders} orders` : ''}`);
  log(`expected: ${JSON.stringify(result.expected)}`);
  await disconnectDb();
}

if (process.env.AUDIT_LARGE_CHILD === '1') {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  // Like Next on the server: the `react-server` condition makes the `server-only` marker a no-op.
  const child = spawn(process.execPath, ['--conditions=react-server', '--expose-gc', '--import', 'tsx', __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, AUDIT_LARGE_CHILD: '1' },
  });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}
