import { createServer, type Server } from 'node:http';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { E2E } from './config';
import { SandboxFixture } from './fixtures';

const STORE = `pnl${Date.now().toString(36)}`;
const sandboxes = new SandboxFixture();
let frameHost: Server;
let ownerEmail: string;

test.beforeAll(async ({ request }) => {
  await sandboxes.start(STORE);
  ownerEmail = sandboxes.bigcommerce.control.getStore(STORE).owner.email;
  // Stands in for the control panel: another site that shows the app in an iframe.
  frameHost = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>Control panel</title><h1>Control panel</h1><iframe id="app" src="${sandboxes.loadUrl('/settings')}" style="width:1200px;height:800px;border:0"></iframe>`);
  });
  await new Promise<void>((resolve) => frameHost.listen(E2E.framePort, '127.0.0.1', resolve));

  const install = await request.get(sandboxes.installUrl(), { maxRedirects: 0 });
  expect(install.status()).toBe(302);
});

test.afterAll(async () => {
  await new Promise((resolve) => frameHost.close(resolve));
  await sandboxes.cleanup();
});

const SECTIONS = [
  { tab: 'Dashboard', heading: 'Dashboard', path: '/' },
  { tab: 'Exceptions', heading: 'Exceptions', path: '/exceptions' },
  { tab: 'Orders', heading: 'Orders', path: '/orders' },
  { tab: 'Shipping mappings', heading: 'Shipping mappings', path: '/shipping-mappings' },
  { tab: 'SKU rules', heading: 'SKU rules', path: '/sku-rules' },
  { tab: 'Inventory', heading: 'Inventory', path: '/inventory' },
  { tab: 'Audit', heading: 'Go-live audit', path: '/audit' },
  { tab: 'Finance', heading: 'Finance reconciliation', path: '/finance' },
  { tab: 'Settings', heading: 'Settings', path: '/settings' },
  { tab: 'Help', heading: 'Help', path: '/help' },
];

async function expectSignedIn(scope: Page | FrameLocator) {
  await expect(scope.getByText(`Store ${STORE} · ${ownerEmail}`)).toBeVisible();
}

test('the load callback opens the demo store panel and every section renders', async ({ page }) => {
  await page.goto(sandboxes.loadUrl('/'));
  await expectSignedIn(page);
  // The session token must not linger in the address bar.
  expect(page.url()).toBe(`${E2E.appUrl}/`);
  for (const section of SECTIONS) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section.tab, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: section.heading, exact: true }).first()).toBeVisible();
    await expect(page).toHaveURL(`${E2E.appUrl}${section.path}`);
    await expect(page.getByRole('link', { name: section.tab, exact: true })).toHaveAttribute('aria-current', 'page');
    await page.screenshot({ path: `test-results/screens/${section.path === '/' ? 'dashboard' : section.path.slice(1)}.png`, fullPage: true });
  }
  // A reload keeps the session where the browser allows storage.
  await page.reload();
  await expectSignedIn(page);
});

test('without a session the panel says where to open it', async ({ page }) => {
  await page.goto('/exceptions');
  await expect(page.getByText('Open this app from BigCommerce')).toBeVisible();
});

test('a bad signed payload is refused with a plain message', async ({ page }) => {
  const response = await page.goto('/api/app/load?signed_payload_jwt=forged.token.here');
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('Invalid signed payload');
});

test('inside a cross-site iframe: Settings reports the exact failure, then connects to Whistl', async ({ page }) => {
  await page.goto(E2E.frameUrl);
  const app = page.frameLocator('#app');
  const connection = app.locator('form').filter({ has: app.getByLabel('API base URL') });
  await expectSignedIn(app);
  await expect(app.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  // Moving between sections inside the frame keeps the session, even where storage is denied.
  await app.getByRole('link', { name: 'Help', exact: true }).click();
  await expect(app.getByRole('heading', { level: 2, name: 'Help' })).toBeVisible();
  await app.getByRole('link', { name: 'Settings', exact: true }).click();

  await connection.getByLabel('API base URL').fill('http://127.0.0.1:3199');
  await app.getByText('API key that never expires').click();
  await connection.getByLabel('API key', { exact: true }).fill('not-a-real-key');
  await connection.getByLabel('Warehouse id').fill('1');
  await connection.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByText('Saved. Use “Test connection” to check it works.')).toBeVisible();
  await app.getByRole('button', { name: 'Test connection' }).click();
  await expect(app.getByText(/Could not reach Whistl.*ECONNREFUSED/)).toBeVisible();

  await connection.getByLabel('API base URL').fill(E2E.whistlUrl);
  await app.getByText('Username and password').click();
  await connection.getByLabel('Username', { exact: true }).fill(sandboxes.whistlAccount.username);
  await connection.getByLabel('Password', { exact: true }).fill('wrong-password');
  await connection.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByText('Saved. Use “Test connection” to check it works.')).toBeVisible();
  await app.getByRole('button', { name: 'Test connection' }).click();
  await expect(app.getByText(/Whistl credentials rejected/)).toBeVisible();

  await connection.getByLabel('Password', { exact: true }).fill(sandboxes.whistlAccount.password);
  await connection.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByText('Saved. Use “Test connection” to check it works.')).toBeVisible();
  await app.getByRole('button', { name: 'Test connection' }).click();
  await expect(app.getByText('Connected to Whistl; orders will go to warehouse Whistl Fulfilment Doncaster.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Test connection' })).toBeEnabled();
  await page.screenshot({ path: 'test-results/screens/settings-in-iframe.png', fullPage: true });
});
