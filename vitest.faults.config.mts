import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The fault matrix (npm run test:faults): long-running, so its own command with generous
 * timeouts. Same aliases and setup as vitest.config.mts. FAULTS_ORDERS, FAULTS_RUNNERS and
 * FAULTS_SEED size and repeat a run; DATABASE_URL (a Postgres server) enables the SIGKILL part.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['tests/faults/**/*.test.ts'],
    setupFiles: ['tests/setup/env.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
