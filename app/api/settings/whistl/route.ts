import { getWhistlConnectionView, saveWhistlConnection, whistlConnectionInputSchema, WhistlConnectionInputError } from '@/lib/stores/whistl-connection';
import { jsonError, jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

export const GET = withSession(
  async ({ db, session }) => jsonResponse({ connection: await getWhistlConnectionView(db, session.store.id) }),
  { roles: ['OPS'] },
);

export const PUT = withSession(
  async ({ db, session, request }) => {
    const input = await parseJsonBody(request, whistlConnectionInputSchema);
    try {
      return jsonResponse({ connection: await saveWhistlConnection(db, session.store.id, input) });
    } catch (error) {
      if (error instanceof WhistlConnectionInputError) return jsonError(400, error.message);
      throw error;
    }
  },
  { roles: ['ADMIN'] },
);
