import { hmacSha256, randomToken } from '../crypto';
import type { DbClient } from '../db/types';
import type { AppRole } from '../db/types';

/**
 * Panel sessions. The control panel shows the app in a third-party iframe, where cookies are
 * unreliable, so the session is a bearer token the panel keeps in sessionStorage and sends as
 * `Authorization: Bearer ...`. Only an HMAC of the token is stored; every request checks the row,
 * so uninstall and remove-user end sessions at once.
 */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

export interface SessionContext {
  sessionId: string;
  store: { id: string; hash: string };
  user: { id: string; bcUserId: number; email: string };
  role: AppRole;
  isOwner: boolean;
}

export async function createSession(
  db: DbClient,
  input: { storeId: string; userId: string },
  sessionSecret: string,
  now: Date = new Date(),
): Promise<string> {
  const token = randomToken(32);
  await db.session.create({
    data: {
      tokenHash: hmacSha256(sessionSecret, token),
      storeId: input.storeId,
      userId: input.userId,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    },
  });
  return token;
}

export async function resolveSession(
  db: DbClient,
  token: string,
  sessionSecret: string,
  now: Date = new Date(),
): Promise<SessionContext | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hmacSha256(sessionSecret, token) },
    include: { store: true, user: true },
  });
  if (!session || session.expiresAt <= now || session.store.status !== 'INSTALLED') return null;
  const membership = await db.storeUser.findUnique({
    where: { storeId_userId: { storeId: session.storeId, userId: session.userId } },
  });
  if (!membership) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    sessionId: session.id,
    store: { id: session.store.id, hash: session.store.hash },
    user: { id: session.user.id, bcUserId: session.user.bcUserId, email: session.user.email },
    role: membership.role,
    isOwner: membership.isOwner,
  };
}

/** ADMIN may do everything; other roles only what a route lists. */
export function roleAllows(role: AppRole, allowed: readonly AppRole[] | undefined): boolean {
  if (!allowed || allowed.length === 0) return true;
  return role === 'ADMIN' || allowed.includes(role);
}
