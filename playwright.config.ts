import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E } from './tests/e2e/config';

/**
 * Browser tests drive Debian's Chromium (apt-get install chromium); Playwright's own browser
 * download is never used. The app runs as in production (`next start`) against DATABASE_URL when
 * set, otherwise against a fresh embedded database.
 */
const databaseEnv: Record<string, string> = process.env.DATABASE_URL
  ? { DATABASE_URL: process.env.DATABASE_URL }
  : { PGLITE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'connector-e2e-')) };

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: E2E.appUrl,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `${process.env.E2E_SKIP_BUILD ? '' : 'npx next build && '}npm run db:migrate && npx next start -p ${E2E.appPort}`,
    url: `${E2E.appUrl}/help`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      ...databaseEnv,
      NODE_ENV: 'production',
      BIGCOMMERCE_CLIENT_ID: E2E.clientId,
      BIGCOMMERCE_CLIENT_SECRET: E2E.clientSecret,
      BIGCOMMERCE_LOGIN_URL: E2E.loginUrl,
      BIGCOMMERCE_API_URL: E2E.loginUrl,
      APP_URL: E2E.appUrl,
      CRON_SECRET: E2E.cronSecret,
      APP_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      SESSION_SECRET: 'e2e-session-secret-0123456789-0123456789',
      // The stand-in control panel (tests/e2e/panel.spec.ts) frames the app from here.
      FRAME_ANCESTORS: E2E.frameUrl,
    },
  },
});
