import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E } from './config';
import { SandboxFixture, waitForOrderState } from './fixtures';

/**
 * The dashboard with the demo store: an order held on an unmapped shipping method is listed as at
 * risk while the day's collection (set later today in the store's time zone) is still ahead.
 */
const STORE = `dsh${Date.now().toString(36)}`;
const TIME_ZONE = 'Europe/London';
const sandboxes = new SandboxFixture();
let adminToken: string;
let heldOrderId: number;

async function api(request: APIRequestContext, method: 'GET' | 'PUT', path: string, data?: unknown) {
  const response = await request.fetch(`${E2E.appUrl}${path}`, { method, headers: { authorization: `Bearer ${adminToken}` }, data });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return response.json() as Promise<Record<string, unknown>>;
}

/** "HH:MM" two hours from now on the store's wall clock, kept within today. */
function cutoffLaterToday(): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date());
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  const later = Math.min(hour * 60 + minute + 120, 23 * 60 + 59);
  return `${String(Math.floor(later / 60)).padStart(2, '0')}:${String(later % 60).padStart(2, '0')}`;
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
  const tested = await request.post(`${E2E.appUrl}/api/settings/whistl/test`, { headers: { authorization: `Bearer ${adminToken}` } });
  expect(tested.ok()).toBe(true);
  const sku = sandboxes.bigcommerce.control.catalog(STORE).find((e) => e.type === 'physical' && /^[A-Z0-9]+$/.test(e.sku))!.sku;
  heldOrderId = sandboxes.bigcommerce.control.placeOrder(STORE, {
    lines: [{ sku, quantity: 2 }],
    addresses: [{ first_name: 'Ada', last_name: 'Lovelace', street_1: '12 St James Square', city: 'London', zip: 'SW1Y 4JH', country_iso2: 'GB', shippingMethod: 'Saturday Courier' }],
    billingAddress: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.co.uk' },
    statusId: 11,
  }).id;
  await sandboxes.bigcommerce.control.idle();
  await waitForOrderState(request, adminToken, heldOrderId, 'HELD');
});

test.afterAll(() => sandboxes.cleanup());

test('the dashboard counts down to today’s collection and lists the held order as at risk', async ({ page, request }) => {
  const cutoffTime = cutoffLaterToday();
  const saved = (await api(request, 'PUT', '/api/settings/cutoff', { cutoffTime, timeZone: TIME_ZONE })) as { nextCutoffAt: string; msLeft: number };
  expect(saved.msLeft).toBeGreaterThan(0);

  await page.goto(sandboxes.loadUrl('/'));
  await expect(page.getByRole('heading', { level: 2, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText(`Last collection ${cutoffTime} (${TIME_ZONE})`)).toBeVisible();
  await expect(page.getByRole('heading', { name: `${cutoffTime} today` })).toBeVisible();
  const countdown = page.getByTestId('cutoff-countdown');
  await expect(countdown).toContainText(/\d+ min \d{2} s/);
  const first = await countdown.textContent();
  await expect.poll(() => countdown.textContent()).not.toBe(first);

  const row = page.getByRole('row').filter({ hasText: `#${heldOrderId}` });
  await expect(row).toContainText('Exception');
  await expect(row).toContainText('Saturday Courier');
  await expect(row).toContainText('Ada Lovelace');
  await expect(row.getByRole('link', { name: `#${heldOrderId}` })).toHaveAttribute('href', `/orders?q=${heldOrderId}`);

  // The figures are the database's: one held order, one open unmapped-shipping exception.
  const summary = (await api(request, 'GET', '/api/dashboard')) as { orders: Record<string, number>; cutoff: { atRiskTotal: number } };
  await expect(page.getByTestId('at-risk-total')).toHaveText(`${summary.cutoff.atRiskTotal} order${summary.cutoff.atRiskTotal === 1 ? '' : 's'}`);
  await expect(page.getByRole('link', { name: /Held by an exception/ })).toContainText(String(summary.orders.HELD ?? 0));
  await expect(page.getByRole('link', { name: /× Unmapped shipping/ })).toHaveAttribute('href', '/exceptions?type=UNMAPPED_SHIPPING');
  await expect(page.getByRole('img', { name: /Orders sent to Whistl, last 14 days/ })).toBeVisible();
  await expect(page.getByTestId('job-orders')).toContainText('On time');
  await page.screenshot({ path: 'test-results/screens/dashboard-cutoff.png', fullPage: true });

  // The link opens the order behind it.
  await row.getByRole('link', { name: `#${heldOrderId}` }).click();
  await expect(page).toHaveURL(`${E2E.appUrl}/orders?q=${heldOrderId}`);
  await expect(page.getByRole('row').filter({ hasText: String(heldOrderId) }).first()).toBeVisible();

  // Settings shows the saved collection time and the next collection it means.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Last collection time')).toHaveValue(cutoffTime);
  await expect(page.getByLabel('Store time zone')).toHaveValue(TIME_ZONE);
  await expect(page.getByText(new RegExp(`Next collection: ${cutoffTime} on \\d{4}-\\d{2}-\\d{2} \\(${TIME_ZONE}\\)`))).toBeVisible();
  await page.locator('#cutoff').screenshot({ path: 'test-results/screens/settings-cutoff.png' });
});

test('finance reconciliation shows today’s held order as in BigCommerce, not in Whistl, and downloads it as CSV', async ({ page }) => {
  await page.goto(sandboxes.loadUrl('/finance'));
  await expect(page.getByRole('heading', { level: 2, name: 'Finance reconciliation' })).toBeVisible();
  const mismatch = page.getByRole('row').filter({ hasText: `#${heldOrderId}` });
  await expect(mismatch).toContainText('In BigCommerce, not in Whistl');
  await page.screenshot({ path: 'test-results/screens/finance-mismatch.png', fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download mismatches (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^whistl-reconciliation-mismatches-${STORE}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(path, 'utf8');
  expect(csv).toContain(`IN_BC_NOT_IN_WHISTL,"In BigCommerce, not in Whistl",${heldOrderId},HELD`);
});
