/**
 * `npm run dev`. With real BigCommerce credentials in the environment it is plain `next dev`.
 * Without them it is the live demo: both simulators, the seeded demo store installed through the
 * real auth callback, its Whistl connection saved and tested, a steady trickle of shopper
 * orders, and the panel opened as the store owner through the real load callback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadDevSecrets, SANDBOX_CLIENT_ID } from '../lib/dev-secrets';
import { startDemoSandboxes, type DemoSandboxes } from '../sandbox/demo';

const appPort = Number(process.env.PORT ?? 3000);
const DEMO_MAPPINGS: Record<string, string> = { 'Royal Mail Tracked 48': 'RM48', 'Royal Mail Tracked 24': 'RM24', 'DPD Next Day': 'DPDNEXT' };
const appUrl = process.env.APP_URL ?? `http://localhost:${appPort}`;

function startNext(env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn('npx', ['next', 'dev', '-p', String(appPort)], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
  return child;
}

async function waitUntilUp(url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`The app did not come up at ${url}`);
}

async function panelCall(path: string, token: string, init: RequestInit = {}) {
  const response = await fetch(new URL(path, appUrl), {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body;
}

/** What a merchant does on day one: install the app, then connect it to their Whistl account. */
async function installDemoStore(demo: DemoSandboxes): Promise<void> {
  const { callbackUrl } = demo.bigcommerce.control.issueInstallCode(demo.store.hash);
  if (!callbackUrl) throw new Error('The BigCommerce sandbox does not know the app URL');
  const response = await fetch(callbackUrl, { redirect: 'manual' });
  const token = response.headers.get('location')?.match(/#session=([\w-]+)/)?.[1];
  if (!token) throw new Error(`Install failed (${response.status}): ${await response.text()}`);
  await panelCall('/api/settings/whistl', token, {
    method: 'PUT',
    body: JSON.stringify({
      baseUrl: demo.whistl.url,
      authMode: 'password',
      username: demo.whistlAccount.username,
      password: demo.whistlAccount.password,
      warehouseId: String(demo.whistlAccount.warehouses[0]?.id ?? ''),
    }),
  });
  const test = await panelCall('/api/settings/whistl/test', token, { method: 'POST' });
  console.log(`[demo] Whistl connection: ${String(test.detail)}`);
  // The merchant has mapped their main methods; a few stay unmapped so the exception queue has work.
  const listing = (await panelCall('/api/shipping-mappings', token)) as { methods?: Array<{ id: string; methodLabel: string; courierService: string | null }> };
  for (const [label, service] of Object.entries(DEMO_MAPPINGS)) {
    const method = listing.methods?.find((m) => m.methodLabel === label);
    if (method && !method.courierService) {
      await panelCall(`/api/shipping-mappings/${method.id}`, token, { method: 'PUT', body: JSON.stringify({ courierService: service }) });
    }
  }
  console.log(`[demo] mapped ${Object.keys(DEMO_MAPPINGS).join(', ')}; left ${demo.store.unmappedMethods.join(', ')} unmapped`);
}

/** The demo's cron: what Vercel cron or a CronJob does in production, every few seconds here. */
function startScheduler(cronSecret: string): void {
  const everyMs = Number(process.env.DEMO_CRON_INTERVAL_MS ?? 5_000);
  let running = false;
  setInterval(() => {
    if (running) return;
    running = true;
    fetch(new URL('/api/cron/orders', appUrl), { method: 'POST', headers: { authorization: `Bearer ${cronSecret}` } })
      .then(async (response) => {
        const summary = (await response.json()) as { export?: { outcomes?: Record<string, number> } };
        const outcomes = Object.entries(summary.export?.outcomes ?? {}).filter(([, n]) => n > 0);
        if (outcomes.length) console.log(`[demo] export run: ${outcomes.map(([k, n]) => `${n} ${k}`).join(', ')}`);
      })
      // Despatches back to BigCommerce: parcels going out with tracking.
      .then(() => fetch(new URL('/api/cron/fulfilment', appUrl), { method: 'POST', headers: { authorization: `Bearer ${cronSecret}` } }))
      .then(async (response) => {
        const summary = (await response.json()) as { writeBacks?: { outcomes?: Record<string, number> } };
        const outcomes = Object.entries(summary.writeBacks?.outcomes ?? {}).filter(([, n]) => n > 0);
        if (outcomes.length) console.log(`[demo] fulfilment run: ${outcomes.map(([k, n]) => `${n} ${k}`).join(', ')}`);
      })
      // Stock from Whistl to the storefront (each store on its own schedule).
      .then(() => fetch(new URL('/api/cron/inventory', appUrl), { method: 'POST', headers: { authorization: `Bearer ${cronSecret}` } }))
      .then(async (response) => {
        const summary = (await response.json()) as { runs?: Array<{ storeHash: string; kind: string; pushed: number; failed: number }> };
        for (const run of summary.runs ?? []) if (run.pushed || run.failed) console.log(`[demo] inventory ${run.kind} run (${run.storeHash}): ${run.pushed} pushed, ${run.failed} failed`);
      })
      // Drift, dispatch cutoff risk and alerts.
      .then(() => fetch(new URL('/api/cron/monitor', appUrl), { method: 'POST', headers: { authorization: `Bearer ${cronSecret}` } }))
      .then(async (response) => {
        const summary = (await response.json()) as { alerts?: { sent: number; failed: number } };
        if (summary.alerts?.sent || summary.alerts?.failed) console.log(`[demo] alerts: ${summary.alerts.sent} sent, ${summary.alerts.failed} failed`);
      })
      .catch((error: unknown) => console.warn(`[demo] cron call failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  }, everyMs).unref();
}

function openBrowser(url: string): void {
  if (process.env.CI || process.env.DEMO_NO_BROWSER) return;
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'start' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

async function main() {
  if (process.env.BIGCOMMERCE_CLIENT_ID && process.env.BIGCOMMERCE_CLIENT_SECRET) {
    startNext(process.env);
    return;
  }
  const secrets = loadDevSecrets();
  const demo = await startDemoSandboxes({
    bigcommercePort: Number(process.env.SANDBOX_BIGCOMMERCE_PORT ?? 4010),
    whistlPort: Number(process.env.SANDBOX_WHISTL_PORT ?? 4020),
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: secrets.BIGCOMMERCE_CLIENT_SECRET,
    appUrl,
  });
  const child = startNext({
    ...process.env,
    BIGCOMMERCE_CLIENT_ID: SANDBOX_CLIENT_ID,
    BIGCOMMERCE_CLIENT_SECRET: secrets.BIGCOMMERCE_CLIENT_SECRET,
    BIGCOMMERCE_API_URL: demo.bigcommerce.url,
    BIGCOMMERCE_LOGIN_URL: demo.bigcommerce.url,
    APP_URL: appUrl,
    SANDBOX_MODE: '1',
    SANDBOX_STORE_HASH: demo.store.hash,
    NEXT_PUBLIC_SANDBOX_MODE: '1',
  });
  const stop = () => {
    child.kill('SIGINT');
    void demo.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log(`[demo] BigCommerce sandbox ${demo.bigcommerce.url}, Whistl sandbox ${demo.whistl.url}; waiting for the app…`);
  await waitUntilUp(`${appUrl}/help`);
  await installDemoStore(demo);

  const intervalMs = Number(process.env.DEMO_ORDER_INTERVAL_MS ?? 20_000);
  setInterval(() => {
    const order = demo.store.placeRandomOrder();
    console.log(`[demo] shopper placed order ${order.id} (${order.lines.length} line(s), ${order.addresses[0]?.shippingMethod ?? 'no shipping'})`);
  }, intervalMs).unref();

  startScheduler(secrets.CRON_SECRET);

  const panel = `${appUrl}/api/sandbox/open`;
  console.log(`\n[demo] Demo store "${demo.store.hash}" installed. Open the panel as its owner: ${panel}\n`);
  openBrowser(panel);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
