/**
 * `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (or to the embedded PGlite
 * folder when DATABASE_URL is unset), like `prisma migrate deploy`, without Prisma's native engine.
 */
import path from 'node:path';
import { Client } from 'pg';
import { applyMigrations } from '../lib/db/migrate';
import { pgRunner, pgliteRunner } from '../lib/db/runners';

async function main() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      report(await applyMigrations(pgRunner(client)), url.replace(/\/\/[^@]*@/, '//***@'));
    } finally {
      await client.end();
    }
    return;
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const dataDir = path.resolve(process.env.PGLITE_DATA_DIR ?? path.join('.data', 'pglite'));
  const pglite = await PGlite.create(dataDir);
  try {
    report(await applyMigrations(pgliteRunner(pglite)), `embedded database in ${dataDir}`);
  } finally {
    await pglite.close();
  }
}

function report(applied: string[], target: string) {
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${target}:\n  ${applied.join('\n  ')}` : `${target} is up to date.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
