import { randomInt } from 'node:crypto';
import { createSession } from '@/lib/auth/session';
import type { Db } from '@/lib/db/client';
import type { AppRole } from '@/lib/db/types';
import type { ExceptionType, OrderSyncState, OwnerTeam } from '@/lib/generated/prisma/enums';
import { DEFAULT_EXCEPTION_OWNERS } from '@/lib/sync/rules';

/** Test data for the panel tests: a store with one signed-in user per role, and held orders. */
export const ROLES: AppRole[] = ['ADMIN', 'OPS', 'CX', 'FINANCE'];

export interface SeededStore {
  storeId: string;
  hash: string;
  tokens: Record<AppRole, string>;
  emails: Record<AppRole, string>;
}

export async function seedStore(db: Db, hash: string, storeId?: string): Promise<SeededStore> {
  const store = storeId ? { id: storeId } : await db.store.create({ data: { hash } });
  await db.storeSettings.upsert({ where: { storeId: store.id }, create: { storeId: store.id }, update: {} });
  const tokens = {} as Record<AppRole, string>;
  const emails = {} as Record<AppRole, string>;
  for (const role of ROLES) {
    const email = `${role.toLowerCase()}@${hash}.example.com`;
    const user = await db.user.create({ data: { bcUserId: randomInt(1_000_000, 2_000_000_000), email } });
    await db.storeUser.create({ data: { storeId: store.id, userId: user.id, role } });
    tokens[role] = await createSession(db, { storeId: store.id, userId: user.id }, process.env.SESSION_SECRET!);
    emails[role] = email;
  }
  return { storeId: store.id, hash, tokens, emails };
}

export interface ReasonSeed {
  type: ExceptionType;
  reasonKey: string;
  ownerTeam?: OwnerTeam;
  message?: string;
  createdAt?: Date;
  status?: 'OPEN' | 'RESOLVED' | 'IGNORED';
}

export async function seedOrder(
  db: Db,
  storeId: string,
  bcOrderId: number,
  reasons: ReasonSeed[] = [],
  fields: { state?: OrderSyncState; customerName?: string; customerEmail?: string } = {},
) {
  const order = await db.orderSync.create({
    data: {
      storeId,
      bcOrderId,
      state: fields.state ?? (reasons.some((r) => (r.status ?? 'OPEN') === 'OPEN') ? 'HELD' : 'EXPORTED'),
      customerName: fields.customerName ?? `Customer ${bcOrderId}`,
      customerEmail: fields.customerEmail ?? `customer${bcOrderId}@example.com`,
    },
  });
  const exceptions = [];
  for (const reason of reasons) {
    exceptions.push(
      await db.syncException.create({
        data: {
          storeId,
          orderSyncId: order.id,
          type: reason.type,
          status: reason.status ?? 'OPEN',
          ownerTeam: reason.ownerTeam ?? DEFAULT_EXCEPTION_OWNERS[reason.type],
          reasonKey: reason.reasonKey,
          message: reason.message ?? `${reason.type} on ${bcOrderId}`,
          ...(reason.createdAt ? { createdAt: reason.createdAt } : {}),
        },
      }),
    );
  }
  return { order, exceptions };
}

export const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

export async function json<T = Record<string, unknown>>(response: Response | Promise<Response>): Promise<{ status: number; body: T }> {
  const res = await response;
  return { status: res.status, body: (await res.json()) as T };
}
