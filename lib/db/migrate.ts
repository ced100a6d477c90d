import { randomUUID } from 'node:crypto';
import { readMigrations, type MigrationFile } from './migration-files';

/**
 * Applies committed migrations the way `prisma migrate deploy` does, keeping Prisma's own
 * `_prisma_migrations` table (same columns, sha256 checksums), so the ordinary CLI can take over
 * on a machine that has the native engine. A failed migration is recorded and blocks later runs
 * until an operator resolves it, exactly as with the CLI.
 */
export interface SqlRunner {
  /** Runs one or more statements as a single script. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
  logs: string | null;
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Any fixed number works; it only has to be the same for every instance of this app.
const ADVISORY_LOCK_KEY = 72_707_341;

export async function applyMigrations(db: SqlRunner, migrations: MigrationFile[] = readMigrations()): Promise<string[]> {
  // Several instances may start at once: one applies, the others wait and then find nothing to do.
  await db.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
  try {
    await db.exec(CREATE_TABLE);
    const rows = await db.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const failed = rows.find((row) => row.finished_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} failed earlier and blocks new migrations. Fix the database, then mark it ` +
          `rolled back (DELETE FROM "_prisma_migrations" WHERE migration_name = '${failed.migration_name}') and run again.\n` +
          `Recorded error: ${failed.logs ?? '(none)'}`,
      );
    }
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          console.warn(`[migrate] ${migration.name} was modified after it was applied (checksum differs); it is not re-run.`);
        }
        continue;
      }
      await applyOne(db, migration);
      newlyApplied.push(migration.name);
    }
    return newlyApplied;
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
  }
}

async function applyOne(db: SqlRunner, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await db.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())', [
    id,
    migration.checksum,
    migration.name,
  ]);
  try {
    // One script in one transaction, so a failing migration leaves no half-applied schema.
    await db.exec(`BEGIN;\n${migration.sql}\n;COMMIT;`);
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    await db.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, message]);
    throw new MigrationError(`Migration ${migration.name} failed: ${message}`);
  }
  await db.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
}
