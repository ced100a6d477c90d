import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { disconnectDb, getDb, type Db } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { pgRunner } from '@/lib/db/runners';
import { resetEnvCache } from '@/lib/env';

export const usingRealPostgres = Boolean(process.env.TEST_ADMIN_DATABASE_URL);

/**
 * Gives the calling test file a database of its own: a fresh database on the real server when
 * DATABASE_URL was set, otherwise a fresh in-memory PGlite (migrated by lib/db/client.ts).
 */
export function setupTestDatabase(): { db: () => Db; url: () => string | undefined } {
  let db: Db | undefined;
  let dbName: string | undefined;
  beforeAll(async () => {
    await disconnectDb();
    const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
    if (adminUrl) {
      dbName = `wc_test_${randomBytes(6).toString('hex')}`;
      await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${dbName}`));
      const url = databaseUrl(adminUrl, dbName);
      const client = new Client({ connectionString: url });
      await client.connect();
      await applyMigrations(pgRunner(client));
      await client.end();
      process.env.DATABASE_URL = url;
    } else {
      delete process.env.DATABASE_URL;
    }
    resetEnvCache();
    db = await getDb();
  });
  afterAll(async () => {
    await disconnectDb();
    const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
    if (adminUrl && dbName) await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  });
  return {
    db: () => {
      if (!db) throw new Error('setupTestDatabase: the database is not ready yet (use it inside a test or hook)');
      return db;
    },
    url: () => process.env.DATABASE_URL,
  };
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(adminUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
