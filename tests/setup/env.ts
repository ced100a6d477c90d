/**
 * Runs before every test file. Tests never read .data/dev-secrets.json: they get fixed values.
 * DATABASE_URL, when set by whoever runs `npm test`, names a Postgres server; each test file that
 * needs a database gets a fresh one there (tests/setup/db.ts). Unset, tests use in-memory PGlite.
 */
process.env.TEST_ADMIN_DATABASE_URL ??= process.env.DATABASE_URL ?? '';
Object.assign(process.env, {
  NODE_ENV: 'test',
  BIGCOMMERCE_CLIENT_ID: 'test-client-id',
  BIGCOMMERCE_CLIENT_SECRET: 'test-client-secret-0123456789',
  BIGCOMMERCE_API_URL: 'http://127.0.0.1:9/unused',
  BIGCOMMERCE_LOGIN_URL: 'http://127.0.0.1:9/unused',
  APP_URL: 'http://localhost:3000',
  CRON_SECRET: 'test-cron-secret-0123456789',
  APP_ENCRYPTION_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
  SESSION_SECRET: 'test-session-secret-0123456789-0123456789',
  PGLITE_DATA_DIR: 'memory://',
  // Tests drive the sync themselves; a run started by a webhook would race their assertions.
  SYNC_AFTER_WEBHOOK: '0',
});
