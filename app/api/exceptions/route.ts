import { listExceptions } from '@/lib/sync/panel/list-exceptions';
import { exceptionFiltersSchema } from '@/lib/sync/panel/schemas';
import { jsonResponse, parseQuery } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** The exception queue, grouped by order: ?status=OPEN&type=&owner=&olderThanHours= */
export const GET = withSession(
  async ({ db, session, request }) => jsonResponse(await listExceptions(db, session.store.id, parseQuery(request, exceptionFiltersSchema))),
  { roles: ['OPS', 'CX'] },
);
