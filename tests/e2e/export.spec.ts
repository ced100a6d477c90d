import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E } from './config';
import { SandboxFixture, waitForOrderState } from './fixtures';

/**
 * The heart of the product, as an ops user lives it: an order on a shipping method nobody mapped
 * is held with an exception; mapping the method in the panel sends it, and it leaves the queue.
 */
const STORE = `exp${Date.now().toString(36)}`;
const OPS_USER_ID = 2;
const sandboxes = new SandboxFixture();
let adminToken: string;

async function api(request: APIRequestContext, method: 'GET' | 'PUT', path: string, token: string, data?: unknown) {
  const response = await request.fetch(`${E2E.appUrl}${path}`, { method, headers: { authorization: `Bearer ${token}` }, data });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return response.json() as Promise<Record<string, unknown>>;
}

test.beforeAll(async ({ request }) => {
  await sandboxes.start(STORE);
  const install = await request.get(sandboxes.installUrl(), { maxRedirects: 0 });
  adminToken = install.headers().location?.match(/#session=([\w-]+)/)?.[1] ?? '';
  expect(adminToken).not.toBe('');
  await api(request, 'PUT', '/api/settings/whistl', adminToken, {
    baseUrl: E2E.whistlUrl,
    authMode: 'apiKey',
    apiKey: sandboxes.whistlAccount.apiKey,
    warehouseId: String(sandboxes.whistlAccount.warehouses[0]!.id),
  });
  // The ops colleague opens the app once (arriving as customer service); the admin makes them ops.
  await request.get(sandboxes.loadUrl('/', OPS_USER_ID), { maxRedirects: 0 });
  const team = (await api(request, 'GET', '/api/team', adminToken)) as { members: Array<{ userId: string; email: string }> };
  const ops = team.members.find((m) => m.email.startsWith('ops@'))!;
  await api(request, 'PUT', `/api/team/${ops.userId}`, adminToken, { role: 'OPS' });
});

test.afterAll(() => sandboxes.cleanup());

test('an ops user maps an unmapped method and the held order leaves the exception queue', async ({ page, request }) => {
  const sku = sandboxes.bigcommerce.control.catalog(STORE).find((e) => e.type === 'physical' && /^[A-Z0-9]+$/.test(e.sku))!.sku;
  const order = sandboxes.bigcommerce.control.placeOrder(STORE, {
    lines: [{ sku, quantity: 1 }],
    addresses: [{ first_name: 'Grace', last_name: 'Hopper', street_1: '3 Park Row', city: 'Leeds', zip: 'LS1 5HD', country_iso2: 'GB', shippingMethod: 'Saturday Courier' }],
    billingAddress: { first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.co.uk' },
    statusId: 11,
  });
  await sandboxes.bigcommerce.control.idle();
  await waitForOrderState(request, adminToken, order.id, 'HELD');

  await page.goto(sandboxes.loadUrl('/exceptions', OPS_USER_ID));
  await expect(page.getByText(/· ops@/)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: String(order.id) });
  await expect(row).toContainText('Saturday Courier');
  await page.screenshot({ path: 'test-results/screens/exceptions-held.png', fullPage: true });

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Shipping mappings', exact: true }).click();
  const service = page.getByRole('combobox', { name: 'Whistl service for Saturday Courier' });
  await service.click();
  await page.getByRole('option', { name: 'EXP', exact: true }).click();
  await page.getByRole('row').filter({ hasText: 'Saturday Courier' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('1 held order was sent back to the export queue.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/shipping-mapped.png', fullPage: true });

  await waitForOrderState(request, adminToken, order.id, 'EXPORTED');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Exceptions', exact: true }).click();
  await expect(page.getByText('No exceptions: nothing is waiting')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: String(order.id) })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/exceptions-cleared.png', fullPage: true });
});
