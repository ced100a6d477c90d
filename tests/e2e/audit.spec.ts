import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E } from './config';
import { SandboxFixture } from './fixtures';

/**
 * The two go-live features as a merchant meets them: the "Whistl status" link on BigCommerce's
 * order page opens that order's timeline in the app, and the audit reports what would break.
 */
const STORE = `aud${Date.now().toString(36)}`;
const sandboxes = new SandboxFixture();
const MAPPINGS: Record<string, string> = { 'Royal Mail Tracked 48': 'RM48', 'Royal Mail Tracked 24': 'RM24', 'DPD Next Day': 'DPDNEXT' };
let adminToken: string;

async function api(request: APIRequestContext, method: 'GET' | 'PUT', path: string, data?: unknown) {
  const response = await request.fetch(`${E2E.appUrl}${path}`, { method, headers: { authorization: `Bearer ${adminToken}` }, data });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return response.json() as Promise<Record<string, unknown>>;
}

test.beforeAll(async ({ request }) => {
  await sandboxes.start(STORE);
  const install = await request.get(sandboxes.installUrl(), { maxRedirects: 0 });
  adminToken = install.headers().location?.match(/#session=([\w-]+)/)?.[1] ?? '';
  expect(adminToken).not.toBe('');
  await api(request, 'PUT', '/api/settings/whistl', {
    baseUrl: E2E.whistlUrl,
    authMode: 'apiKey',
    apiKey: sandboxes.whistlAccount.apiKey,
    warehouseId: String(sandboxes.whistlAccount.warehouses[0]!.id),
  });
  const listing = (await api(request, 'GET', '/api/shipping-mappings')) as { methods: Array<{ id: string; methodLabel: string }> };
  for (const method of listing.methods) {
    const service = MAPPINGS[method.methodLabel];
    if (service) await api(request, 'PUT', `/api/shipping-mappings/${method.id}`, { courierService: service });
  }
  for (let i = 0; i < 40; i += 1) sandboxes.store.placeRandomOrder();
  await sandboxes.bigcommerce.control.idle();
});

test.afterAll(() => sandboxes.cleanup());

test('the order page extension opens exactly that order’s timeline', async ({ page, request }) => {
  const [extension] = sandboxes.bigcommerce.control.appExtensions(STORE);
  expect(extension).toMatchObject({ model: 'ORDERS', url: '/orders/${id}', label: { defaultValue: 'Whistl status' } });
  // The order reaches the app through the webhook and the export run.
  const orderId = 105;
  await expect
    .poll(async () => {
      await request.post(`${E2E.appUrl}/api/cron/orders`, { headers: { authorization: `Bearer ${E2E.cronSecret}` } });
      const found = await request.get(`${E2E.appUrl}/api/orders/by-bc-id/${orderId}`, { headers: { authorization: `Bearer ${adminToken}` } });
      return found.status();
    }, { timeout: 30_000 })
    .toBe(200);

  // The user clicks "Whistl status" on order 105 in the control panel: the load flow brings the deep link.
  const opened = sandboxes.bigcommerce.control.openAppExtension(STORE, { recordId: orderId });
  await page.goto(opened.callbackUrl!);
  await expect(page).toHaveURL(`${E2E.appUrl}/orders/${orderId}`);
  await expect(page.getByRole('heading', { level: 2, name: `Order #${orderId}`, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByText(`Order #${orderId}`, { exact: true }).last()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/order-deeplink.png', fullPage: true });

  // An order number that is not this store's: a clear "not found".
  const other = sandboxes.bigcommerce.control.openAppExtension(STORE, { recordId: 999_999 });
  await page.goto(other.callbackUrl!);
  await expect(page.getByText('Order not found')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/order-deeplink-not-found.png', fullPage: true });
});

test('run the audit in the demo store and read the report', async ({ page }) => {
  await page.goto(sandboxes.loadUrl('/audit'));
  await expect(page.getByRole('heading', { level: 2, name: 'Go-live audit', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Run the audit' }).click();
  await expect(page.getByRole('heading', { name: 'What would block orders' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('audit-clean-share')).toHaveText(/^\d+\.\d%$/);
  const shipping = page.getByTestId('finding-unmapped-shipping');
  await expect(shipping).toContainText('Shipping methods not mapped to a Whistl courier service');
  await expect(shipping).toContainText('International Tracked');
  await expect(page.getByTestId('finding-sku-policy')).toContainText('SKUs the Whistl SKU policy rejects');
  await expect(page.getByTestId('finding-settings-cutoff')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/audit-report.png', fullPage: true });

  // Each finding links to where it is fixed.
  await shipping.getByRole('link', { name: /Fix it: Shipping mappings/ }).click();
  await expect(page).toHaveURL(`${E2E.appUrl}/shipping-mappings`);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'What would block orders' })).toBeVisible();

  // Download as CSV, and the printable page.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^whistl-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  await page.getByRole('button', { name: 'Printable report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Whistl go-live audit' })).toBeVisible();
  await expect(page.getByTestId('finding-unmapped-shipping')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/audit-print.png', fullPage: true });
});
