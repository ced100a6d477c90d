import 'server-only';
import { resolveSession, roleAllows, type SessionContext } from '../auth/session';
import { getDb, type Db } from '../db/client';
import type { AppRole } from '../db/types';
import { getEnv } from '../env';
import { BadRequestError, jsonError } from './http';

export interface PanelContext {
  request: Request;
  session: SessionContext;
  db: Db;
}

type RouteParams = { params: Promise<Record<string, string | string[]>> };

/**
 * The one wrapper every panel API route uses. The store comes only from the verified session:
 * handlers must scope every query by `session.store.id`, never by anything the client sends.
 * Fails closed: no token, an unknown or expired one, or a role the route does not allow.
 */
export function withSession(
  handler: (ctx: PanelContext, params: Record<string, string | string[]>) => Promise<Response>,
  options: { roles?: readonly AppRole[] } = {},
) {
  return async (request: Request, route?: RouteParams): Promise<Response> => {
    const token = bearerToken(request);
    if (!token) return jsonError(401, 'Not signed in: open the app from your BigCommerce control panel.');
    const db = await getDb();
    const session = await resolveSession(db, token, getEnv().SESSION_SECRET);
    if (!session) return jsonError(401, 'Your session has ended: reopen the app from your BigCommerce control panel.');
    if (!roleAllows(session.role, options.roles)) {
      return jsonError(403, `Your role (${session.role.toLowerCase()}) cannot do this; ask a store admin.`);
    }
    try {
      return await handler({ request, session, db }, route ? await route.params : {});
    } catch (error) {
      if (error instanceof BadRequestError) return jsonError(error.status, error.message, error.details);
      console.error(`[panel] ${request.method} ${new URL(request.url).pathname} failed for store ${session.store.hash}:`, error);
      return jsonError(500, 'Something went wrong on our side; it has been logged.');
    }
  };
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
