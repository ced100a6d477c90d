import type { Prisma, PrismaClient } from '../generated/prisma/client';

/** Either the client or an interactive transaction: domain functions accept both. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

export { AppRole, StoreStatus } from '../generated/prisma/enums';
export type { Prisma } from '../generated/prisma/client';
