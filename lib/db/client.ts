import 'server-only';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { getEnv } from '../env';
import { applyMigrations } from './migrate';
import { pgliteRunner } from './runners';

export type Db = PrismaClient;

/**
 * One Prisma client per process. With DATABASE_URL it talks to that Postgres server (migrations
 * are a deploy step: `npm run db:migrate`). Without it, the embedded default: PGlite in a local
 * folder, migrated on first use. A PGlite folder must never be opened by two processes at once.
 */
const holder = globalThis as typeof globalThis & { __connectorDb?: Promise<Db> };

export function getDb(): Promise<Db> {
  holder.__connectorDb ??= connect().catch((error: unknown) => {
    holder.__connectorDb = undefined;
    throw error;
  });
  return holder.__connectorDb;
}

export async function disconnectDb(): Promise<void> {
  const pending = holder.__connectorDb;
  holder.__connectorDb = undefined;
  if (pending) await (await pending).$disconnect();
}

async function connect(): Promise<Db> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL, max: 10 }) });
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const dataDir = env.PGLITE_DATA_DIR.startsWith('memory://') ? env.PGLITE_DATA_DIR : path.resolve(env.PGLITE_DATA_DIR);
  const pglite = await PGlite.create(dataDir);
  await applyMigrations(pgliteRunner(pglite));
  return new PrismaClient({ adapter: new PrismaPGlite(pglite) });
}
