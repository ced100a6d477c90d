import { retryExceptions } from '@/lib/sync/panel/retry-exceptions';
import { retryExceptionsSchema } from '@/lib/sync/panel/schemas';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** Re-queues the orders of the given exceptions (one or many). */
export const POST = withSession(
  async ({ db, session, request }) => {
    const { exceptionIds } = await parseJsonBody(request, retryExceptionsSchema);
    return jsonResponse(await retryExceptions(db, session.store.id, { exceptionIds, actorEmail: session.user.email }));
  },
  { roles: ['OPS'] },
);
