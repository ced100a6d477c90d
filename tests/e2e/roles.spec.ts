import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { SandboxFixture } from './fixtures';

const STORE = `rol${Date.now().toString(36)}`;
const SUPPORT_USER_ID = 3; // support@demo-outfitters.example.com in the demo store: starts as customer service
const sandboxes = new SandboxFixture();
let hook: Server;
let hookUrl = '';
const received: string[] = [];

test.beforeAll(async ({ request }) => {
  await sandboxes.start(STORE);
  // A Slack-compatible webhook the alert channel posts to.
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/services/T0/B0/e2e-secret`;
  const install = await request.get(sandboxes.installUrl(), { maxRedirects: 0 });
  expect(install.status()).toBe(302);
});

test.afterAll(async () => {
  await new Promise((resolve) => hook.close(resolve));
  await sandboxes.cleanup();
});

/** A panel API call from the page, with the session the panel holds. */
function apiFromPage(page: Page, path: string, init: { method?: string; body?: unknown } = {}) {
  return page.evaluate(
    async ({ path, method, body }) => {
      const token = window.sessionStorage.getItem('whistl-connector.session');
      const response = await fetch(path, {
        method: method ?? 'GET',
        headers: { authorization: `Bearer ${token ?? ''}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    { path, method: init.method, body: init.body },
  );
}

test('a customer-service user sees the mappings editor read-only and is refused a change', async ({ page }) => {
  // The owner opens the app first (becomes admin); then the support user, who starts as customer service.
  await page.goto(sandboxes.loadUrl('/'));
  await expect(page.getByText(/· owner@/)).toBeVisible();
  await page.goto(sandboxes.loadUrl('/shipping-mappings', SUPPORT_USER_ID));
  await expect(page.getByText(`Store ${STORE} · support@demo-outfitters.example.com`)).toBeVisible();
  await expect(page.getByText('Customer service', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Shipping mappings' })).toBeVisible();
  await expect(page.getByText('Only ops and admins can change mappings.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: /Whistl service for/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/roles-cx-shipping-mappings.png', fullPage: true });

  // The API refuses the change even when asked directly.
  const list = await apiFromPage(page, '/api/shipping-mappings');
  expect(list.status).toBe(200);
  const methods = list.body.methods as Array<{ id: string }>;
  expect(methods.length).toBeGreaterThan(0);
  const refused = await apiFromPage(page, `/api/shipping-mappings/${methods[0]!.id}`, { method: 'PUT', body: { courierService: 'RM24' } });
  expect(refused.status).toBe(403);
  expect(refused.body.error).toBe('Your role (cx) cannot do this; ask a store admin.');
  expect((await apiFromPage(page, '/api/audit-log')).status).toBe(403);

  // Settings shows no team, alerts or audit log to customer service.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await expect(page.getByText('Order export')).toBeVisible();
  await expect(page.getByText('Team and roles')).toHaveCount(0);
  await expect(page.getByText('Audit log')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Channels' })).toHaveCount(0);
});

test('an admin adds an alert channel, sends a test alert, and finds the change in the audit log', async ({ page }) => {
  await page.goto(sandboxes.loadUrl('/settings'));
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await expect(page.getByText('No alert channels yet')).toBeVisible();
  await page.getByLabel('Incoming webhook URL').fill(hookUrl);
  await page.getByRole('button', { name: 'Add channel' }).click();
  await expect(page.getByText(/Added Webhook at 127\.0\.0\.1:\d+\. Send a test alert to check it\./)).toBeVisible();
  // The secret URL is never shown again.
  await expect(page.getByText('e2e-secret')).toHaveCount(0);
  await page.getByRole('button', { name: 'Send test alert', exact: true }).click();
  await expect(page.getByText(/Test alert sent to Webhook at 127\.0\.0\.1/)).toBeVisible();
  expect(received.some((body) => body.includes('Test alert from the Whistl connector'))).toBe(true);
  await expect(page.getByRole('cell', { name: 'Test alert from the Whistl connector' })).toBeVisible();

  // An SMTP server that refuses: the failed test shows its reason.
  await page.getByText('Email', { exact: true }).click();
  await page.getByLabel('Email address').fill('ops@demo-outfitters.example.com');
  await page.getByRole('button', { name: 'Add channel' }).click();
  await expect(page.getByText('Added ops@demo-outfitters.example.com.', { exact: false })).toBeVisible();
  await page.getByLabel('SMTP server').fill('127.0.0.1');
  await page.getByRole('spinbutton', { name: 'SMTP port' }).fill('9');
  await page.getByLabel('Sender address').fill('alerts@demo-outfitters.example.com');
  await page.getByRole('button', { name: 'Save SMTP settings' }).click();
  await expect(page.getByText('SMTP settings saved.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Send test alert to every channel' }).click();
  await expect(page.getByText(/ops@demo-outfitters\.example\.com: Email not sent/).first()).toBeVisible();
  await page.reload();
  await expect(page.getByText(/could not be delivered in the last 24 hours/)).toBeVisible();

  await expect(page.getByText('Alert channel added').first()).toBeVisible();
  await expect(page.getByText('SMTP settings', { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/roles-admin-settings-alerts-audit.png', fullPage: true });
  await page.getByRole('heading', { name: 'Alerts', exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/roles-admin-alerts.png' });
  await page.getByRole('heading', { name: 'Audit log', exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/roles-admin-audit-log.png' });
});

test('the help page explains each exception, with the store’s owner, and its anchors work', async ({ page }) => {
  await page.goto(sandboxes.loadUrl('/help'));
  await expect(page.getByRole('heading', { level: 2, name: 'Help' })).toBeVisible();
  await page.getByRole('link', { name: 'Delivery address incomplete or invalid' }).click();
  await expect(page).toHaveURL(/\/help#INVALID_ADDRESS$/);
  const entry = page.locator('#INVALID_ADDRESS');
  await expect(entry.getByRole('heading', { name: 'Delivery address incomplete or invalid' })).toBeVisible();
  await expect(entry.getByText('Owner: Customer service')).toBeVisible();
  await expect(entry.getByText('How to check the fix worked')).toBeVisible();
  await expect(page.locator('[id]').filter({ has: page.getByText('What it means') })).toHaveCount(11);
  await page.screenshot({ path: 'test-results/screens/roles-help-anchor.png' });
  await page.screenshot({ path: 'test-results/screens/roles-help.png', fullPage: true });
});
