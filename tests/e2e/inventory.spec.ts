import { expect, test } from '@playwright/test';
import { E2E } from './config';
import { SandboxFixture } from './fixtures';

const STORE = `inv${Date.now().toString(36)}`;
const sandboxes = new SandboxFixture();

test.beforeAll(async ({ request }) => {
  await sandboxes.start(STORE);
  const install = await request.get(sandboxes.installUrl(), { maxRedirects: 0 });
  expect(install.status()).toBe(302);
});

test.afterAll(() => sandboxes.cleanup());

const cron = { authorization: `Bearer ${E2E.cronSecret}` };

test('the Inventory page lists a SKU whose stock changed in Whistl, with its buffer and target', async ({ page, request }) => {
  await page.goto(sandboxes.loadUrl('/inventory'));
  await expect(page.getByRole('heading', { level: 2, name: 'Inventory' })).toBeVisible();

  // Connect Whistl through the panel API with the page's session (as the Settings page does).
  const api = (method: string, path: string, body: unknown) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const token = window.sessionStorage.getItem('whistl-connector.session') ?? '';
        const response = await fetch(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      { method, path, body },
    );
  const saved = await api('PUT', '/api/settings/whistl', { baseUrl: E2E.whistlUrl, authMode: 'apiKey', apiKey: sandboxes.whistlAccount.apiKey, warehouseId: String(sandboxes.whistlAccount.warehouses[0]!.id) });
  expect(saved.status).toBe(200);

  // First run: a full reconciliation.
  const first = await request.post(`${E2E.appUrl}/api/cron/inventory`, { headers: cron });
  expect(first.status()).toBe(200);
  const firstBody = (await first.json()) as { runs: Array<{ storeHash: string; pushed: number; error: string | null }> };
  const firstRun = firstBody.runs.find((r) => r.storeHash === STORE);
  expect(firstRun?.error).toBeNull();
  expect(firstRun?.pushed).toBeGreaterThan(0);

  // Stock changes at Whistl for one variant-tracked SKU.
  const inWhistl = new Set(sandboxes.whistlAccount.products.map((p) => p.sku));
  const entry = sandboxes.bigcommerce.control.catalog(STORE).find((e) => e.inventoryTracking === 'variant' && /^[A-Z0-9]+$/.test(e.sku) && inWhistl.has(e.sku));
  expect(entry).toBeDefined();
  const sku = entry!.sku;
  sandboxes.whistl.setStock(sandboxes.whistlAccount.accountId, [{ sku, onHand: 7 }]);
  // A default buffer of 1 unit (saved like the Settings page does) makes the next run reconcile at once.
  const settings = await api('PUT', '/api/inventory/settings', {
    inventorySyncEnabled: true, inventoryIntervalMinutes: 1, inventoryFullIntervalMinutes: 360, defaultStockBuffer: 1, stockFigure: 'LEVEL', stuckStateHours: 24,
  });
  expect(settings.status).toBe(200);
  const second = await request.post(`${E2E.appUrl}/api/cron/inventory`, { headers: cron });
  expect(second.status()).toBe(200);

  await page.reload();
  await page.getByRole('button', { name: /^Changed \(\d+\)$/ }).click();
  await page.getByRole('textbox', { name: 'Search SKUs' }).fill(sku);
  const row = page.getByRole('row').filter({ hasText: sku });
  await expect(row).toHaveCount(1);
  // Whistl free 7, default buffer 1, nothing in flight: 6 pushed.
  await expect(row.getByRole('cell').nth(1)).toHaveText('7');
  await expect(row.getByRole('cell').nth(4)).toHaveText('6');
  await expect(row.getByRole('cell').nth(5)).toHaveText('6');
  await expect(page.getByText('Last good run')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/inventory-changed.png', fullPage: true });
  await page.getByRole('textbox', { name: 'Search SKUs' }).fill('');
  await page.getByRole('button', { name: /^Orphaned \(\d+\)$/ }).click();
  await expect(page.getByText(/Only in (Whistl|BigCommerce)/).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/inventory-orphaned.png', fullPage: true });

  // The settings saved above show on the Settings page's inventory panel.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Inventory sync' })).toBeVisible();
  await expect(page.getByLabel('Default safety buffer (units)')).toHaveValue('1');
  await expect(page.getByLabel('Total stock level: on hand')).not.toBeChecked();
  await page.screenshot({ path: 'test-results/screens/settings-inventory.png', fullPage: true });

  // BigCommerce got it (applied asynchronously).
  await sandboxes.bigcommerce.control.idle();
  expect(sandboxes.bigcommerce.control.inventory(STORE).find((i) => i.sku === sku)?.onHand).toBe(6);
});
