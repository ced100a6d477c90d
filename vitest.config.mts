import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Next swaps this marker for an empty module on the server; tests run on the server side too.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests and the fault matrix have their own commands (npm run test:e2e, npm run test:faults).
    exclude: ['tests/e2e/**', 'tests/faults/**', 'node_modules/**'],
    setupFiles: ['tests/setup/env.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database (tests/setup/db.ts); two workers fit the 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
  },
});
