import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations, MigrationError, type SqlRunner } from '@/lib/db/migrate';
import { readMigrations } from '@/lib/db/migration-files';
import { pgliteRunner, pgRunner } from '@/lib/db/runners';
import { pendingSchemaChanges } from '@/scripts/db-diff';
import { databaseUrl, usingRealPostgres, withAdmin } from '../setup/db';

interface Target {
  name: string;
  /** A fresh, empty database for one test. */
  open(): Promise<{ runner: SqlRunner; close(): Promise<void> }>;
}

const embedded: Target = {
  name: 'embedded PGlite',
  async open() {
    const pglite = await PGlite.create('memory://');
    return { runner: pgliteRunner(pglite), close: () => pglite.close() };
  },
};

const realPostgres: Target = {
  name: 'real Postgres',
  async open() {
    const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
    const name = `wc_mig_${randomBytes(5).toString('hex')}`;
    await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
    const client = new Client({ connectionString: databaseUrl(adminUrl, name) });
    await client.connect();
    return {
      runner: pgRunner(client),
      close: async () => {
        await client.end();
        await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE ${name} WITH (FORCE)`));
      },
    };
  },
};

// Without a Postgres server (a fresh machine) the embedded engine is the only target; CI sets
// DATABASE_URL, so both run there.
const targets = usingRealPostgres ? [embedded, realPostgres] : [embedded];

describe.each(targets)('migrations on $name', (target) => {
  it('apply to an empty database, record themselves like Prisma, and then have nothing to do', async () => {
    const { runner, close } = await target.open();
    try {
      const migrations = readMigrations();
      expect(migrations.length).toBeGreaterThan(0);
      expect(await applyMigrations(runner)).toEqual(migrations.map((m) => m.name));
      expect(await applyMigrations(runner)).toEqual([]);

      const rows = await runner.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
        'SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(rows).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })));

      const tables = await runner.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['Session', 'Store', 'StoreSettings', 'StoreUser', 'User', 'WhistlConnection']),
      );
    } finally {
      await close();
    }
  });

  it('index every foreign key', async () => {
    const { runner, close } = await target.open();
    try {
      await applyMigrations(runner);
      const unindexed = await runner.query<{ constraint_name: string }>(`
        SELECT c.conname AS constraint_name
        FROM pg_constraint c
        WHERE c.contype = 'f'
          AND NOT EXISTS (
            SELECT 1 FROM pg_index i
            WHERE i.indrelid = c.conrelid
              AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] = c.conkey::int2[]
          )`);
      expect(unindexed).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a failing migration is rolled back whole, recorded, and blocks the next run', async () => {
    const { runner, close } = await target.open();
    try {
      const good = readMigrations();
      const bad = { name: '99999999999999_broken', sql: 'CREATE TABLE "Half" (id int);\nSELECT no_such_function();', checksum: 'x'.repeat(64) };
      await expect(applyMigrations(runner, [...good, bad])).rejects.toThrow(MigrationError);
      const half = await runner.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'");
      expect(half).toEqual([]);
      await expect(applyMigrations(runner, good)).rejects.toThrow(/99999999999999_broken failed earlier/);
    } finally {
      await close();
    }
  });
});

describe('schema and migrations', () => {
  it('prisma/schema.prisma has no changes missing from prisma/migrations', async () => {
    expect(await pendingSchemaChanges()).toBeNull();
  }, 120_000);
});
