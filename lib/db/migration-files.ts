import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Prisma's standard layout: prisma/migrations/<timestamp>_<name>/migration.sql */
export const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of migration.sql, as Prisma records it in _prisma_migrations.checksum */
  checksum: string;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  // The folder is read at run time, not bundled: keep the bundler from tracing the whole project.
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}
