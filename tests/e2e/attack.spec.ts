import { createServer, type Server } from 'node:http';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E } from './config';
import { SandboxFixture, waitForOrderState } from './fixtures';

/**
 * Hostile text in an order is shown as text, and the panel can be framed only by BigCommerce's
 * control panel (plus the stand-in allowed through FRAME_ANCESTORS in playwright.config.ts).
 */
const STORE = `atk${Date.now().toString(36)}`;
const sandboxes = new SandboxFixture();
const FIRST_NAME = '<script>window.__pwned=1</script>';
const LAST_NAME = '<img src=x onerror="window.__pwned=2">';
const METHOD = '<img src=x onerror="window.__pwned=3"> Courier <script>window.__pwned=4</script>';
const BIGCOMMERCE_ONLY = 'frame-ancestors https://*.bigcommerce.com https://*.mybigcommerce.com';
let adminToken: string;
let orderId: number;
let frameHost: Server;

async function api(request: APIRequestContext, method: 'GET' | 'PUT', path: string, data?: unknown) {
  const response = await request.fetch(`${E2E.appUrl}${path}`, { method, headers: { authorization: `Bearer ${adminToken}` }, data });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return response;
}

async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('script', { hasText: '__pwned' })).toHaveCount(0);
  await expect(page.locator('img[onerror]')).toHaveCount(0);
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
  const sku = sandboxes.bigcommerce.control.catalog(STORE).find((e) => e.type === 'physical' && /^[A-Z0-9]+$/.test(e.sku))!.sku;
  const order = sandboxes.bigcommerce.control.placeOrder(STORE, {
    lines: [{ sku, quantity: 1 }],
    addresses: [{ first_name: FIRST_NAME, last_name: LAST_NAME, street_1: '3 Park Row', city: 'Leeds', zip: 'LS1 5HD', country_iso2: 'GB', shippingMethod: METHOD }],
    billingAddress: { first_name: FIRST_NAME, last_name: LAST_NAME, email: 'mallory@example.co.uk' },
    customerMessage: FIRST_NAME,
    statusId: 11,
  });
  orderId = order.id;
  await sandboxes.bigcommerce.control.idle();
  // The unmapped (hostile) method holds the order with an exception that quotes it.
  await waitForOrderState(request, adminToken, orderId, 'HELD');

  // Two origins on one server: the allowed stand-in (127.0.0.1) and a look-alike that is not (localhost).
  frameHost = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>Framer</title><iframe id="app" src="${sandboxes.loadUrl('/orders')}" style="width:1200px;height:800px;border:0"></iframe>`);
  });
  await new Promise<void>((resolve) => frameHost.listen(E2E.framePort, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => frameHost?.close(resolve));
  await sandboxes.cleanup();
});

test('customer name and shipping method markup is shown as text on the Orders page', async ({ page }) => {
  await page.goto(sandboxes.loadUrl('/orders'));
  const row = page.getByRole('row').filter({ hasText: String(orderId) });
  await expect(row).toContainText(`${FIRST_NAME} ${LAST_NAME}`);
  await expectNothingRan(page);
  await page.screenshot({ path: 'test-results/screens/attack-orders.png', fullPage: true });
});

test('the same markup is shown as text on the Exceptions page', async ({ page }) => {
  await page.goto(sandboxes.loadUrl('/exceptions'));
  const row = page.getByRole('row').filter({ hasText: String(orderId) });
  await expect(row).toContainText(`${FIRST_NAME} ${LAST_NAME}`);
  await expect(page.getByText(METHOD).first()).toBeVisible();
  await expectNothingRan(page);
  await page.screenshot({ path: 'test-results/screens/attack-exceptions.png', fullPage: true });
});

test('panel pages carry the frame-ancestors policy and the other security headers', async ({ request }) => {
  for (const path of ['/', '/orders', '/exceptions', '/settings', '/help']) {
    const response = await request.get(`${E2E.appUrl}${path}`);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toBe(`${BIGCOMMERCE_ONLY} ${E2E.frameUrl}`);
    expect(headers['x-frame-options'], path).toBeUndefined();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
  }
  const apiResponse = await request.get(`${E2E.appUrl}/api/me`);
  expect(apiResponse.status()).toBe(401);
  expect(apiResponse.headers()['x-content-type-options']).toBe('nosniff');
  expect(apiResponse.headers()['referrer-policy']).toBe('no-referrer');
});

test('the allowed stand-in may frame the panel; any other site may not', async ({ page }) => {
  await page.goto(E2E.frameUrl);
  await expect(page.frameLocator('#app').getByRole('row').filter({ hasText: String(orderId) })).toBeVisible();

  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/frame-ancestors/.test(message.text())) blocked.push(message.text());
  });
  await page.goto(`http://localhost:${E2E.framePort}`);
  await expect.poll(() => blocked.length).toBeGreaterThan(0);
  await expect(page.frameLocator('#app').getByText(`Store ${STORE}`)).toHaveCount(0);
  await expectNothingRan(page);
});
